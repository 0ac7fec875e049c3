package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.contract.SuiteDocument.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The committed combined document is what the three service contracts give, and it loses or misplaces nothing. */
class SuiteDocumentTest {

    static final Path ROOT = Path.of(System.getProperty("planmonitor.root", ".."));

    @Test
    void committedSuiteDocumentIsUpToDate() throws IOException {
        String generated = SuiteDocument.generate(ROOT);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SuiteDocument.COMMITTED.getParent());
            Files.writeString(SuiteDocument.COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SuiteDocument.COMMITTED) ? Files.readString(SuiteDocument.COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            Path actual = Path.of("target/suite-generated.yaml");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, generated, StandardCharsets.UTF_8);
            fail("The combined document " + SuiteDocument.COMMITTED + " is out of date with the services' contracts (generated copy in "
                    + actual + "). Run ./mvnw -pl api-contract verify -Dopenapi.update=true and commit it.\n" + firstDifference(committed, generated));
        }
    }

    @Test
    void everyOperationIsListedAtTheUrlItsServiceAnswersOn() {
        ObjectNode suite = SuiteDocument.parse(SuiteDocument.generate(ROOT));
        int operations = 0;
        for (Service service : SuiteDocument.SERVICES) {
            ObjectNode own = SuiteDocument.read(service.contract(ROOT));
            for (Map.Entry<String, JsonNode> path : iterable(own.path("paths"))) {
                JsonNode listed = findListed(suite, service.localUrl() + path.getKey());
                assertTrue(listed != null, () -> service.name() + " " + path.getKey() + " is missing");
                for (Map.Entry<String, JsonNode> operation : iterable(path.getValue())) {
                    assertEquals(operation.getValue(), strip(listed.get(operation.getKey())),
                            service.name() + " " + operation.getKey() + " " + path.getKey());
                    operations++;
                }
            }
        }
        assertEquals(operations, count(suite), "no operation from elsewhere");
    }

    @Test
    void everyReferenceResolves() {
        ObjectNode suite = SuiteDocument.parse(SuiteDocument.generate(ROOT));
        List<String> refs = new ArrayList<>();
        collectRefs(suite, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertFalse(suite.at(ref.substring(1)).isMissingNode(), () -> ref + " does not resolve");
        }
    }

    @Test
    void identicalComponentsAreSharedAndDifferentOnesKeptPerService() {
        ObjectNode a = doc("A", "{type: object, properties: {code: {type: string}}}", "{$ref: '#/components/schemas/Code'}");
        ObjectNode b = doc("B", "{type: object, properties: {code: {type: integer}}}", "{$ref: '#/components/schemas/Code'}");
        Map<Service, ObjectNode> docs = new LinkedHashMap<>();
        docs.put(SuiteDocument.SERVICES.get(0), a);
        docs.put(SuiteDocument.SERVICES.get(1), b);
        ObjectNode suite = SuiteDocument.combine(docs);
        JsonNode schemas = suite.path("components").path("schemas");

        assertEquals(List.of("Indicator.Code", "Indicator.Holder", "Problem", "Project.Code", "Project.Holder"), names(schemas),
                "Problem is identical; Code differs, and so does Holder once its $ref names the service's own Code");
        assertEquals("#/components/schemas/Project.Code", schemas.path("Project.Holder").path("properties").path("code").path("$ref").asText());
        assertEquals("#/components/schemas/Indicator.Holder",
                suite.at("/paths/~1api~1v1~1a/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(suite.at("/info/description").asText().contains("Indicator.Code (indicator-service), Project.Code (project-service)"));
        assertTrue(SuiteDocument.parse(SuiteDocument.toYaml(suite)).equals(suite), "YAML round trip");
    }

    @Test
    void aPathOfTwoServicesIsListedTwiceAtItsRealUrl() {
        Map<Service, ObjectNode> docs = new LinkedHashMap<>();
        docs.put(SuiteDocument.SERVICES.get(0), doc("A", "{type: string}", "{type: string}"));
        docs.put(SuiteDocument.SERVICES.get(1), doc("A", "{type: string}", "{type: integer}"));
        ObjectNode suite = SuiteDocument.combine(docs);
        assertEquals("http://localhost:8081", suite.at("/paths/~1api~1v1~1a/servers/0/url").asText());
        assertEquals("http://localhost:8082/api/v1", suite.at("/paths/~1a/servers/0/url").asText());
        assertEquals("getA", suite.at("/paths/~1api~1v1~1a/get/operationId").asText());
        assertEquals("projectGetA", suite.at("/paths/~1a/get/operationId").asText(), "operation ids stay unique");
    }

    @Test
    void aPathOfThreeServicesIsListedThreeTimesAtItsRealUrl() {
        Map<Service, ObjectNode> docs = new LinkedHashMap<>();
        for (Service service : SuiteDocument.SERVICES) {
            docs.put(service, doc("A", "{type: string}", "{type: string}"));
        }
        ObjectNode suite = SuiteDocument.combine(docs);
        assertEquals("http://localhost:8081", suite.at("/paths/~1api~1v1~1a/servers/0/url").asText());
        assertEquals("http://localhost:8082/api/v1", suite.at("/paths/~1a/servers/0/url").asText());
        assertEquals("http://localhost:8083/api", suite.at("/paths/~1v1~1a/servers/0/url").asText());
        assertEquals("reportGetA", suite.at("/paths/~1v1~1a/get/operationId").asText());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Where the two texts part, rather than both whole documents. */
    private static String firstDifference(String committed, String generated) {
        List<String> a = committed.lines().toList();
        List<String> b = generated.lines().toList();
        int line = 0;
        while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
            line++;
        }
        return "First difference at line " + (line + 1) + ":\n  committed: " + (line < a.size() ? a.get(line) : "(end)")
                + "\n  generated: " + (line < b.size() ? b.get(line) : "(end)");
    }

    private static ObjectNode doc(String path, String code, String holderCode) {
        return SuiteDocument.parse("""
                openapi: 3.1.0
                info: {title: t, version: 1.0.0}
                paths:
                  /api/v1/%s:
                    get:
                      operationId: get%s
                      responses:
                        "200":
                          description: ok
                          content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}
                components:
                  schemas:
                    Code: %s
                    Holder: {type: object, properties: {code: %s}}
                    Problem: {type: object}
                """.formatted(path.toLowerCase(), path, code, holderCode));
    }

    private static JsonNode findListed(ObjectNode suite, String url) {
        for (Map.Entry<String, JsonNode> path : iterable(suite.path("paths"))) {
            if ((path.getValue().at("/servers/0/url").asText() + path.getKey()).equals(url)) {
                return path.getValue();
            }
        }
        return null;
    }

    /** The operation with the combined document's component names put back, for comparison with the service's own. */
    private static JsonNode strip(JsonNode operation) {
        JsonNode copy = operation.deepCopy();
        unprefix(copy);
        // An operationId another service uses too carries the service's name in front (projectListAuditEntries).
        if (copy instanceof ObjectNode object && object.path("operationId").isTextual()) {
            String id = object.get("operationId").asText();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:project|report)([A-Z].*)$").matcher(id);
            if (m.matches()) {
                object.put("operationId", Character.toLowerCase(m.group(1).charAt(0)) + m.group(1).substring(1));
            }
        }
        return copy;
    }

    private static void unprefix(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("$ref").isTextual()) {
            object.put("$ref", object.get("$ref").asText().replaceAll("^(#/components/[^/]+/)(Indicator|Project|Report)\\.", "$1"));
        }
        node.elements().forEachRemaining(SuiteDocumentTest::unprefix);
    }

    private static int count(ObjectNode suite) {
        int n = 0;
        for (Map.Entry<String, JsonNode> path : iterable(suite.path("paths"))) {
            for (Map.Entry<String, JsonNode> field : iterable(path.getValue())) {
                n += field.getKey().equals("servers") ? 0 : 1;
            }
        }
        return n;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.path("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }
}
