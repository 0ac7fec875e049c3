package gov.planmonitor.support.openapi;

import gov.planmonitor.support.cache.CachedRead;
import gov.planmonitor.support.problem.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
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
 * The API conventions written into every service's contract once, instead of on each operation (mp.openapi.filter):
 * <ul>
 * <li>nullable fields in OpenAPI 3.1 form that validators accept (see {@link #nullable});</li>
 * <li>the Problem responses each operation can give ({@link ProblemResponsesFilter});</li>
 * <li>paging parameters of every list (page from 0, size 1–200 default 20, sort) and the envelope's fields;</li>
 * <li>the meaning of the API's headers (ETag, Location, Retry-After, Content-Disposition, If-Match);</li>
 * <li>conditional reads ({@link CachedRead}): If-None-Match, 304, ETag and Cache-Control;</li>
 * <li>request and response examples filled from the schemas' own examples ({@link Examples});</li>
 * <li>schemas no operation uses removed (smallrye's raw generic {@code PageDto}, Jackson internals);</li>
 * <li>the service's events, one schema per resource, and the webhook a subscriber receives ({@link EventSchemas}).</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    static final String SCHEMAS = "#/components/schemas/";

    private static final Map<String, String> HEADERS = Map.of(
            "ETag", "Version of the resource (a quoted number); send it back in If-Match to update it",
            "Location", "Path of the resource created",
            "Retry-After", "Seconds after which the request may be tried again",
            "Content-Disposition", "File name of the content (attachment or inline)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        openAPI.getComponents().getSchemas().values().forEach(s -> nullable(s, seen));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                schemasOf(operation).forEach(s -> nullable(s, seen));
            }
        }
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                paging(openAPI, operation);
                conditional(operation);
                headers(operation);
                roles(operation);
            }
        }
        pageEnvelopes(openAPI);
        pruneUnused(openAPI);
        EventSchemas.add(openAPI);
        new Examples(openAPI).fill();
        topLevelOrder(openAPI);
    }

    /** A secured operation says in words which roles it needs (the scopes of its requirement). */
    private static void roles(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        List<String> roles = operation.getSecurity().get(0).getScheme("bearer");
        if (roles == null || roles.isEmpty()) {
            return;
        }
        String needs = "Needs a bearer token with the role " + String.join(" or ", roles) + ".";
        String description = operation.getDescription();
        if (description == null || !description.contains(needs)) {
            operation.setDescription(description == null ? needs : description + " " + needs);
        }
    }

    /**
     * openapi, components, tags, paths, info, whatever set them first (a configured schema creates components before
     * the version is set), so the committed file reads the same way in every service.
     */
    private static void topLevelOrder(OpenAPI openAPI) {
        var components = openAPI.getComponents();
        var tags = openAPI.getTags();
        var paths = openAPI.getPaths();
        var info = openAPI.getInfo();
        var webhooks = openAPI.getWebhooks();
        openAPI.setWebhooks(null);
        openAPI.setComponents(null);
        openAPI.setTags(null);
        openAPI.setPaths(null);
        openAPI.setInfo(null);
        openAPI.setComponents(components);
        openAPI.setTags(tags);
        openAPI.setPaths(paths);
        openAPI.setWebhooks(webhooks);
        openAPI.setInfo(info);
    }

    /**
     * smallrye writes a nullable enum as {@code type: [string, "null"]} with an enum lacking null, which no null
     * passes, and sometimes keeps {@code type: object} beside {@code anyOf: [{$ref}, {type: "null"}]}, which no null
     * passes either. Null joins the enum; the type beside such an anyOf goes (the anyOf says it all).
     */
    private static void nullable(Schema schema, Set<Schema> seen) {
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
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(ContractFilter::isNullType)) {
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

    private static List<Schema> schemasOf(Operation operation) {
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

    /** A list (its 200 is a page envelope) documents page, size and sort the same way everywhere. */
    private static void paging(OpenAPI openAPI, Operation operation) {
        Schema page = pageSchema(openAPI, operation);
        if (page == null) {
            return;
        }
        Parameter p = queryParameter(operation, "page");
        p.description("0-based page number").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .format("int32").minimum(BigDecimal.ZERO).defaultValue(0));
        Parameter s = queryParameter(operation, "size");
        s.description("Page size, at most 200 (a larger one is refused with 400)").schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(200)).defaultValue(20));
        Parameter sort = queryParameter(operation, "sort");
        String fields = sort.getDescription() == null ? "" : " Fields: " + sort.getDescription();
        sort.description("Comma-separated fields to sort by, '-' before a field for descending." + fields)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    static Schema pageSchema(OpenAPI openAPI, Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return null;
        }
        MediaType json = ok.getContent().getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            return null;
        }
        String name = json.getSchema().getRef().substring(SCHEMAS.length());
        return name.startsWith("PageDto") ? openAPI.getComponents().getSchemas().get(name) : null;
    }

    private static Parameter queryParameter(Operation operation, String name) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (name.equals(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY) {
                    return parameter;
                }
            }
        }
        Parameter parameter = OASFactory.createParameter().name(name).in(Parameter.In.QUERY);
        operation.addParameter(parameter);
        return parameter;
    }

    /** The envelope's fields are always there; smallrye makes one schema per item type ("PageDtoPlanDto"). */
    private static void pageEnvelopes(OpenAPI openAPI) {
        for (Map.Entry<String, Schema> entry : openAPI.getComponents().getSchemas().entrySet()) {
            Schema schema = entry.getValue();
            if (!entry.getKey().startsWith("PageDto") || schema.getProperties() == null) {
                continue;
            }
            schema.required(List.of("items", "total", "page", "size"));
            describe(schema.getProperties().get("items"), "The items of this page", null);
            describe(schema.getProperties().get("total"), "Number of matches over all pages", 1);
            describe(schema.getProperties().get("page"), "0-based page number", 0);
            describe(schema.getProperties().get("size"), "Page size asked for (at most 200)", 20);
        }
    }

    private static void describe(Schema property, String description, Object example) {
        if (property == null) {
            return;
        }
        property.description(description);
        if (example != null && property.getExamples() == null) {
            property.examples(List.of(example));
        }
    }

    /**
     * A {@link CachedRead} operation (marked by its extension, which goes) takes If-None-Match and may answer 304;
     * its 200 carries an ETag and Cache-Control.
     */
    private static void conditional(Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(CachedRead.EXTENSION)) {
            return;
        }
        operation.removeExtension(CachedRead.EXTENSION);
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("ETag of an answer you hold; 304 with no body if it still holds")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example("\"1\""));
        Header cacheControl = OASFactory.createHeader().description("no-cache: you may keep the answer, but revalidate it "
                + "with If-None-Match before using it again (private, no-cache when reads need a token)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag")) {
            ok.addHeader("ETag", OASFactory.createHeader().description("Identifies this answer; send it in If-None-Match to revalidate")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        ok.addHeader("Cache-Control", cacheControl);
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the ETag in If-None-Match is still the answer's (no body)")
                .addHeader("ETag", OASFactory.createHeader().description("The answer's ETag, unchanged")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .addHeader("Cache-Control", cacheControl));
    }

    private static void headers(Operation operation) {
        if (operation.getResponses() != null) {
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                if (response.getHeaders() == null) {
                    continue;
                }
                for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                    if (header.getValue().getDescription() == null && HEADERS.containsKey(header.getKey())) {
                        header.getValue().description(HEADERS.get(header.getKey()));
                    }
                }
            }
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("If-Match".equals(parameter.getName()) && parameter.getIn() == Parameter.In.HEADER) {
                    String description = parameter.getDescription() == null ? "ETag from the last read" : parameter.getDescription();
                    if (!description.contains("428")) {
                        parameter.description(description + ". Missing: 428; someone else changed the resource since: 412.");
                    }
                    if (parameter.getExample() == null) {
                        parameter.example("\"1\"");
                    }
                }
            }
        }
    }

    /** Removes component schemas nothing refers to, directly or through other schemas. */
    private static void pruneUnused(OpenAPI openAPI) {
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
