package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares a service's contract with the baseline of its last released version (openapi-diff). An incompatible
 * change is acceptable only with a higher MAJOR {@code info.version}: clients of 1.x must not break.
 * <p>
 * Stricter than openapi-diff in one respect: a property removed from a request or response body is incompatible even
 * when the schema did not list it as required (openapi-diff lets that pass). Our response schemas list few required
 * properties, yet clients read every field the services send; and the services reject unknown request fields with
 * 400, so a client still sending a removed one breaks.
 */
public final class BreakingChanges {

    /** The released contracts, relative to the api-contract module: {@code baseline/<service>.yaml}. */
    public static final Path BASELINE = Path.of("baseline");

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

    private BreakingChanges() {
    }

    /** What changed from the baseline to the current contract, and whether that is allowed. */
    public record Result(String service, String baselineVersion, String currentVersion, DiffResult diff,
                         List<String> removedProperties, String changes) {

        public boolean incompatible() {
            return diff.isIncompatible() || !removedProperties.isEmpty();
        }

        public boolean majorRaised() {
            return major(currentVersion) > major(baselineVersion);
        }

        /** False when the change would break clients without saying so in the version. */
        public boolean acceptable() {
            return !incompatible() || majorRaised();
        }

        public String verdict() {
            if (diff.isUnchanged()) {
                return "unchanged";
            }
            if (!incompatible()) {
                return "compatible";
            }
            return majorRaised()
                    ? "incompatible, released as a new major version " + currentVersion
                    : "INCOMPATIBLE without a new major version: raise info.version to " + (major(baselineVersion) + 1) + ".0.0"
                    + " (and keep the old contract's clients in mind) or undo the change";
        }

        /** The contract's changelog in Markdown. */
        public String changelog() {
            return "# " + service + ": " + baselineVersion + " → " + currentVersion + "\n\n"
                    + "Compared with the released baseline `api-contract/baseline/" + service + ".yaml`: **" + verdict() + "**.\n\n"
                    + (removedProperties.isEmpty() ? "" : "Properties removed from a body (incompatible here, whether or not they"
                    + " were required: clients read every field, and the services reject unknown request fields):\n\n"
                    + removedProperties.stream().map(p -> "- " + p + "\n").collect(Collectors.joining()) + "\n")
                    + (changes.isBlank() ? "No changes to the API.\n" : changes.strip() + "\n");
        }

        public Path writeChangelog(Path directory) {
            try {
                Files.createDirectories(directory);
                Path file = directory.resolve(service + ".md");
                Files.writeString(file, changelog(), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Result compare(String service, String baselineYaml, String currentYaml) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(restated(baselineYaml), restated(currentYaml));
        ByteArrayOutputStream markdown = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(markdown, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String changes = markdown.toString(StandardCharsets.UTF_8);
        return new Result(service, version(diff.getOldSpecOpenApi().getInfo().getVersion(), service + " baseline"),
                version(diff.getNewSpecOpenApi().getInfo().getVersion(), service), diff.isChanged(), removedProperties(diff), changes);
    }

    private static final Pattern CODES = Pattern.compile("[A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)+");
    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * A contract with its constraints written the way the services' ContractFilter words them for client generators: a
     * text's pattern that lists codes is that enum, a number's pattern (no JSON Schema rule for numbers) is gone, a
     * UUID's pattern is its format, a $ref stands alone, and a time query parameter's format: date-time states what the
     * services always required.
     * Both sides are compared so, since restating a rule is no change (the baseline was released with the patterns).
     */
    static String restated(String baselineYaml) {
        try {
            JsonNode tree = YAML.readTree(baselineYaml);
            restate(tree);
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restate(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("$ref") && object.size() > 1) {
            // A $ref stands alone now (the referenced schema says the type): the keywords once beside it restated no rule.
            object.retain("$ref");
        }
        if (node instanceof ObjectNode object && "query".equals(object.path("in").asText()) && object.path("schema") instanceof ObjectNode schema
                && "date-time".equals(schema.path("format").asText())) {
            // A time parameter now says it is one: the services always refused anything else with a 400 (Http.time).
            schema.remove("format");
        }
        if (node instanceof ObjectNode object && "uuid".equals(object.path("format").asText())) {
            // format: uuid says what the pattern beside it said.
            object.remove("pattern");
        }
        if (node instanceof ObjectNode object && object.path("pattern").isTextual()) {
            String type = object.path("type").toString();
            String pattern = object.path("pattern").asText();
            if (type.contains("number") || type.contains("integer")) {
                object.remove("pattern");
            } else if (type.contains("string") && CODES.matcher(pattern).matches()) {
                if (!object.has("enum")) {
                    ArrayNode codes = object.putArray("enum");
                    List.of(pattern.split("\\|")).forEach(codes::add);
                    if (type.contains("null")) {
                        codes.addNull();
                    }
                }
                object.remove("pattern");
            }
        }
        node.forEach(BreakingChanges::restate);
    }

    /** Every property removed from a request or response body, as {@code GET /path 200 application/json: a.b[].c}. */
    static List<String> removedProperties(ChangedOpenApi diff) {
        List<String> removed = new ArrayList<>();
        for (ChangedOperation operation : diff.getChangedOperations()) {
            String endpoint = operation.getHttpMethod() + " " + operation.getPathUrl();
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getChanged().forEach((type, media) ->
                        removed(media.getSchema(), "", endpoint + " request " + type, removed, Collections.newSetFromMap(new IdentityHashMap<>())));
            }
            if (operation.getApiResponses() != null) {
                operation.getApiResponses().getChanged().forEach((status, response) -> {
                    if (response.getContent() != null) {
                        response.getContent().getChanged().forEach((type, media) ->
                                removed(media.getSchema(), "", endpoint + " " + status + " " + type, removed, Collections.newSetFromMap(new IdentityHashMap<>())));
                    }
                });
            }
        }
        return removed;
    }

    private static void removed(ChangedSchema schema, String prefix, String where, List<String> removed, Set<ChangedSchema> seen) {
        if (schema == null || !seen.add(schema)) {
            return; // recursive schemas
        }
        schema.getMissingProperties().keySet().stream().sorted().forEach(name -> removed.add(where + ": " + prefix + name));
        schema.getChangedProperties().forEach((name, changed) -> removed(changed, prefix + name + ".", where, removed, seen));
        removed(schema.getItems(), prefix + "[].", where, removed, seen);
        removed(schema.getAddProp(), prefix + "{}.", where, removed, seen);
    }

    public static Result compare(String service, Path baseline, Path current) {
        try {
            return compare(service, Files.readString(baseline, StandardCharsets.UTF_8), Files.readString(current, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String version, String what) {
        if (version == null || !SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException(what + ": info.version '" + version + "' is not MAJOR.MINOR.PATCH");
        }
        return version;
    }

    static int major(String version) {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("info.version '" + version + "' is not MAJOR.MINOR.PATCH");
        }
        return Integer.parseInt(m.group(1));
    }
}
