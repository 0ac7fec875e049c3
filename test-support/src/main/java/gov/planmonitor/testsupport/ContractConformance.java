package gov.planmonitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks one HTTP response against an OpenAPI 3.1 document: the status is declared for the operation, the media type
 * is declared for that status, a JSON body validates against the declared schema (JSON Schema 2020-12 with the OpenAPI
 * 3.1 dialect), required headers are present and the API's own headers (ETag, Location, Retry-After,
 * Content-Disposition) are declared where they are sent.
 *
 * <p>Objects are checked closed: a property the schema does not list is reported, so a field the code returns but the
 * contract omits is caught too. That is done on this checker's copy of the document; the contract itself is unchanged.
 *
 * <p>Pure: no HTTP and no RestAssured here, so the rules can be tested on small documents.
 */
public final class ContractConformance {

    /** Headers this API defines; when a response carries one, the contract must say so. */
    static final Set<String> API_HEADERS = Set.of("etag", "location", "retry-after", "content-disposition");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DOCUMENT_URI = "https://contract.planmonitor.test/openapi.json";
    private static final String PROBLEM_POINTER = "/components/schemas/Problem";

    private final JsonNode document;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractConformance(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(p -> paths.add(new PathTemplate(p)));
        ObjectNode closed = document.deepCopy();
        closeObjects(closed);
        String text = closed.toString();
        // The document's own keywords (openapi, paths …) are not schema keywords; ignored without a warning for each.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemas(Map.of(DOCUMENT_URI, text))
                // date, date-time, uuid … are checked, not only annotated
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static ContractConformance ofYaml(Path file) {
        try {
            return new ContractConformance(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file, e);
        }
    }

    public static ContractConformance ofText(String yamlOrJson) {
        try {
            return new ContractConformance(YAML.readTree(yamlOrJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract", e);
        }
    }

    /**
     * What is wrong with a response, empty when it conforms.
     *
     * @param rawPath  the request path as sent (percent-encoded), without query
     * @param headers  response header lookup by (case-insensitive) name, null when absent
     */
    public List<String> check(String method, String rawPath, int status, String contentType,
                              Function<String, String> headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        String m = method.toLowerCase(Locale.ROOT);
        PathTemplate template = match(rawPath, m);
        JsonNode operation = template == null ? null : document.path("paths").path(template.template).path(m);
        if (operation == null || !operation.isObject()) {
            // Not in the contract: only errors can come back, and they must be Problems like every other error.
            String what = template == null ? "no path in the contract matches" : "the contract has no " + method + " at " + template.template;
            if (status < 400) {
                problems.add(status + " for " + method + " " + rawPath + ", but " + what);
                return problems;
            }
            checkProblem(status, contentType, body, PROBLEM_POINTER, problems);
            return problems;
        }
        String operationName = method + " " + template.template + " (" + operation.path("operationId").asText("no operationId") + ")";
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        String declaredCode = responses.has(code) ? code
                : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (declaredCode == null) {
            problems.add(operationName + " returned " + status + ", which the contract does not declare (declared: "
                    + fieldNames(responses) + ")");
            return problems;
        }
        // A shared response ($ref to components/responses) is validated where it is defined.
        String responsePointer = "/paths/" + escape(template.template) + "/" + m + "/responses/" + escape(declaredCode);
        JsonNode response = responses.path(declaredCode);
        for (int i = 0; i < 10 && response.has("$ref") && response.get("$ref").asText().startsWith("#/"); i++) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        String at = operationName + " " + status;

        checkHeaders(response, headers, at, problems);

        JsonNode content = response.path("content");
        boolean hasBody = body != null && body.length > 0;
        if (!content.isObject() || content.isEmpty()) {
            if (hasBody) {
                problems.add(at + ": the response has a body (" + contentType + ") but the contract declares none");
            }
            return problems;
        }
        if (!hasBody) {
            problems.add(at + ": the contract declares a body (" + fieldNames(content) + ") but the response has none");
            return problems;
        }
        String mediaType = baseType(contentType);
        String declaredType = declaredMediaType(content, mediaType);
        if (declaredType == null) {
            problems.add(at + ": Content-Type " + contentType + " is not declared (declared: " + fieldNames(content) + ")");
            return problems;
        }
        if (isJson(mediaType) && content.path(declaredType).has("schema")) {
            String pointer = responsePointer + "/content/" + escape(declaredType) + "/schema";
            validateJson(pointer, body, at, problems);
            if (mediaType.equals("application/problem+json")) {
                checkProblemStatus(status, body, at, problems);
            }
        }
        return problems;
    }

    /** Validates a JSON value against the schema at a JSON pointer into the document (e.g. a component schema). */
    public List<String> validate(String pointer, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema(pointer).validate(value)) {
            problems.add(error.toString());
        }
        return problems;
    }

    private void checkProblem(int status, String contentType, byte[] body, String pointer, List<String> problems) {
        String at = status + " for a path or method outside the contract";
        if (!"application/problem+json".equals(baseType(contentType))) {
            problems.add(at + ": Content-Type is " + contentType + ", not application/problem+json");
            return;
        }
        validateJson(pointer, body, at, problems);
        checkProblemStatus(status, body, at, problems);
    }

    private static void checkProblemStatus(int status, byte[] body, String at, List<String> problems) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.has("status") && problem.get("status").asInt() != status) {
                problems.add(at + ": the Problem says status " + problem.get("status") + " but the response is " + status);
            }
        } catch (IOException e) {
            // reported by the schema check
        }
    }

    private void validateJson(String pointer, byte[] body, String at, List<String> problems) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            problems.add(at + ": the body is not JSON: " + e.getMessage());
            return;
        }
        for (Error error : schema(pointer).validate(value)) {
            problems.add(at + ": body" + error.toString());
        }
    }

    private void checkHeaders(JsonNode response, Function<String, String> headers, String at, List<String> problems) {
        JsonNode declared = response.path("headers");
        Set<String> declaredNames = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            declaredNames.add(header.getKey().toLowerCase(Locale.ROOT));
            JsonNode definition = resolve(header.getValue());
            if (definition.path("required").asBoolean(false) && headers.apply(header.getKey()) == null) {
                problems.add(at + ": required header " + header.getKey() + " is missing");
            }
        }
        for (String name : API_HEADERS) {
            if (headers.apply(name) != null && !declaredNames.contains(name)) {
                problems.add(at + ": the response sends " + name + " but the contract does not declare it");
            }
        }
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + fragment(p))));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The most literal matching path that has the method, else the most literal matching path (a 405 there). */
    private PathTemplate match(String rawPath, String method) {
        String[] segments = PathTemplate.segments(rawPath);
        PathTemplate best = null;
        boolean bestHasMethod = false;
        for (PathTemplate template : paths) {
            if (!template.matches(segments)) {
                continue;
            }
            boolean hasMethod = document.path("paths").path(template.template).has(method);
            if (best == null || hasMethod && !bestHasMethod || hasMethod == bestHasMethod && template.literals > best.literals) {
                best = template;
                bestHasMethod = hasMethod;
            }
        }
        return best;
    }

    private static String declaredMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        String major = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) : mediaType;
        if (content.has(major + "/*")) {
            return major + "/*";
        }
        return content.has("*/*") ? "*/*" : null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Every object schema that lists its properties, and allows no others explicitly or implicitly through
     * composition, is closed with {@code unevaluatedProperties: false}.
     */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.elements().forEachRemaining(ContractConformance::closeObjects);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ContractConformance::closeObjects);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** JSON pointer escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a fragment cannot hold ({, }, space …) percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/~-._+!$&'()*,;=:@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
