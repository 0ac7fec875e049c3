package gov.planmonitor.support.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request and response examples for every JSON body, from two sources:
 * <ol>
 * <li>a file {@code openapi/examples/<operationId>.json} (the success response) or
 * {@code <operationId>.request.json} (the request body) on the service's class path: real answers of the service
 * loaded with the seeds (FYP13, 区发改局, 东风西路小学…), lists cut to a few items. Used for the main reads and
 * updates, where an example should be one coherent record;</li>
 * <li>for a CSV request body, a file {@code <operationId>.request.csv}: rows of the seeds in the import's columns;</li>
 * <li>otherwise composed from the examples the schema's fields carry, so no operation is without one. Fields without
 * an example are left out, except nullable ones (shown as null) and required ones (a value of their format);
 * read-only fields are left out of requests.</li>
 * </ol>
 * An {@code @ExampleObject} written on an operation wins over both. ContractTest checks every example against its
 * schema, so an example cannot show a field or a value the schema does not allow.
 */
final class Examples {

    private static final int MAX_DEPTH = 8;
    private static final String FILES = "openapi/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI openAPI;

    Examples(OpenAPI openAPI) {
        this.openAPI = openAPI;
    }

    void fill() {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                String id = operation.getOperationId();
                if (operation.getRequestBody() != null) {
                    fill(operation.getRequestBody().getContent(), true, id == null ? null : file(id + ".request"));
                    fillCsv(operation.getRequestBody().getContent(), id == null ? null : text(id + ".request.csv"));
                }
                if (operation.getResponses() == null) {
                    continue;
                }
                Object success = id == null ? null : file(id);
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (response.getKey().startsWith("2")) {
                        fill(response.getValue().getContent(), false, success);
                        success = null;
                    }
                }
            }
        }
    }

    /** The example in a file of the service's class path, as plain maps and lists; null when there is none. */
    private static Object file(String name) {
        byte[] bytes = resource(name + ".json");
        try {
            return bytes == null ? null : JSON.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example " + FILES + name + ".json", e);
        }
    }

    /** A CSV file of the service's class path, as text; null when there is none. */
    private static String text(String name) {
        byte[] bytes = resource(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** An example file of the service's class path; null when there is none. */
    private static byte[] resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? Examples.class.getClassLoader() : loader).getResourceAsStream(FILES + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example " + FILES + name, e);
        }
    }

    /** CSV bodies have no schema to compose from: only a file gives them an example. */
    private static void fillCsv(Content content, String fromFile) {
        MediaType csv = content == null || content.getMediaTypes() == null ? null : content.getMediaType("text/csv");
        if (csv != null && fromFile != null && csv.getExample() == null && (csv.getExamples() == null || csv.getExamples().isEmpty())) {
            csv.example(fromFile);
        }
    }

    private void fill(Content content, boolean request, Object fromFile) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        MediaType json = content.getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getExample() != null
                || json.getExamples() != null && !json.getExamples().isEmpty()) {
            return;
        }
        Object example = fromFile != null ? fromFile : build(json.getSchema(), request, 0, new HashSet<>());
        if (example != null) {
            json.example(example);
        }
    }

    /** A response example of the schema, composed from its fields' examples (as for a body with no file). */
    Object of(Schema schema) {
        return build(schema, false, 0, new HashSet<>());
    }

    private Object build(Schema schema, boolean request, int depth, Set<String> expanding) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(ContractFilter.SCHEMAS.length());
            Schema component = openAPI.getComponents().getSchemas().get(name);
            if (component == null || !expanding.add(name)) {
                return null;
            }
            try {
                return build(component, request, depth + 1, expanding);
            } finally {
                expanding.remove(name);
            }
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        List<Schema> options = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
        if (options != null) {
            for (Schema option : options) {
                Object value = build(option, request, depth + 1, expanding);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        List<Schema.SchemaType> type = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                Schema p = property.getValue();
                if (request && Boolean.TRUE.equals(p.getReadOnly()) || !request && Boolean.TRUE.equals(p.getWriteOnly())) {
                    continue;
                }
                Object value = build(p, request, depth + 1, expanding);
                boolean required = schema.getRequired() != null && schema.getRequired().contains(property.getKey());
                if (value == null && required) {
                    value = byFormat(p);
                }
                if (value != null) {
                    object.put(property.getKey(), value);
                } else if (!request && nullable(p)) {
                    object.put(property.getKey(), null);
                }
            }
            return object;
        }
        if (type.contains(Schema.SchemaType.ARRAY)) {
            Object item = build(schema.getItems(), request, depth + 1, expanding);
            return item == null ? List.of() : List.of(item);
        }
        if (type.contains(Schema.SchemaType.OBJECT) && schema.getAdditionalPropertiesSchema() != null) {
            return Map.of();
        }
        return byFormat(schema);
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)
                || schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(s -> s.getType() != null
                && s.getType().contains(Schema.SchemaType.NULL));
    }

    /** Dates in the seeds' time: the 2017 execution report was published in early 2018. */
    private static Object byFormat(Schema schema) {
        if (schema.getFormat() == null) {
            return null;
        }
        return switch (schema.getFormat()) {
            case "date" -> "2018-02-08";
            case "date-time" -> "2018-02-08T09:30:00+08:00";
            case "uuid" -> "5b0c1f4e-7c1a-4a52-9a57-2c3d0f8e6a10";
            default -> null;
        };
    }
}
