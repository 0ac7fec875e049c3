package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A client generated from the contract may accept only application/problem+json (openapi-generator's Java client,
 * where an operation lists an error's media type first). It gets the operation's answer when it succeeds and a
 * Problem when it fails, never a 406; an Accept naming another type the operation cannot give is still refused.
 */
@QuarkusTest
class AcceptHeaderTest {

    private static final String PROBLEM_ONLY = "application/problem+json";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    @Test
    void aReadAcceptingOnlyProblemsIsAnsweredWithItsJson() {
        given().accept(PROBLEM_ONLY).when().get("/api/v1/plans/FYP13")
                .then().statusCode(200).contentType(startsWith("application/json")).body("code", equalTo("FYP13"));
        given().accept(PROBLEM_ONLY + ";q=0.9").when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200).contentType(startsWith("application/json")).body("total", equalTo(45));
    }

    @Test
    void aWriteAcceptingOnlyProblemsIsAnsweredWithItsJsonAndAFailureWithAProblem() {
        String code = Fixtures.code("ACC");
        given().accept(PROBLEM_ONLY).contentType(ContentType.JSON).body(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null))
                .when().post("/api/v1/plans")
                .then().statusCode(201).contentType(startsWith("application/json")).body("code", equalTo(code));
        given().accept(PROBLEM_ONLY).contentType(ContentType.JSON).body(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null))
                .when().post("/api/v1/plans")
                .then().statusCode(409).contentType(startsWith(PROBLEM_ONLY));
        given().accept(PROBLEM_ONLY).when().get("/api/v1/plans/NO-SUCH-PLAN")
                .then().statusCode(404).contentType(startsWith(PROBLEM_ONLY));
    }

    @Test
    void aTypeTheOperationCannotGiveIsStillRefused() {
        given().accept("image/png").when().get("/api/v1/plans/FYP13").then().statusCode(406);
    }
}
