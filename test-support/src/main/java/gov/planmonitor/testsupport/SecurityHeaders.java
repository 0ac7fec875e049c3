package gov.planmonitor.testsupport;

import io.restassured.response.ValidatableResponse;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The security headers every service sends (its application.properties): {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer} on every response, and on /api/* the {@value #API_CSP} Content-Security-Policy
 * (enough for report-service's HTML reports, nothing more); none on /q/*, where Swagger UI needs its scripts.
 */
public final class SecurityHeaders {

    public static final String NOSNIFF = "nosniff";
    public static final String NO_REFERRER = "no-referrer";
    public static final String API_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    /** The headers of an /api/* response. */
    public static ValidatableResponse assertApi(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo(NOSNIFF))
                .header("Referrer-Policy", equalTo(NO_REFERRER))
                .header("Content-Security-Policy", equalTo(API_CSP));
    }

    /** The headers of a response outside /api/*: no Content-Security-Policy. */
    public static ValidatableResponse assertOther(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo(NOSNIFF))
                .header("Referrer-Policy", equalTo(NO_REFERRER))
                .header("Content-Security-Policy", nullValue());
    }

    /**
     * The headers on the answers every service gives: a 200 JSON read, a 404 Problem for something that does not exist,
     * a 404 Problem for a path nothing serves, a 401 Problem, a 405 Problem, the OpenAPI document, Swagger UI and the
     * health check on the management port.
     *
     * @param read    a GET path of the service that answers 200 with JSON
     * @param missing a GET path of something that does not exist (404 Problem)
     * @param health  the service's readiness URL on the management port
     */
    public static void assertPolicy(String read, String missing, URL health) {
        assertApi(given().when().get(read).then().statusCode(200).contentType(startsWith("application/json")));
        assertApi(given().when().get(missing).then().statusCode(404).contentType(startsWith("application/problem+json")));
        assertApi(given().when().get("/api/v1/no-such-resource").then().statusCode(404).contentType(startsWith("application/problem+json")));
        // The audit trail needs a token; without one, the security layer answers.
        assertApi(given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/audit")
                .then().statusCode(401).contentType(startsWith("application/problem+json")));
        assertApi(given().when().delete(read).then().statusCode(405).contentType(startsWith("application/problem+json")));
        assertOther(given().when().get("/q/openapi").then().statusCode(200));
        // Swagger UI runs scripts of its own: no script-forbidding policy on it.
        assertOther(given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script")));
        assertOther(given().when().get(health).then().statusCode(200));
    }
}
