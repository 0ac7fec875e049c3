package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-client rates with small numbers (the defaults, 600 and 3,000 a minute, are more than a district's traffic ever
 * makes): a client past its share gets 429 with a Problem and Retry-After, and only that client does.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallLimits.class)
class RateLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planmonitor.limits.rate.enabled", "true",
                    "planmonitor.limits.rate.anonymous-per-minute", "6",
                    "planmonitor.limits.rate.authenticated-per-minute", "8",
                    "planmonitor.limits.rate.anonymous-computations-per-minute", "2");
        }
    }

    @Test
    void anAnonymousClientPastItsShareIsRefusedAndNobodyElseIs() {
        // One address's anonymous bucket: 6 a minute (a client behind the trusted proxy is told apart by X-Forwarded-For).
        String client = "203.0.113.7";
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client).when().get("/api/v1/plans").then().statusCode(200);
        }
        String retryAfter = problem(given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client)
                .when().get("/api/v1/plans").then(), 429)
                .body("detail", containsString("more than 6 requests a minute from " + client + " without a token"))
                .extract().header("Retry-After");
        // One token comes back every 10 s.
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 10, retryAfter);
        // Another address, and a signed-in caller from the same one, are not held back.
        given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", "203.0.113.8").when().get("/api/v1/plans").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.planner())).header("X-Forwarded-For", client).when().get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void aTokenPastItsShareIsRefusedWhateverTheAddress() {
        String token = Tokens.bearer(Tokens.of("u-busy", "忙碌的用户", List.of("reporter"), List.of()));
        for (int i = 0; i < 8; i++) {
            given().header("Authorization", token).header("X-Forwarded-For", "198.51.100." + i).when().get("/api/v1/departments").then().statusCode(200);
        }
        problem(given().header("Authorization", token).when().get("/api/v1/departments").then(), 429)
                .body("detail", containsString("the token of u-busy"));
        given().header("Authorization", Tokens.bearer(Tokens.of("u-calm", "平静的用户", List.of("reporter"), List.of())))
                .when().get("/api/v1/departments").then().statusCode(200);
        // Health and the contract are not the API: never limited.
        given().header("Authorization", token).when().get("/q/openapi").then().statusCode(200);
    }

    /**
     * An anonymous caller cannot make the service compute at will: answers it has not seen cost one of its 2
     * computations a minute (each new asOf of an evaluation is one), and no-cache from it gets the kept answer.
     */
    @Test
    void anAnonymousClientCannotForceComputations() {
        Fixtures.seeds();
        String client = "203.0.113.20";
        String evaluation = "/api/v1/plans/FYP13/evaluation";
        given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client).queryParam("asOf", "2018-06-30T00:00:00Z")
                .when().get(evaluation).then().statusCode(200);
        given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client).queryParam("asOf", "2018-06-30T00:00:01Z")
                .when().get(evaluation).then().statusCode(200);
        problem(given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client).queryParam("asOf", "2018-06-30T00:00:02Z")
                .when().get(evaluation).then(), 429)
                .body("detail", containsString("more than 2 answers not yet computed a minute from " + client));
        // What is kept is still served, even when the client says no-cache: the kept answer is as fresh as a new one.
        given().header("Authorization", Tokens.ANONYMOUS).header("X-Forwarded-For", client).header("Cache-Control", "no-cache")
                .queryParam("asOf", "2018-06-30T00:00:00Z").when().get(evaluation).then().statusCode(200);
        // A signed-in reader computes what it asks for.
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).header("X-Forwarded-For", client).queryParam("asOf", "2018-06-30T00:00:02Z")
                .when().get(evaluation).then().statusCode(200);
    }
}
