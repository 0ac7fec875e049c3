package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Report jobs against WireMock stand-ins for the other two services. */
@QuarkusTest
class ReportTest {

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
    }

    private static String request(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports")
                .then().statusCode(202).header("Location", containsString("/api/v1/reports/"))
                .body("status", equalTo("QUEUED")).extract().path("id");
    }

    private static String awaitFinished(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status = given().when().get("/api/v1/reports/" + id).then().statusCode(200).extract().path("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fail("report " + id + " did not finish");
    }

    @Test
    void annualExecutionReportIsBuiltPinnedAndStable() {
        String id = request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2018-02-08T00:00:00Z\"}");
        assertEquals("SUCCEEDED", awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("contentHash", notNullValue()).body("attempts", equalTo(1));
        byte[] first = given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("plan", equalTo("AP2017"))
                .body("indicators", hasSize(2))
                .body("indicators[0].nameZh", equalTo("地区生产总值（简称“GDP”）"))
                .body("indicators[0].growthRate", equalTo(6.1f))
                .body("indicators[0].verdict", equalTo("ACHIEVED"))
                .body("indicators[1].verdict", equalTo("NOT_EVALUABLE"))
                .body("projects.investment.completionRatio", equalTo(112.5f))
                .body("narrativeZh", containsString("43个重点项目完成投资23.9亿元，完成年度计划投资的112.5%"))
                .extract().asByteArray();
        byte[] again = given().when().get("/api/v1/reports/" + id + "/content").then().extract().asByteArray();
        assertArrayEquals(first, again, "a published report never changes under the reader's feet");

        given().accept("text/markdown").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("| 1 | 地区生产总值（简称“GDP”）")).body(containsString("完成 Achieved"));

        // Regenerating with the same asOf and the same data gives the same content.
        String twin = request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2018-02-08T00:00:00Z\"}");
        assertEquals("SUCCEEDED", awaitFinished(twin));
        String hash = given().when().get("/api/v1/reports/" + id).then().extract().path("contentHash");
        given().when().get("/api/v1/reports/" + twin).then().body("contentHash", equalTo(hash));
        given().queryParam("type", "ANNUAL_EXECUTION").queryParam("status", "SUCCEEDED").when().get("/api/v1/reports")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void anOutageFailsTheJobWithItsReasonAndALaterRequestSucceeds() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(503, "{}")));
        String id = request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("FAILED", awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("failureReason", containsString("did not answer"));
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(409).contentType("application/problem+json");

        DownstreamMock.healthy();
        String retry = request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", awaitFinished(retry));
    }

    @Test
    void anUnknownPlanFailsWithAClearReason() {
        String id = request("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"NOPE\"}");
        assertEquals("FAILED", awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("failureReason", containsString("NOPE does not exist"));
    }

    @Test
    void badRequestsAreProblems() {
        given().contentType(ContentType.JSON).body("{\"type\":\"HOROSCOPE\",\"year\":2017}").when().post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ANNUAL_EXECUTION\"}").when().post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body("{\"type\":\"PLAN_EVALUATION\"}").when().post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].field", equalTo("plan"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"colour\":1}").when().post("/api/v1/reports")
                .then().statusCode(400);
        given().when().get("/api/v1/reports/00000000-0000-0000-0000-000000000000").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "DONE").when().get("/api/v1/reports").then().statusCode(400);
        String id = request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", awaitFinished(id));
        given().queryParam("format", "docx").when().get("/api/v1/reports/" + id + "/content").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}
