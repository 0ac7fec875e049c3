package gov.planmonitor.support.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's schemas made what validators and client generators read ({@link #nullable}), and the schemas nothing
 * refers to removed ({@link #pruneUnused}); {@link ContractFilter} applies them with the API's other conventions.
 */
final class ContractSchemas {

    private ContractSchemas() {
    }

    /**
     * smallrye writes a nullable enum as {@code type: [string, "null"]} with an enum lacking null, which no null
     * passes, and sometimes keeps {@code type: object} beside {@code anyOf: [{$ref}, {type: "null"}]}, which no null
     * passes either. Null joins the enum; the type beside such an anyOf goes (the anyOf says it all).
     */
    static void nullable(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        List<Schema.SchemaType> type = schema.getType();
        if (type != null && type.contains(Schema.SchemaType.NULL) && schema.getEnumeration() != null
                && !schema.getEnumeration().contains(null)) {
            // addEnumeration(null) is ignored by the model; a whole list keeps its null
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(ContractSchemas::isNullType)) {
            schema.setType(null);
        }
        forGenerators(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> nullable(s, seen));
        }
        nullable(schema.getItems(), seen);
        nullable(schema.getAdditionalPropertiesSchema(), seen);
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> nullable(s, seen));
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\^\\\\d\\{1,(\\d+)}\\(\\[\\.]\\\\d\\{1,(\\d+)}\\)\\?\\$");

    private static final Pattern ALTERNATIVES = Pattern.compile("[A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)+");

    /**
     * What client generators read: a number's {@code pattern} (which smallrye writes for {@code @Digits}) is ignored by
     * them and is no JSON Schema rule for numbers, so it goes and the digits it allowed are said in words (the bounds
     * stay); a text whose pattern only lists codes ({@code @Pattern(regexp = "LEAD|SUPPORT")}) is an enum; an
     * enumeration of strings states its type, which generators need to make it an enum.
     */
    private static void forGenerators(Schema schema) {
        if (schema.getRef() != null) {
            // A $ref stands alone: openapi-generator's Python client types a $ref with a sibling (type: object) as a
            // dictionary but reads it as the model, and fails. The referenced schema says what the type and examples are.
            schema.setType(null);
            schema.setFormat(null);
            schema.setExamples(null);
            schema.setDescription(null);
            schema.setPattern(null);
            return;
        }
        if ("uuid".equals(schema.getFormat())) {
            // format: uuid says it all; with a pattern beside it, the Python generator validates the UUID object as text.
            schema.setPattern(null);
        }
        List<Schema.SchemaType> type = schema.getType();
        if (type != null && schema.getPattern() != null
                && (type.contains(Schema.SchemaType.NUMBER) || type.contains(Schema.SchemaType.INTEGER))) {
            Matcher digits = DIGITS.matcher(schema.getPattern());
            if (digits.matches()) {
                String words = "At most " + digits.group(1) + " digits before the decimal point and " + digits.group(2) + " after.";
                String said = schema.getDescription();
                schema.setDescription(said == null ? words : said + (said.endsWith(".") ? " " : ". ") + words);
            }
            schema.setPattern(null);
        }
        if (type != null && type.contains(Schema.SchemaType.STRING) && schema.getPattern() != null
                && ALTERNATIVES.matcher(schema.getPattern()).matches()) {
            if (schema.getEnumeration() == null) {
                List<Object> codes = new ArrayList<>(List.of((Object[]) schema.getPattern().split("\\|")));
                if (type.contains(Schema.SchemaType.NULL)) {
                    codes.add(null);
                }
                schema.setEnumeration(codes);
            }
            schema.setPattern(null);
        }
        if (type == null && schema.getRef() == null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
                && schema.getEnumeration().stream().allMatch(v -> v == null || v instanceof String)) {
            schema.setType(List.of(Schema.SchemaType.STRING));
        }
    }

    private static boolean isNullType(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    static List<Schema> schemasOf(Operation operation) {
        List<Schema> schemas = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> schemas.add(p.getSchema()));
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> schemas.add(m.getSchema()));
        }
        if (operation.getResponses() != null) {
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values().forEach(m -> schemas.add(m.getSchema()));
                }
            }
        }
        return schemas;
    }


    /** Removes component schemas nothing refers to, directly or through other schemas. */
    static void pruneUnused(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        List<String> pending = new ArrayList<>(refs(openAPI.getPaths()));
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> pending.addAll(refs(r)));
        }
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (used.add(name) && components.containsKey(name)) {
                pending.addAll(refs(components.get(name)));
            }
        }
        for (String name : new ArrayList<>(components.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_.\\-]+)");

    /** Schema names a model object (paths or a schema) refers to directly. */
    private static List<String> refs(Object model) {
        List<String> names = new ArrayList<>();
        collectRefs(model, names, Collections.newSetFromMap(new IdentityHashMap<>()));
        return names;
    }

    private static void collectRefs(Object node, List<String> names, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Schema schema) {
            if (schema.getRef() != null) {
                Matcher m = REF.matcher(schema.getRef());
                if (m.matches()) {
                    names.add(m.group(1));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(s -> collectRefs(s, names, seen));
            }
            collectRefs(schema.getItems(), names, seen);
            collectRefs(schema.getAdditionalPropertiesSchema(), names, seen);
            for (List<Schema> list : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(s -> collectRefs(s, names, seen));
                }
            }
            collectRefs(schema.getNot(), names, seen);
        } else if (node instanceof APIResponse response) {
            if (response.getContent() != null) {
                response.getContent().getMediaTypes().values().forEach(m -> collectRefs(m.getSchema(), names, seen));
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(h -> collectRefs(h.getSchema(), names, seen));
            }
        } else if (node instanceof org.eclipse.microprofile.openapi.models.Paths paths) {
            for (PathItem item : paths.getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> collectRefs(p.getSchema(), names, seen));
                }
                for (Operation operation : item.getOperations().values()) {
                    schemasOf(operation).forEach(s -> collectRefs(s, names, seen));
                    if (operation.getResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> collectRefs(r, names, seen));
                    }
                }
            }
        }
    }
}
