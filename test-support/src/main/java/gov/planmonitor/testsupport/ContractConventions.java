package gov.planmonitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API conventions every contract must state (README, "API conventions"), checked on the document itself: every
 * operation has an operationId, one tag and a summary; every error is a Problem; lists document page, size (at most
 * 200) and sort; updates take If-Match and document 412 and 428; an operation on a versioned resource documents its
 * ETag; JSON bodies carry an example, and every example (operation or schema) is valid against its schema.
 */
public final class ContractConventions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ContractConventions() {
    }

    /** Every broken convention, empty when the contract follows them all. */
    public static List<String> check(Path contractFile) {
        JsonNode document;
        try {
            document = YAML.readTree(contractFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContractConformance schemas = ContractConformance.ofYaml(contractFile);
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean versioned = path.getValue().has("put");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
                operation(schemas, document, op.getKey().toUpperCase() + " " + path.getKey(), pointer, op.getValue(), versioned, problems);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            JsonNode media = response.getValue().path("content").path("application/problem+json");
            examples(schemas, "components/responses/" + response.getKey(),
                    "/components/responses/" + escape(response.getKey()) + "/content/application~1problem+json", media, problems);
        }
        schemaExamples(schemas, document.path("components").path("schemas"), "/components/schemas", problems);
        forGenerators(document, "", problems);
        if (!document.path("servers").path(0).path("url").isTextual()) {
            problems.add("servers: none, so a generated client has no base URL to start from");
        }
        return problems;
    }

    /**
     * What client generators need to make types: an enum states its type, a number has no pattern (generators ignore
     * it; JSON Schema applies patterns to strings only), and a list of codes is an enum, not a pattern.
     */
    private static void forGenerators(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            String type = node.path("type").toString();
            if (node.has("enum") && !node.has("type")) {
                problems.add(pointer + ": an enum without a type");
            }
            if (node.path("pattern").isTextual() && (type.contains("number") || type.contains("integer"))) {
                problems.add(pointer + ": a pattern on a number (use minimum, maximum or words)");
            }
            if (node.path("pattern").isTextual() && node.path("pattern").asText().matches("[A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)+")) {
                problems.add(pointer + ": a pattern listing codes (" + node.path("pattern").asText() + ") where an enum belongs");
            }
            // Constructs that break a mainstream generator (openapi-generator's python, found by generating from these contracts).
            if (node.path("format").asText().equals("uuid") && node.has("pattern")) {
                problems.add(pointer + ": a pattern beside format: uuid (the Python client then checks its UUID object as text)");
            }
            if (node.path("in").asText().equals("query") && node.path("schema").path("type").toString().contains("string")
                    && !node.path("schema").has("format") && (isDateTime(node.path("example")) || isDateTime(node.path("schema").path("examples").path(0)))) {
                problems.add(pointer + ": a time parameter (" + node.path("name").asText() + ") without format: date-time");
            }
            for (String text : List.of("description", "summary")) {
                if (node.path(text).isTextual() && node.path(text).asText().contains("*/")) {
                    problems.add(pointer + "/" + text + ": \"*/\" (the Go client puts it in a /* */ comment, which it ends)");
                }
            }
            if (pointer.isEmpty() && node.has("webhooks")) {
                problems.add("webhooks: generators make a client operation of each (a call to a path no service serves);"
                        + " describe them under x-webhooks");
            }
            if (node.has("$ref") && node.size() > 1) {
                List<String> siblings = new ArrayList<>();
                node.fieldNames().forEachRemaining(siblings::add);
                siblings.remove("$ref");
                problems.add(pointer + ": keywords beside $ref " + siblings + " (the Python client types such a property as a dict)");
            }
        }
        if (node.isContainerNode()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                if (!child.getKey().equals("examples") && !child.getKey().equals("example")) {
                    forGenerators(child.getValue(), pointer + "/" + escape(child.getKey()), problems);
                }
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    forGenerators(node.get(i), pointer + "/" + i, problems);
                }
            }
        }
    }

    private static void operation(ContractConformance schemas, JsonNode document, String name, String pointer, JsonNode op,
                                  boolean versioned, List<String> problems) {
        if (op.path("operationId").asText().isBlank()) {
            problems.add(name + ": no operationId");
        }
        if (op.path("tags").size() != 1) {
            problems.add(name + ": " + op.path("tags").size() + " tags, not one");
        }
        if (op.path("summary").asText().isBlank()) {
            problems.add(name + ": no summary");
        }
        JsonNode responses = op.path("responses");
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            JsonNode resolved = resolve(document, response.getValue());
            String at = name + " " + response.getKey();
            if (resolved.path("description").asText().isBlank()) {
                problems.add(at + ": no description");
            }
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                JsonNode problem = resolved.path("content").path("application/problem+json");
                if (!"#/components/schemas/Problem".equals(problem.path("schema").path("$ref").asText())
                        || resolved.path("content").size() != 1) {
                    problems.add(at + ": an error must be exactly application/problem+json with the Problem schema");
                }
            }
        }
        for (String status : List.of("400", "500")) {
            if (!responses.has(status)) {
                problems.add(name + ": does not document " + status);
            }
        }
        if (pointer.contains("%7B") || name.contains("{")) {
            if (!responses.has("404")) {
                problems.add(name + ": has a path parameter but does not document 404");
            }
        }
        String ok = responses.has("200") ? "200" : responses.has("201") ? "201" : null;
        JsonNode okSchema = ok == null ? null : resolve(document, responses.get(ok)).path("content").path("application/json").path("schema");
        if (okSchema != null && okSchema.path("$ref").asText().startsWith("#/components/schemas/PageDto")) {
            paging(document, name, op, problems);
        }
        if (name.startsWith("PUT ")) {
            JsonNode ifMatch = parameter(op, "header", "If-Match");
            if (ifMatch == null) {
                problems.add(name + ": an update must take If-Match");
            }
            for (String status : List.of("412", "428")) {
                if (!responses.has(status)) {
                    problems.add(name + ": an update must document " + status);
                }
            }
        }
        if (versioned && !name.startsWith("POST ")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if ((response.getKey().equals("200") || response.getKey().equals("201"))
                        && !resolve(document, response.getValue()).path("headers").has("ETag")) {
                    problems.add(name + " " + response.getKey() + ": a versioned resource must document its ETag");
                }
            }
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json");
        if (body.isObject()) {
            examples(schemas, name + " request", pointer + "/requestBody/content/application~1json", body, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getValue().has("$ref")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> m = media.next();
                if (m.getKey().endsWith("json")) {
                    examples(schemas, name + " " + response.getKey() + " " + m.getKey(),
                            pointer + "/responses/" + response.getKey() + "/content/" + escape(m.getKey()), m.getValue(), problems);
                }
            }
        }
    }

    private static void paging(JsonNode document, String name, JsonNode op, List<String> problems) {
        for (String param : List.of("page", "size", "sort")) {
            if (parameter(op, "query", param) == null) {
                problems.add(name + ": a list must take " + param);
            }
        }
        JsonNode size = parameter(op, "query", "size");
        if (size != null && size.path("schema").path("maximum").asInt(0) != 200) {
            problems.add(name + ": size must document maximum 200");
        }
    }

    /** A JSON body's example(s) exist and are valid against its schema (free-form objects need none). */
    private static void examples(ContractConformance schemas, String at, String mediaPointer, JsonNode media, List<String> problems) {
        JsonNode schema = media.path("schema");
        boolean freeForm = !schema.has("$ref") && !schema.has("items") && !schema.has("properties");
        List<JsonNode> values = new ArrayList<>();
        if (media.has("example")) {
            values.add(media.get("example"));
        }
        media.path("examples").forEach(e -> values.add(e.path("value")));
        if (values.isEmpty() && !freeForm) {
            problems.add(at + ": no example");
        }
        for (JsonNode value : values) {
            for (String error : schemas.validate(mediaPointer + "/schema", value)) {
                problems.add(at + ": the example does not fit the schema: " + error);
            }
        }
    }

    /** Every schema-level example fits the schema it illustrates. */
    private static void schemaExamples(ContractConformance schemas, JsonNode node, String pointer, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        if (node.path("examples").isArray() && (node.has("type") || node.has("$ref") || node.has("anyOf"))) {
            for (JsonNode example : node.get("examples")) {
                for (String error : schemas.validate(pointer, example)) {
                    problems.add(pointer + ": example " + example + " does not fit: " + error);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (!child.getKey().equals("examples") && !child.getKey().equals("enum")) {
                schemaExamples(schemas, child.getValue(), pointer + "/" + escape(child.getKey()), problems);
            }
        }
    }

    private static JsonNode parameter(JsonNode op, String in, String name) {
        for (JsonNode parameter : op.path("parameters")) {
            if (in.equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static boolean isDateTime(JsonNode example) {
        return example.isTextual() && example.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
