package gov.planmonitor.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** One mapper per kind of failure, each answering with a Problem that says what is wrong; none leaks internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response problem(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem(Problem.BASE + slug, title, status, detail, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response notFound(ServiceException.NotFound e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(ServiceException.Conflict e, UriInfo uri) {
        return problem(409, "conflict", "Conflict with existing data", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response invalid(ServiceException.Invalid e, UriInfo uri) {
        return problem(422, "unprocessable", "The content cannot be accepted", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response importRejected(ServiceException.ImportRejected e, UriInfo uri) {
        return problem(422, "import-rejected", "Import rejected; nothing was written", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response badQuery(ServiceException.BadQuery e, UriInfo uri) {
        return problem(400, "bad-query", "Invalid query parameter", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unauthenticated(ServiceException.Unauthenticated e, UriInfo uri) {
        return unauthorized(e.getMessage(), uri);
    }

    /** A secured operation called without a token (the annotation check, before the body is read). */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return unauthorized("this operation needs a bearer token (Authorization: Bearer <JWT>)", uri);
    }

    /** A token that is expired, unsigned, wrongly signed or for another issuer or audience. */
    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(ServiceException.Unauthenticated.INVALID_TOKEN, uri);
    }

    static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthenticated", "Authentication required", detail, uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ServiceException.Forbidden e, UriInfo uri) {
        return problem(403, "forbidden", "Not allowed", e.getMessage(), uri, null);
    }

    /** The annotation check: the token is valid but carries none of the operation's roles. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, jakarta.ws.rs.container.ResourceInfo resource) {
        jakarta.annotation.security.RolesAllowed allowed = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        String detail = allowed == null ? "your token's roles do not allow this operation"
                : "this operation needs the role " + String.join(" or ", allowed.value()) + "; your token has none of them";
        return problem(403, "forbidden", "Not allowed", detail, uri, null);
    }

    @ServerExceptionMapper
    public Response tooLarge(ServiceException.TooLarge e, UriInfo uri) {
        return problem(413, "too-large", "Content too large", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response tooManyRequests(ServiceException.TooManyRequests e, UriInfo uri) {
        return retryAfter(e.retryAfterSeconds(), problem(429, "too-many-requests", "Too many requests", e.getMessage(), uri, null));
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceException.Unavailable e, UriInfo uri) {
        return retryAfter(30, problem(503, "dependency-unavailable", "A service this one depends on is unavailable", e.getMessage(), uri, null));
    }

    @ServerExceptionMapper
    public Response preconditionRequired(ServiceException.PreconditionRequired e, UriInfo uri) {
        return problem(428, "precondition-required", "If-Match required", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response preconditionFailed(ServiceException.PreconditionFailed e, UriInfo uri) {
        return problem(412, "precondition-failed", "The resource changed since it was read", e.getMessage(), uri, null);
    }

    /** Two writers passed the If-Match check at once; the database let only one through. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response lostUpdate(Exception e, UriInfo uri) {
        return problem(412, "precondition-failed", "The resource changed since it was read",
                "Another update was saved first; read the resource again and reapply your change.", uri, null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldError.of(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, errors);
    }

    /** The property path without the method and parameter names: "seq", "target.text", "departments[0].role". */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            // A node in a list carries the index of its list element, which belongs after the list's name
            // (departments[0].role); the element itself (a null in the list) has no name of its own.
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(400, "malformed-body", "Malformed request body", "unknown field '" + e.getPropertyName() + "'",
                uri, List.of(FieldError.of(field, "unknown field; allowed: " + e.getKnownPropertyIds())));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(400, "malformed-body", "Malformed request body", field + ": '" + e.getValue() + "' is not a valid "
                + e.getTargetType().getSimpleName(), uri, List.of(FieldError.of(field, "wrong type or value")));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(400, "malformed-body", "Malformed request body", "the value of '" + field + "' has the wrong type"
                + (e.getTargetType() == null ? "" : " (expected " + e.getTargetType().getSimpleName() + ")"),
                uri, List.of(FieldError.of(field, "wrong type")));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e, UriInfo uri) {
        return problem(400, "malformed-body", "Malformed request body", "the body is not valid JSON: " + e.getOriginalMessage(), uri, null);
    }

    /**
     * A body past the reader's limits (nesting deeper than 1,000 levels, a number or text beyond its length limit). The
     * limit trips while an unknown or skipped value is being read, outside the places that wrap parse errors.
     */
    @ServerExceptionMapper
    public Response beyondLimits(com.fasterxml.jackson.core.exc.StreamConstraintsException e, UriInfo uri) {
        return problem(400, "malformed-body", "Malformed request body", "the body is beyond what this service reads: "
                + e.getOriginalMessage().replaceAll(" \\(from `[^`]*`\\)", ""), uri, null);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        return problem(400, "malformed-body", "Malformed request body", "the body does not match the expected shape at '" + jsonPath(e) + "'", uri, null);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** Unique constraints are checked before writing; this catches the race where two requests create the same code. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return refusedOrInternal(e, uri, "persistence failure");
    }

    /** A database refusal answered by its meaning; anything else a logged 500 that exposes nothing. */
    private Response refusedOrInternal(Throwable e, UriInfo uri, String log) {
        return refusedByDatabase(e, uri).orElseGet(() -> {
            LOG.error(log, e);
            return problem(500, "internal", "Internal error", "The request could not be completed; it has been logged.", uri, null);
        });
    }

    private static Response retryAfter(int seconds, Response problem) {
        return Response.fromResponse(problem).header("Retry-After", String.valueOf(seconds)).build();
    }

    /** A write PostgreSQL refused, answered by what the refusal means (see {@link DatabaseRefusal}). */
    private java.util.Optional<Response> refusedByDatabase(Throwable e, UriInfo uri) {
        return DatabaseRefusal.of(e).map(refusal -> switch (refusal) {
            case UNIQUE -> problem(409, "conflict", "Conflict with existing data",
                    "the data conflicts with a concurrent change; read again and retry", uri, null);
            case FOREIGN_KEY -> problem(409, "conflict", "Conflict with existing data",
                    "the data refers to something that was changed or removed meanwhile; read again and retry", uri, null);
            case RULE -> {
                // Validation should have caught it: worth a look, but the caller's input is what is wrong.
                LOG.warnf("a write broke a database rule validation let through: %s", e.getMessage());
                yield problem(422, "unprocessable", "The content cannot be accepted", "the data breaks a rule the database keeps"
                        + DatabaseRefusal.constraint(e).map(name -> " (" + name + ")").orElse("") + "; nothing was written", uri, null);
            }
            case VALUE -> problem(422, "unprocessable", "The content cannot be accepted",
                    "a value is too long, too large or holds a character the database cannot store; nothing was written", uri, null);
            case UNAVAILABLE -> {
                LOG.warnf("database unavailable: %s", e.getMessage());
                yield retryAfter(5, problem(503, "unavailable", "Service unavailable",
                        "the database cannot be reached at the moment; nothing was written; try again shortly", uri, null));
            }
            case IN_DOUBT -> {
                LOG.error("database connection lost while committing", e);
                yield retryAfter(5, problem(503, "unavailable", "Service unavailable",
                        "the database connection was lost while the write was being committed, so it may or may not have been applied: "
                                + "read the resource before trying again", uri, null));
            }
        });
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The JSON reader wraps parse and number errors in a 400; answer them as precisely as when they arrive bare.
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return unknownField(u, uri);
        }
        if (cause instanceof InvalidFormatException i) {
            return wrongType(i, uri);
        }
        if (cause instanceof MismatchedInputException m) {
            return mismatched(m, uri);
        }
        if (cause instanceof JsonParseException j) {
            return unreadable(j, uri);
        }
        if (cause instanceof JsonMappingException j) {
            return unmappable(j, uri);
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException c) {
            return beyondLimits(c, uri);
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return problem(400, "malformed-body", "Malformed request body", "the body cannot be read: " + j.getOriginalMessage(), uri, null);
        }
        // JAX-RS answers 404 when a query or path parameter cannot be converted (page=abc); that is the caller's input error.
        if (status == 404 && cause != null) {
            return problem(400, "bad-query", "Invalid parameter", "a query or path parameter has the wrong type: " + cause.getMessage(), uri, null);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "the requested media type (Accept) is not available here";
            case 415 -> "unsupported Content-Type for this operation";
            default -> e.getMessage();
        };
        return problem(status, "http-" + status, title, detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return refusedOrInternal(e, uri, "unexpected failure");
    }
}
