package gov.planmonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.testsupport.Contract;
import gov.planmonitor.testsupport.ContractConformance;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The JSON content of every report type, fetched as a client does, is valid against the schema the committed contract
 * gives getReportContent: a typed client can rely on it. The schema is closed, so a section the contract does not
 * declare fails here.
 */
@QuarkusTest
class ReportContentSchemaTest {

    private static final ContractConformance CONTRACT = ContractConformance.ofYaml(Contract.COMMITTED);
    private static final String SCHEMA = "/paths/~1api~1v1~1reports~1{id}~1content/get/responses/200/content/application~1json/schema";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}",
            "{\"type\":\"PLAN_EVALUATION\",\"plan\":\"AP2017\"}",
            "{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"AP2017\"}",
            "{\"type\":\"PROJECT_PROGRESS\",\"list\":\"FYP13-KEY\",\"year\":2017}",
            "{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\"}"})
    void theContentOfEachReportTypeFollowsTheContractSchema(String request) throws IOException {
        String id = Reports.generated(request);
        String body = given().accept("application/json").when().get("/api/v1/reports/" + id + "/content")
                .then().statusCode(200).extract().asString();
        JsonNode content = JSON.readTree(body);
        assertEquals(JSON.readTree(request).path("type").asText(), content.path("type").asText());

        assertEquals(List.of(), CONTRACT.validate(SCHEMA, content));
        ObjectNode undeclared = content.deepCopy();
        undeclared.put("undeclaredSection", 1);
        assertFalse(CONTRACT.validate(SCHEMA, undeclared).isEmpty(), "the schema names every section");
    }

    /** The same with the plan's tasks (DownstreamMock.withTasks), so the keyWork and oversight sections are filled. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2017-11-15T00:00:00Z\"}",
            "{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"AP2017\",\"asOf\":\"2017-11-15T00:00:00Z\"}",
            "{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"2018-01-02T00:00:00+08:00\"}"})
    void theTaskSectionsFollowTheContractSchema(String request) throws IOException {
        DownstreamMock.withTasks();
        try {
            String id = Reports.generated(request);
            JsonNode content = JSON.readTree(given().accept("application/json").when().get("/api/v1/reports/" + id + "/content")
                    .then().statusCode(200).extract().asString());
            assertFalse(content.path("keyWork").isMissingNode() && content.path("oversight").isMissingNode(), "a task section");
            assertEquals(List.of(), CONTRACT.validate(SCHEMA, content));
            ObjectNode undeclared = content.deepCopy();
            JsonNode section = undeclared.has("keyWork") ? undeclared.get("keyWork") : undeclared.get("oversight");
            ((ObjectNode) section).put("undeclaredCount", 1);
            assertFalse(CONTRACT.validate(SCHEMA, undeclared).isEmpty(), "the task sections are closed too");
        } finally {
            DownstreamMock.healthy();
        }
    }
}
