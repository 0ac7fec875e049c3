package gov.planmonitor.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The CORS policy every service shares: the origins listed in configuration (tests list
 * {@value #ALLOWED}) may call the API from a browser and read its Location and ETag headers; any other origin is refused.
 */
public final class Cors {

    public static final String ALLOWED = "https://plan.example.gov.cn";

    private Cors() {
    }

    /** @param path a GET path of the service that answers 200 */
    public static void assertPolicy(String path) {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "If-Match,Content-Type")
                .when().options(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("PUT"));
        given().header("Origin", ALLOWED).when().get(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://elsewhere.example.com").when().get(path)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
