package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report service's clients and the WireMock answers its tests rely on, checked against the committed contracts of
 * the indicator and project services: an incompatible change there (a renamed path, parameter or response field) fails
 * this build, not a report in production.
 */
class ClientContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.nio.file.Path INDICATOR = java.nio.file.Path.of("../indicator-service/src/main/resources/openapi/openapi.yaml");
    private static final java.nio.file.Path PROJECT = java.nio.file.Path.of("../project-service/src/main/resources/openapi/openapi.yaml");

    @Test
    void everyClientOperationExistsInTheContractWithItsParameters() throws IOException {
        List<String> problems = new ArrayList<>();
        checkClient(IndicatorRestClient.class, YAML.readTree(INDICATOR.toFile()), problems);
        checkClient(ProjectRestClient.class, YAML.readTree(PROJECT.toFile()), problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void theStandInAnswersAreResponsesTheContractsAllow() throws IOException {
        JsonNode indicator = YAML.readTree(INDICATOR.toFile());
        JsonNode project = YAML.readTree(PROJECT.toFile());
        List<String> problems = new ArrayList<>();
        Map<String, Object[]> fixtures = Map.of(
                "plan-ap2017.json", new Object[]{indicator, "/api/v1/plans/{code}"},
                "ap2017-evaluation.json", new Object[]{indicator, "/api/v1/plans/{code}/evaluation"},
                "department-drc.json", new Object[]{indicator, "/api/v1/departments/{code}"},
                "ap2017-key-summary.json", new Object[]{project, "/api/v1/project-lists/{code}/summary"},
                "fyp13-key-summary.json", new Object[]{project, "/api/v1/project-lists/{code}/summary"},
                "fyp13-key-list.json", new Object[]{project, "/api/v1/project-lists/{code}"},
                "fyp13-key-projects.json", new Object[]{project, "/api/v1/projects"});
        for (Map.Entry<String, Object[]> f : fixtures.entrySet()) {
            JsonNode contract = (JsonNode) f.getValue()[0];
            JsonNode schema = contract.path("paths").path((String) f.getValue()[1]).path("get").path("responses").path("200")
                    .path("content").path("application/json").path("schema");
            assertTrue(schema.isObject(), "no 200 JSON response for " + f.getValue()[1]);
            try (InputStream in = getClass().getResourceAsStream("/downstream/" + f.getKey())) {
                conforms(contract, schema, JSON.readTree(in), f.getKey(), problems);
            }
        }
        assertEquals(List.of(), problems);
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

    /** Types, enums and property names; null is allowed anywhere because the contracts do not mark nullability. */
    private static void conforms(JsonNode contract, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            conforms(contract, contract.path("components").path("schemas").path(name), value, at, problems);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            conforms(contract, part, value, at, problems);
        }
        if (value.isNull()) {
            return;
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typeOk) {
            problems.add(at + ": " + value.getNodeType() + " where the contract says " + type);
            return;
        }
        if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                conforms(contract, schema.path("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
        if (value.isObject() && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode property = schema.path("properties").path(field.getKey());
                if (property.isMissingNode()) {
                    problems.add(at + "." + field.getKey() + ": not in the contract's " + schema.path("description").asText("schema"));
                } else {
                    conforms(contract, property, field.getValue(), at + "." + field.getKey(), problems);
                }
            }
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(f -> conforms(contract, schema.get("additionalProperties"), f.getValue(), at + "." + f.getKey(), problems));
        }
    }
}
