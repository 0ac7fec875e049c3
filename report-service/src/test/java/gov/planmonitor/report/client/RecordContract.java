package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the records a client reads an answer into against the answer's schema in an OpenAPI 3.1 document: every
 * record component is a property of its schema (same name), of a compatible JSON type (string, number, integer,
 * boolean, array, object; nested records, lists and maps checked in turn), and a Java primitive, which cannot hold
 * null, only stands for a property the schema marks required and not nullable. Each problem names the record, the
 * component and the schema.
 */
final class RecordContract {

    private static final String REF = "#/components/schemas/";

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> checked = new HashSet<>();

    private RecordContract(JsonNode document) {
        this.document = document;
    }

    /** The problems of reading a value of {@code type} from a value of {@code schema}, which is in {@code document}. */
    static List<String> check(JsonNode document, Type type, JsonNode schema) {
        RecordContract contract = new RecordContract(document);
        contract.value(type, schema, name(schema, "the response"), "the response", Map.of());
        return contract.problems;
    }

    /** A value of a Java type against a schema; {@code where} names the place for the messages. */
    private void value(Type type, JsonNode schema, String schemaName, String where, Map<TypeVariable<?>, Type> bound) {
        if (type instanceof TypeVariable<?> variable) {
            type = bound.getOrDefault(variable, Object.class);
        }
        Class<?> raw = raw(type);
        JsonNode resolved = nonNull(schema);
        Set<String> types = types(schema);
        String expected = jsonType(raw);
        if (expected == null) {
            problems.add(where + ": " + type.getTypeName() + " is no JSON type this check knows");
            return;
        }
        boolean compatible = types.contains(expected) || expected.equals("number") && types.contains("integer");
        if (!compatible) {
            problems.add(where + " (" + raw.getSimpleName() + ", JSON " + expected + "): schema " + schemaName + " is " + String.join(" or ", types));
            return;
        }
        if (raw.isRecord()) {
            record(raw, resolved, name(schema, schemaName), bindings(type, bound));
        } else if (Collection.class.isAssignableFrom(raw)) {
            value(argument(type, 0, bound), resolved.path("items"), name(resolved.path("items"), schemaName + ".items"), where + "[]", bound);
        } else if (Map.class.isAssignableFrom(raw) && resolved.path("additionalProperties").isObject()) {
            JsonNode values = resolved.path("additionalProperties");
            value(argument(type, 1, bound), values, name(values, schemaName + ".additionalProperties"), where + "{}", bound);
        }
    }

    private void record(Class<?> record, JsonNode schema, String schemaName, Map<TypeVariable<?>, Type> bound) {
        if (!checked.add(record.getName() + " " + schemaName)) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent c : record.getRecordComponents()) {
            String where = "record " + record.getSimpleName() + ", component " + c.getName();
            JsonNode property = schema.path("properties").get(c.getName());
            if (property == null) {
                problems.add(where + ": schema " + schemaName + " has no property " + c.getName());
                continue;
            }
            if (c.getType().isPrimitive() && (!required.contains(c.getName()) || types(property).contains("null"))) {
                problems.add(where + " (" + c.getType().getName() + "): schema " + schemaName + " has " + c.getName()
                        + (required.contains(c.getName()) ? " nullable" : " not required") + ", which a primitive cannot hold; use its wrapper");
            }
            value(c.getGenericType(), property, name(property, schemaName + "." + c.getName()), where, bound);
        }
    }

    /** The JSON types a schema allows: its type (one or a list), an object's properties, the branches of anyOf / oneOf. */
    private Set<String> types(JsonNode schema) {
        JsonNode s = resolve(schema);
        Set<String> types = new LinkedHashSet<>();
        if (s.path("type").isTextual()) {
            types.add(s.path("type").asText());
        }
        s.path("type").forEach(t -> types.add(t.asText()));
        for (String combined : List.of("anyOf", "oneOf", "allOf")) {
            s.path(combined).forEach(branch -> types.addAll(types(branch)));
        }
        if (types.isEmpty() && s.has("properties")) {
            types.add("object");
        }
        return types;
    }

    /** The schema without its null branch: the B of anyOf [B, {type: null}]. */
    private JsonNode nonNull(JsonNode schema) {
        JsonNode s = resolve(schema);
        for (String combined : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : s.path(combined)) {
                if (!types(branch).equals(Set.of("null"))) {
                    return resolve(branch);
                }
            }
        }
        return s;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith(REF) ? resolve(document.path("components").path("schemas").path(ref.substring(REF.length()))) : schema;
    }

    /** The name of a schema for messages: the component it refers to, directly or as the non-null branch, else the place. */
    private static String name(JsonNode schema, String place) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith(REF)) {
            return ref.substring(REF.length());
        }
        for (String combined : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(combined)) {
                if (branch.path("$ref").asText("").startsWith(REF)) {
                    return branch.path("$ref").asText().substring(REF.length());
                }
            }
        }
        return place;
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw.isEnum() || raw == LocalDate.class || raw == OffsetDateTime.class || raw == UUID.class) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class || raw == Short.class
                || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
            return "object";
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index, Map<TypeVariable<?>, Type> bound) {
        Type argument = type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
        return argument instanceof TypeVariable<?> v ? bound.getOrDefault(v, Object.class) : argument;
    }

    /** The type arguments of a generic record (Page<Plan>: T is Plan), for its components. */
    private static Map<TypeVariable<?>, Type> bindings(Type type, Map<TypeVariable<?>, Type> outer) {
        if (!(type instanceof ParameterizedType p)) {
            return outer;
        }
        Map<TypeVariable<?>, Type> bound = new HashMap<>(outer);
        TypeVariable<?>[] variables = raw(type).getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            Type argument = p.getActualTypeArguments()[i];
            bound.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, Object.class) : argument);
        }
        return bound;
    }
}
