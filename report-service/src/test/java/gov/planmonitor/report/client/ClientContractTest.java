package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.planmonitor.testsupport.ContractConformance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report service's clients and the WireMock answers its tests rely on, checked against the committed contracts of
 * the indicator and project services: an incompatible change there (a renamed path, parameter or response field) fails
 * this build, not a report in production. The records the clients read answers into are checked field by field against
 * the answers' schemas ({@link RecordContract}; RecordContractTest shows it failing on records that do not fit).
 */
class ClientContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final java.nio.file.Path INDICATOR = java.nio.file.Path.of("../indicator-service/src/main/resources/openapi/openapi.yaml");
    private static final java.nio.file.Path PROJECT = java.nio.file.Path.of("../project-service/src/main/resources/openapi/openapi.yaml");

    @Test
    void everyClientOperationExistsInTheContractWithItsParameters() throws IOException {
        assertNoProblems(ClientContractTest::checkClient);
    }

    @Test
    void everyFieldTheClientsReadIsInTheResponseSchemaWithACompatibleType() throws IOException {
        assertNoProblems(ClientContractTest::checkRecords);
    }

    /** A check of one client against its service's contract, adding what it finds to problems. */
    private interface ClientCheck {
        void check(Class<?> client, JsonNode contract, List<String> problems);
    }

    private static void assertNoProblems(ClientCheck check) throws IOException {
        List<String> problems = new ArrayList<>();
        check.check(IndicatorRestClient.class, YAML.readTree(INDICATOR.toFile()), problems);
        check.check(ProjectRestClient.class, YAML.readTree(PROJECT.toFile()), problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void theStandInAnswersAreResponsesTheContractsAllow() throws IOException {
        ContractConformance indicator = ContractConformance.ofYaml(INDICATOR);
        ContractConformance project = ContractConformance.ofYaml(PROJECT);
        List<String> problems = new ArrayList<>();
        Map<String, Object[]> fixtures = Map.of(
                "plan-ap2017.json", new Object[]{indicator, "/api/v1/plans/AP2017"},
                "ap2017-evaluation.json", new Object[]{indicator, "/api/v1/plans/AP2017/evaluation"},
                "department-drc.json", new Object[]{indicator, "/api/v1/departments/DRC"},
                "ap2017-tasks.json", new Object[]{indicator, "/api/v1/tasks"},
                "ap2017-tasks-drc.json", new Object[]{indicator, "/api/v1/tasks"},
                "ap2017-key-summary.json", new Object[]{project, "/api/v1/project-lists/AP2017-KEY/summary"},
                "fyp13-key-summary.json", new Object[]{project, "/api/v1/project-lists/FYP13-KEY/summary"},
                "fyp13-key-list.json", new Object[]{project, "/api/v1/project-lists/FYP13-KEY"},
                "fyp13-key-projects.json", new Object[]{project, "/api/v1/projects"});
        for (Map.Entry<String, Object[]> f : fixtures.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/downstream/" + f.getKey())) {
                // The same check as every response of this suite's own tests: the WireMock answer as a 200 of that path.
                ((ContractConformance) f.getValue()[0]).check("GET", (String) f.getValue()[1], 200, "application/json",
                        header -> null, in.readAllBytes()).forEach(p -> problems.add(f.getKey() + ": " + p));
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The record each operation returns against the schema of its 200 answer (RecordContract says what is checked). */
    private static void checkRecords(Class<?> client, JsonNode contract, List<String> problems) {
        String base = client.getAnnotation(Path.class).value();
        for (Method m : client.getDeclaredMethods()) {
            String path = base + (m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
            JsonNode schema = contract.path("paths").path(path).path("get").path("responses").path("200").path("content")
                    .path("application/json").path("schema");
            if (schema.isMissingNode()) {
                problems.add(client.getSimpleName() + "." + m.getName() + ": the contract has no JSON 200 answer at GET " + path);
                continue;
            }
            RecordContract.check(contract, m.getGenericReturnType(), schema)
                    .forEach(p -> problems.add(client.getSimpleName() + "." + m.getName() + ": " + p));
        }
    }

    private static void checkClient(Class<?> client, JsonNode contract, List<String> problems) {
        String base = client.getAnnotation(Path.class).value();
        for (Method m : client.getDeclaredMethods()) {
            String path = base + (m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
            JsonNode operation = contract.path("paths").path(path).path(m.isAnnotationPresent(GET.class) ? "get" : "?");
            if (!m.getName().equals(operation.path("operationId").asText())) {
                problems.add(client.getSimpleName() + "." + m.getName() + ": the contract has no operation " + m.getName() + " at GET " + path);
                continue;
            }
            for (Parameter p : m.getParameters()) {
                String name = p.isAnnotationPresent(QueryParam.class) ? p.getAnnotation(QueryParam.class).value() : p.getAnnotation(PathParam.class).value();
                String in = p.isAnnotationPresent(QueryParam.class) ? "query" : "path";
                boolean declared = false;
                for (JsonNode declaredParameter : operation.path("parameters")) {
                    declared |= name.equals(declaredParameter.path("name").asText()) && in.equals(declaredParameter.path("in").asText());
                }
                if (!declared) {
                    problems.add(m.getName() + ": parameter " + name + " (" + in + ") is not in the contract");
                }
            }
        }
    }
}
