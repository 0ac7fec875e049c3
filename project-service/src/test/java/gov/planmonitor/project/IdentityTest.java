package gov.planmonitor.project;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** project-service asks indicator-service about linked indicators under the caller's own token, and records who wrote. */
@QuarkusTest
class IdentityTest {

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    @Test
    void theLinkedIndicatorIsCheckedWithTheCallersTokenAndTheWriteIsAudited() {
        String id = Fixtures.code("ID");
        String token = Tokens.planner();
        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"nameZh\":\"测试项目\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\","
                        + "\"indicators\":[\"FYP13-19\"],\"departments\":[{\"code\":\"DRC\",\"role\":\"LEAD\"}]}")
                .when().post("/api/v1/projects").then().statusCode(201);
        List<LoggedRequest> checks = IndicatorServiceMock.server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/indicators/FYP13-19")));
        assertFalse(checks.isEmpty());
        assertEquals(Tokens.bearer(token), checks.get(checks.size() - 1).getHeader("Authorization"));

        JsonPath audit = given().queryParam("resourceType", "project").queryParam("resource", id).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, audit.getInt("total"));
        assertEquals("u-planner", audit.getString("items[0].subject"));
        assertEquals(List.of("planner"), audit.getList("items[0].roles"));
        assertEquals("createProject", audit.getString("items[0].operation"));
        assertEquals(List.of("FYP13-19"), audit.getList("items[0].after.indicators"));
    }

    @Test
    void anotherDepartmentMayNotReportAProjectsInvestmentAndNothingIsWritten() {
        String id = Fixtures.code("ID");
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"nameZh\":\"测试项目\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\","
                        + "\"departments\":[{\"code\":\"CONSTRUCTION\",\"role\":\"LEAD\"}]}")
                .when().post("/api/v1/projects").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.department("EDU"))).contentType(ContentType.JSON)
                .body("{\"planned\": 1000000}")
                .when().put("/api/v1/projects/" + id + "/investments/2018").then().statusCode(403)
                .body("detail", equalTo("reporting investment of project " + id + " is for departments CONSTRUCTION; your token speaks for EDU"));
        given().when().get("/api/v1/projects/" + id + "/investments/2018").then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.department("CONSTRUCTION"))).contentType(ContentType.JSON)
                .body("{\"planned\": 1000000}")
                .when().put("/api/v1/projects/" + id + "/investments/2018").then().statusCode(201);
        assertEquals(1, given().queryParam("resourceType", "investment").queryParam("resource", id + "/2018").when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
    }
}
