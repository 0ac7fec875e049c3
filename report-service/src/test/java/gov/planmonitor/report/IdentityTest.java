package gov.planmonitor.report;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who report-service speaks as: the parameters of a request are checked with the other services under the caller's
 * own token; the job, which runs outside any request, reads them under report-service's service token; the report
 * and the audit trail record who asked.
 */
@QuarkusTest
class IdentityTest {

    @BeforeEach
    void healthy() {
        DownstreamMock.healthy();
    }

    @Test
    void theCallersTokenChecksTheRequestAndTheServiceTokenBuildsTheReport() {
        String token = Tokens.of("u-chen", "报告员 陈静", List.of("reporter"), List.of());
        String id = given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                .body("{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"AP2017\"}")
                .when().post("/api/v1/reports").then().statusCode(202).body("createdBy", equalTo("报告员 陈静 (u-chen)"))
                .extract().path("id");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        // The checks made while the request was answered carry the caller's own token; the job's reads (the
        // evaluation among them, which only the job reads) carry report-service's service token.
        List<LoggedRequest> checks = DownstreamMock.server.findAll(anyRequestedFor(urlPathMatching("/api/v1/departments/DRC")));
        assertFalse(checks.isEmpty());
        assertEquals(Tokens.bearer(token), checks.get(0).getHeader("Authorization"));
        List<LoggedRequest> reads = DownstreamMock.server.findAll(anyRequestedFor(urlPathMatching("/api/v1/.*"))).stream()
                .filter(r -> !Tokens.bearer(token).equals(r.getHeader("Authorization"))).toList();
        assertTrue(reads.stream().anyMatch(r -> r.getUrl().contains("/evaluation")), "the job read the evaluation");
        for (LoggedRequest read : reads) {
            String authorization = read.getHeader("Authorization");
            assertTrue(authorization != null && authorization.startsWith("Bearer "), () -> read.getUrl() + " without a token");
            String[] parts = authorization.substring(7).split("\\.");
            JsonPath header = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            // A service token: its own issuer (never the users'), the service key's kid (a JWKS of several keys needs
            // one), the role service and no other.
            assertEquals(Tokens.SERVICE_ISSUER, claims.getString("iss"), read.getUrl());
            assertEquals(Tokens.SERVICE_KEY_ID, header.getString("kid"), read.getUrl());
            assertEquals("RS256", header.getString("alg"), read.getUrl());
            assertEquals("report-service", claims.getString("sub"), read.getUrl());
            assertEquals(List.of("service"), claims.getList("groups"), read.getUrl());
            assertEquals("planmonitor", claims.getString("aud"));
            // ...which the services accept (report-service verifies as they do, against the same JWKS), and which
            // would be refused with any other role.
            given().header("Authorization", authorization).when().get("/api/v1/changes").then().statusCode(200);
        }
        assertTrue(DownstreamMock.server.findAll(anyRequestedFor(urlPathMatching("/api/v1/plans/AP2017/evaluation"))).stream()
                .noneMatch(r -> Tokens.bearer(token).equals(r.getHeader("Authorization"))), "the job does not use the caller's token");

        // Two entries: the request, made by the caller, and the job's outcome, made by report-service itself.
        JsonPath audit = given().queryParam("resourceType", "report").queryParam("resource", id).queryParam("sort", "occurredAt")
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(2, audit.getInt("total"));
        assertEquals("report-service", audit.getString("items[1].subject"));
        assertEquals("SUCCEEDED", audit.getString("items[1].after.status"));
        assertEquals("u-chen", audit.getString("items[0].subject"));
        assertEquals("requestReport", audit.getString("items[0].operation"));
        assertEquals("QUEUED", audit.getString("items[0].after.status"));
    }

    @Test
    void aPlannerMayNotRequestReportsAndNothingIsQueued() {
        long before = given().when().get("/api/v1/reports").then().statusCode(200).extract().jsonPath().getLong("total");
        given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType(ContentType.JSON)
                .body("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"AP2017\"}")
                .when().post("/api/v1/reports").then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, given().when().get("/api/v1/reports").then().statusCode(200).extract().jsonPath().getLong("total"));
    }
}
