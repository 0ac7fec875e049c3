package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole suite's API in one OpenAPI 3.1 document, generated from the three services' committed contracts, for
 * frontend teams (one file to read, one mock, one set of TypeScript types).
 * <p>
 * Rules, applied in this order so the result does not depend on anything but the three documents:
 * <ul>
 *   <li>A component (schema, response, parameter …) that several services define identically is kept once; one
 *       they define differently is kept once per service, prefixed with the service ({@code Indicator.CodeName},
 *       {@code Project.CodeName}) and every {@code $ref} to it rewritten. Repeated until nothing changes, since a
 *       rewritten {@code $ref} can make two formerly identical components differ.</li>
 *   <li>Every path item names the service that serves it in its own {@code servers}.</li>
 *   <li>A path that an earlier service (in {@link #SERVICES} order) already has keeps the earlier service's
 *       operations; the later service's are listed without the {@code /api/v1} prefix under a server URL that ends in
 *       {@code /api/v1}, so server URL + path is still the URL the service answers on.</li>
 *   <li>Tags defined differently are renamed per service, like components.</li>
 * </ul>
 * Each resolution is also written into the document's {@code info.description}.
 */
public final class SuiteDocument {

    /** A service of the suite, the prefix of its colliding component names and its local port under {@code ./run}. */
    public record Service(String name, String prefix, int port) {

        public Path contract(Path root) {
            return root.resolve(name).resolve("src/main/resources/openapi/openapi.yaml");
        }

        public String localUrl() {
            return "http://localhost:" + port;
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("indicator-service", "Indicator", 8081),
            new Service("project-service", "Project", 8082),
            new Service("report-service", "Report", 8083));

    /** The committed combined document, relative to the api-contract module. */
    public static final Path COMMITTED = Path.of("openapi/suite.yaml");

    static final String API_PREFIX = "/api/v1";

    /** Top-level fields the combination handles; any other one fails it rather than being dropped silently. */
    private static final Set<String> KNOWN_FIELDS = Set.of("openapi", "info", "servers", "tags", "paths", "x-webhooks", "components");

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private SuiteDocument() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "..");
        Path out = args.length > 1 ? Path.of(args[1]) : COMMITTED;
        Files.writeString(out, generate(root), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The combined document of the service contracts under {@code root}, as YAML. */
    public static String generate(Path root) {
        Map<Service, ObjectNode> documents = new LinkedHashMap<>();
        for (Service service : SERVICES) {
            documents.put(service, read(service.contract(root)));
        }
        return toYaml(combine(documents));
    }

    public static ObjectNode read(Path file) {
        try {
            return (ObjectNode) YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static ObjectNode parse(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Combines the documents, given in suite order; they are not modified. */
    public static ObjectNode combine(Map<Service, ObjectNode> sources) {
        Map<Service, ObjectNode> docs = new LinkedHashMap<>();
        String openapi = null;
        for (Map.Entry<Service, ObjectNode> e : sources.entrySet()) {
            ObjectNode doc = e.getValue().deepCopy();
            String version = doc.path("openapi").asText();
            if (!version.startsWith("3.1.")) {
                throw new IllegalArgumentException(e.getKey().name() + " is OpenAPI '" + version + "', not 3.1");
            }
            openapi = openapi == null ? version : openapi;
            doc.fieldNames().forEachRemaining(field -> {
                if (!KNOWN_FIELDS.contains(field)) {
                    throw new IllegalArgumentException(e.getKey().name() + " has top-level '" + field
                            + "', which the combined document does not carry over yet (SuiteDocument)");
                }
            });
            docs.put(e.getKey(), doc);
        }
        List<String> notes = new ArrayList<>();
        SuiteComponents.resolve(docs, notes);
        ArrayNode tags = mergeTags(docs, notes);

        ObjectNode suite = JsonNodeFactory.instance.objectNode();
        suite.put("openapi", openapi);
        ObjectNode info = suite.putObject("info");
        info.put("title", "Plan monitoring suite API");
        info.put("version", suiteVersion(docs));
        ArrayNode servers = suite.putArray("servers");
        for (Service service : docs.keySet()) {
            servers.addObject().put("url", service.localUrl()).put("description", service.name() + " (./run)");
        }
        suite.set("tags", tags);
        ObjectNode paths = suite.putObject("paths");
        for (Map.Entry<Service, ObjectNode> e : docs.entrySet()) {
            Service service = e.getKey();
            for (Map.Entry<String, JsonNode> p : e.getValue().path("paths").properties()) {
                addPath(paths, service, p.getKey(), (ObjectNode) p.getValue(), notes);
            }
        }
        ObjectNode webhooks = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Service, ObjectNode> e : docs.entrySet()) {
            // Each service's webhook under its own name: indicator-service's "event" is "indicatorEvent". A service
            // describes it in an extension, which client generators skip; this document is for reading, so it is a webhook.
            String prefix = e.getKey().name().replace("-service", "");
            for (Map.Entry<String, JsonNode> w : e.getValue().path("x-webhooks").properties()) {
                ObjectNode item = (ObjectNode) w.getValue().deepCopy();
                item.forEach(operation -> {
                    if (operation instanceof ObjectNode op && op.has("operationId")) {
                        op.put("operationId", prefix + capitalized(op.path("operationId").asText()));
                    }
                });
                webhooks.set(prefix + capitalized(w.getKey()), item);
            }
        }
        if (!webhooks.isEmpty()) {
            suite.set("webhooks", webhooks);
        }
        suite.set("components", SuiteComponents.merge(docs));
        info.put("description", description(docs, notes));
        return suite;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String suiteVersion(Map<Service, ObjectNode> docs) {
        Set<String> versions = new LinkedHashSet<>();
        docs.values().forEach(d -> versions.add(d.path("info").path("version").asText()));
        if (versions.size() == 1) {
            return versions.iterator().next();
        }
        List<String> each = new ArrayList<>();
        docs.forEach((s, d) -> each.add(s.name() + " " + d.path("info").path("version").asText()));
        return String.join(", ", each);
    }

    private static String description(Map<Service, ObjectNode> docs, List<String> notes) {
        StringBuilder text = new StringBuilder("The whole plan monitoring suite in one document, generated by api-contract from the"
                + " committed contracts of ");
        List<String> each = new ArrayList<>();
        docs.forEach((s, d) -> each.add(s.name() + " " + d.path("info").path("version").asText()));
        text.append(String.join(", ", each)).append(". Do not edit: run `./mvnw -pl api-contract verify -Dopenapi.update=true`.\n\n")
                .append("Every path names the service that answers it in its own `servers`. For reading, mocking and routing;"
                        + " generate clients from each service's own contract instead, one base URL per service: client generators"
                        + " ignore a path's `servers`, and paths two services share are listed here without their `/api/v1`.");
        if (!notes.isEmpty()) {
            text.append(" Where the services' documents collide:\n");
            notes.forEach(n -> text.append("\n- ").append(n));
        }
        return text.append('\n').toString();
    }

    // ---- tags and paths ----------------------------------------------------------------------------------------------

    private static ArrayNode mergeTags(Map<Service, ObjectNode> docs, List<String> notes) {
        Map<String, Map<Service, JsonNode>> byName = new LinkedHashMap<>();
        docs.forEach((s, d) -> d.path("tags").forEach(t -> byName.computeIfAbsent(t.path("name").asText(), n -> new LinkedHashMap<>()).put(s, t)));
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        byName.forEach((name, variants) -> {
            if (variants.values().stream().distinct().count() == 1) {
                tags.add(variants.values().iterator().next());
                return;
            }
            List<String> renamed = new ArrayList<>();
            variants.forEach((service, tag) -> {
                String newName = name + " (" + service.name() + ")";
                tags.add(((ObjectNode) tag.deepCopy()).put("name", newName));
                renameTag(docs.get(service), name, newName);
                renamed.add(newName);
            });
            notes.add("Tag '" + name + "' differs between the services, so each keeps its own: " + String.join(", ", renamed) + ".");
        });
        return tags;
    }

    private static void renameTag(ObjectNode doc, String name, String newName) {
        doc.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.path("tags") instanceof ArrayNode operationTags) {
                for (int i = 0; i < operationTags.size(); i++) {
                    if (operationTags.get(i).asText().equals(name)) {
                        operationTags.set(i, TextNode.valueOf(newName));
                    }
                }
            }
        }));
    }

    /**
     * Operation ids are unique in a document; one that another service already uses (the audit trail every service
     * serves) gets the service's name in front: listAuditEntries becomes projectListAuditEntries.
     */
    private static void uniqueOperationIds(ObjectNode paths, Service service, ObjectNode item, List<String> notes) {
        Set<String> taken = new LinkedHashSet<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (op.getValue().has("operationId")) {
                taken.add(op.getValue().path("operationId").asText());
            }
        }));
        item.properties().forEach(op -> {
            String id = op.getValue().path("operationId").asText(null);
            if (id != null && taken.contains(id)) {
                String prefix = service.name().replace("-service", "");
                String renamed = prefix + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                ((ObjectNode) op.getValue()).put("operationId", renamed);
                notes.add("operationId `" + id + "` of " + service.name() + " is `" + renamed + "` here (another service uses `" + id + "`).");
            }
        });
    }

    private static void addPath(ObjectNode paths, Service service, String path, ObjectNode item, List<String> notes) {
        if (item.has("servers")) {
            throw new IllegalArgumentException(service.name() + " " + path + " has its own servers, which the combined document would replace");
        }
        String key = path;
        String serverUrl = service.localUrl();
        if (paths.has(path)) {
            if (!path.startsWith(API_PREFIX + "/")) {
                throw new IllegalArgumentException(path + " is served by two services and is not under " + API_PREFIX);
            }
            // The second service to serve a path lists it without /api/v1 under a server ending in /api/v1, a third
            // without /api under one ending in /api: each key is unique and each URL the same.
            key = null;
            for (String prefix : List.of(API_PREFIX, API_PREFIX.substring(0, API_PREFIX.lastIndexOf('/')))) {
                if (!paths.has(path.substring(prefix.length()))) {
                    key = path.substring(prefix.length());
                    serverUrl = service.localUrl() + prefix;
                    break;
                }
            }
            if (key == null) {
                throw new IllegalArgumentException(path + " of " + service.name() + " cannot be listed: served by more than three services");
            }
            String first = paths.get(path).path("servers").path(0).path("description").asText();
            notes.add("`" + path + "` is served by " + first + " and by " + service.name() + ": " + first
                    + "'s is listed at `" + path + "`, " + service.name() + "'s as `" + key + "` under the server `" + serverUrl
                    + "` (the same URL).");
        }
        ObjectNode withServer = JsonNodeFactory.instance.objectNode();
        withServer.putArray("servers").addObject().put("url", serverUrl).put("description", service.name());
        withServer.setAll(item.deepCopy());
        uniqueOperationIds(paths, service, withServer, notes);
        paths.set(key, withServer);
    }
}
