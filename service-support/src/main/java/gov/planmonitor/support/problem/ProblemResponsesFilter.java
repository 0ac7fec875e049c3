package gov.planmonitor.support.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents the Problem responses every operation can give, so the contract lists each error and its shape
 * without repeating them on every method. Which ones follows from the operation: a path parameter can name nothing
 * (404), a body can be malformed (400), of the wrong type (415) or unacceptable (422), a write can conflict (409), an
 * update needs If-Match (428, 412), any answer can be refused for its Accept (406) or fail (500), any request can carry a
 * bad token (401), a secured one can be refused to the caller (403), any body can be too large (413), any caller can
 * pass its rate limit (429) and any request can find the database unreachable for a moment (503). These are shared
 * responses in components/responses, each with a Problem example.
 *
 * <p>Errors only some operations give (503 when a service they check with is down, 409 when a report is not ready)
 * are declared on those operations; this filter gives them the Problem body, an example and, for 503, Retry-After.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String RESPONSES = "#/components/responses/";

    /** A shared error response: its name, description and example (slug, title, detail) as ProblemMappers write it. */
    private record Kind(String name, String description, String slug, String title, String detail, String field) {
    }

    private static final Kind BAD_BODY = new Kind("BadRequest",
            "Invalid request: malformed body, unknown field, wrong type, failed validation or bad query parameter",
            "validation", "Invalid request", "nameZh: must not be blank", "nameZh");
    private static final Kind BAD_PARAMETER = new Kind("InvalidParameter", "Invalid request: a query or path parameter is malformed",
            "bad-query", "Invalid query parameter", "page must be 0 or more (pages are numbered from 0)", "page");

    /** Any operation: its database cannot be reached for a moment (a restart, a failover). */
    private static final Kind DATABASE_UNAVAILABLE = new Kind("Unavailable", "The service's database cannot be reached at the moment; try again after Retry-After",
            "unavailable", "Service unavailable", "the database cannot be reached at the moment; nothing was written; try again shortly", null);

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("401", new Kind("Unauthenticated", "No bearer token, or one that is expired, unsigned, signed with an unknown key, or for another issuer or audience",
                    "unauthenticated", "Authentication required", "this operation needs a bearer token (Authorization: Bearer <JWT>)", null)),
            Map.entry("403", new Kind("Forbidden", "The token is valid but does not allow this operation on this resource (its role, or another department's data)",
                    "forbidden", "Not allowed", "reporting values of indicator FYP13-01 is for departments DRC, STAT; your token speaks for EDU", null)),
            Map.entry("413", new Kind("TooLarge", "The body or file is larger than the service accepts", "too-large", "Content too large",
                    "the body is larger than the 10 MB this service accepts", null)),
            Map.entry("404", new Kind("NotFound", "No resource at this path (unknown code or id)", "not-found", "Not found",
                    "no resource at this path", null)),
            Map.entry("406", new Kind("NotAcceptable", "The media type asked for in Accept is not available", "http-406", "Not Acceptable",
                    "the requested media type (Accept) is not available here", null)),
            Map.entry("409", new Kind("Conflict", "Conflicts with existing data: the code exists already, or a concurrent write came first",
                    "conflict", "Conflict with existing data", "the data conflicts with a concurrent change; read again and retry", null)),
            Map.entry("412", new Kind("PreconditionFailed", "If-Match does not match the current ETag: someone else changed the resource since it was read",
                    "precondition-failed", "The resource changed since it was read",
                    "The resource changed since you read it (current ETag \"2\"); read it again and reapply your change.", null)),
            Map.entry("415", new Kind("UnsupportedMediaType", "Unsupported Content-Type", "http-415", "Unsupported Media Type",
                    "unsupported Content-Type for this operation", null)),
            Map.entry("422", new Kind("Unprocessable", "The content cannot be accepted: an unknown reference, an unparseable target, a refused step, import row errors",
                    "unprocessable", "The content cannot be accepted", "unknown department XYZ", "departments[0].code")),
            Map.entry("428", new Kind("PreconditionRequired", "If-Match header missing", "precondition-required", "If-Match required",
                    "This update needs an If-Match header carrying the ETag of your last read, so no update is lost.", null)),
            Map.entry("429", new Kind("TooManyRequests", "This caller has made more requests than its share for now (per token subject, or per "
                    + "address without a token), or has too many report jobs waiting; try again after Retry-After",
                    "too-many-requests", "Too many requests", "more than 600 requests a minute from 203.0.113.7 without a token; try again in 2 s", null)),
            Map.entry("500", new Kind("InternalError", "Unexpected failure (logged; no details are exposed)", "internal", "Internal error",
                    "The request could not be completed; it has been logged.", null)),
            Map.entry("503", new Kind("ServiceUnavailable", "A service this one depends on did not answer", "dependency-unavailable",
                    "A service this one depends on is unavailable", "a service this one checks with did not answer; try again later", null)));

    /** Descriptions smallrye-openapi gives the bodiless responses it adds itself (validated bodies, secured operations). */
    private static final java.util.Set<String> GENERATED = java.util.Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasPathParam = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean hasBody = operation.getRequestBody() != null;
                Map<String, Kind> errors = new LinkedHashMap<>();
                errors.put("400", hasBody ? BAD_BODY : BAD_PARAMETER);
                if (hasPathParam) {
                    errors.put("404", KINDS.get("404"));
                }
                // Any request with a bad token is refused, and reads too when READS_NEED_TOKEN is set.
                errors.put("401", KINDS.get("401"));
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    errors.put("403", KINDS.get("403"));
                }
                errors.put("406", KINDS.get("406"));
                if (hasBody) {
                    errors.put("413", KINDS.get("413"));
                    errors.put("409", KINDS.get("409"));
                    errors.put("415", KINDS.get("415"));
                    errors.put("422", KINDS.get("422"));
                }
                if (entry.getKey() == PathItem.HttpMethod.PUT) {
                    errors.put("412", KINDS.get("412"));
                    errors.put("428", KINDS.get("428"));
                }
                errors.put("429", KINDS.get("429"));
                errors.put("500", KINDS.get("500"));
                errors.put("503", DATABASE_UNAVAILABLE);
                for (Map.Entry<String, Kind> error : errors.entrySet()) {
                    APIResponse existing = operation.getResponses().getAPIResponse(error.getKey());
                    // A generated response (the 400 "Bad Request" of a validated body) has no body: the shared one replaces it.
                    boolean generated = existing != null && existing.getRef() == null && existing.getContent() == null
                            && (existing.getDescription() == null || GENERATED.contains(existing.getDescription()));
                    if (existing == null || generated) {
                        operation.getResponses().addAPIResponse(error.getKey(),
                                OASFactory.createAPIResponse().ref(shared(openAPI.getComponents(), error.getKey(), error.getValue())));
                    }
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    boolean isError = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                    if (isError && response.getValue().getRef() == null) {
                        problem(response.getKey(), response.getValue(), KINDS.get(response.getKey()),
                                instance(path.getKey(), path.getValue(), operation));
                    }
                }
            }
        }
    }

    private static String shared(Components components, String status, Kind kind) {
        if (components.getResponses() == null || !components.getResponses().containsKey(kind.name())) {
            APIResponse response = OASFactory.createAPIResponse().description(kind.description());
            problem(status, response, kind, null);
            components.addResponse(kind.name(), response);
        }
        return RESPONSES + kind.name();
    }

    /** Gives an error response the Problem body, an example if it has none, and for 503 the Retry-After header. */
    private static void problem(String status, APIResponse response, Kind kind, String instance) {
        if (response.getDescription() == null && kind != null) {
            response.description(kind.description());
        }
        MediaType media = response.getContent() == null ? null : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
            response.content(content);
        }
        if (media.getSchema() == null || media.getSchema().getRef() == null) {
            media.schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        }
        if (kind != null && media.getExample() == null && media.getExamples() == null) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.BASE + kind.slug());
            example.put("title", kind.title());
            example.put("status", Integer.parseInt(status));
            // An operation's own error says what it is about; its description is the best detail there is.
            example.put("detail", instance != null && response.getDescription() != null ? response.getDescription() : kind.detail());
            if (instance != null) {
                example.put("instance", instance);
            }
            if (kind.field() != null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", kind.field());
                error.put("message", kind.detail().substring(kind.detail().indexOf(':') + 1).trim());
                example.put("errors", List.of(error));
            }
            media.example(example);
        }
        if ("401".equals(status) && (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate"))) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("The challenge: Bearer")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (("503".equals(status) || "429".equals(status)) && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds after which the request may be tried again (absent when waiting will not help)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    /** The path with its parameters' examples in place, as a Problem's instance gives it. */
    private static String instance(String template, PathItem item, Operation operation) {
        String path = template;
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.PATH && parameter.getExample() != null) {
                path = path.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
            }
        }
        return path;
    }
}
