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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API conventions written into every service's contract once, instead of on each operation (mp.openapi.filter):
 * <ul>
 * <li>nullable fields in OpenAPI 3.1 form that validators accept (see {@link ContractSchemas});</li>
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
        openAPI.getComponents().getSchemas().values().forEach(s -> ContractSchemas.nullable(s, seen));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                ContractSchemas.schemasOf(operation).forEach(s -> ContractSchemas.nullable(s, seen));
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
        ContractSchemas.pruneUnused(openAPI);
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

}
