package gov.planmonitor.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each failure a service raises, answered as the Problem the API documents: status, type, title, detail and field
 * errors, with no internals. The mappers are called directly, as the REST layer would.
 */
class ProblemMappersTest {

    private static final String BASE = "https://planmonitor.example.gov/problems/";

    private final ProblemMappers mappers = new ProblemMappers();
    private final UriInfo uri = uri("api/v1/plans/FYP13/indicators");

    /** A request's UriInfo, of which the mappers read only the path (RESTEasy gives it without the leading slash). */
    static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class}, (proxy, method, args) -> {
            if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                return path;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    static Problem body(Response response) {
        assertEquals("application/problem+json", response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    private static void assertProblem(Response response, int status, String slug, String title, String detail) {
        Problem problem = body(response);
        assertEquals(status, response.getStatus());
        assertEquals(status, problem.status());
        assertEquals(BASE + slug, problem.type());
        assertEquals(title, problem.title());
        assertEquals(detail, problem.detail());
    }

    @Test
    void theServiceExceptionsAreTheirStatuses() {
        assertProblem(mappers.notFound(new ServiceException.NotFound("no plan with code FYP99"), uri), 404, "not-found", "Not found",
                "no plan with code FYP99");
        assertProblem(mappers.conflict(new ServiceException.Conflict("a plan with code FYP13 already exists"), uri), 409, "conflict",
                "Conflict with existing data", "a plan with code FYP13 already exists");
        assertProblem(mappers.forbidden(new ServiceException.Forbidden("only DRC may write this"), uri), 403, "forbidden", "Not allowed",
                "only DRC may write this");
        assertProblem(mappers.tooLarge(new ServiceException.TooLarge("the file is over 10 MB"), uri), 413, "too-large", "Content too large",
                "the file is over 10 MB");
        assertProblem(mappers.preconditionRequired(new ServiceException.PreconditionRequired(), uri), 428, "precondition-required",
                "If-Match required", "This update needs an If-Match header carrying the ETag of your last read, so no update is lost.");
        assertProblem(mappers.preconditionFailed(new ServiceException.PreconditionFailed("\"7\""), uri), 412, "precondition-failed",
                "The resource changed since it was read",
                "The resource changed since you read it (current ETag \"7\"); read it again and reapply your change.");
        assertProblem(mappers.preconditionFailed(ServiceException.PreconditionFailed.lostRace("indicator FYP13-01"), uri), 412,
                "precondition-failed", "The resource changed since it was read",
                "another write of indicator FYP13-01 was saved first; read it again and reapply your change");
    }

    @Test
    void theInstanceIsTheRequestPathWithOneLeadingSlash() {
        assertEquals("/api/v1/plans/FYP13/indicators", body(mappers.notFound(new ServiceException.NotFound("x"), uri)).instance());
        assertEquals("/api/v1/plans", body(mappers.notFound(new ServiceException.NotFound("x"), uri("/api/v1/plans"))).instance());
        assertNull(body(mappers.notFound(new ServiceException.NotFound("x"), null)).instance());
    }

    @Test
    void fieldErrorsComeWithTheProblemsThatHaveThem() {
        Problem invalid = body(mappers.invalid(new ServiceException.Invalid("category", "unknown category SPORTS"), uri));
        assertEquals(422, invalid.status());
        assertEquals(BASE + "unprocessable", invalid.type());
        assertEquals("unknown category SPORTS", invalid.detail());
        assertEquals(List.of(new FieldError(null, null, "category", "unknown category SPORTS")), invalid.errors());

        Problem query = body(mappers.badQuery(new ServiceException.BadQuery("size", "size must be at least 1"), uri));
        assertEquals(400, query.status());
        assertEquals(BASE + "bad-query", query.type());
        assertEquals("Invalid query parameter", query.title());
        assertEquals("size", query.errors().get(0).field());

        List<FieldError> rows = List.of(FieldError.of("seq", "must be 1 or more").at("indicators", 3),
                FieldError.of("unit", "unknown unit").at("indicators", 9));
        Problem rejected = body(mappers.importRejected(new ServiceException.ImportRejected(rows), uri));
        assertEquals(422, rejected.status());
        assertEquals(BASE + "import-rejected", rejected.type());
        assertEquals("2 row error(s); nothing was imported.", rejected.detail());
        assertEquals(3, rejected.errors().get(0).row());
        assertEquals("indicators", rejected.errors().get(1).entity());

        // An exception's list is its own copy: the caller's list changing afterwards changes nothing.
        List<FieldError> mutable = new java.util.ArrayList<>(rows);
        ServiceException.Invalid copied = new ServiceException.Invalid("2 errors", mutable);
        mutable.clear();
        assertEquals(2, copied.errors().size());
        assertTrue(new ServiceException.Invalid("no field", (List<FieldError>) null).errors().isEmpty());
    }

    @Test
    void authenticationAndRateLimitsTellTheClientWhatToDo() {
        Response unauthenticated = mappers.unauthenticated(new ServiceException.Unauthenticated(ServiceException.Unauthenticated.INVALID_TOKEN), uri);
        assertProblem(unauthenticated, 401, "unauthenticated", "Authentication required", ServiceException.Unauthenticated.INVALID_TOKEN);
        assertEquals("Bearer", unauthenticated.getHeaderString("WWW-Authenticate"));
        Response noToken = mappers.unauthorized(new io.quarkus.security.UnauthorizedException(), uri);
        assertProblem(noToken, 401, "unauthenticated", "Authentication required", "this operation needs a bearer token (Authorization: Bearer <JWT>)");
        assertEquals("Bearer", noToken.getHeaderString("WWW-Authenticate"));

        Response limited = mappers.tooManyRequests(new ServiceException.TooManyRequests("60 requests a minute", 12), uri);
        assertProblem(limited, 429, "too-many-requests", "Too many requests", "60 requests a minute");
        assertEquals("12", limited.getHeaderString("Retry-After"));
        // A limit that is about to reset still asks for a second's wait, never "Retry-After: 0" (an immediate retry).
        assertEquals("1", mappers.tooManyRequests(new ServiceException.TooManyRequests("x", 0), uri).getHeaderString("Retry-After"));
        assertEquals("1", mappers.tooManyRequests(new ServiceException.TooManyRequests("x", -5), uri).getHeaderString("Retry-After"));

        Response unavailable = mappers.unavailable(new ServiceException.Unavailable("the indicator service did not answer"), uri);
        assertProblem(unavailable, 503, "dependency-unavailable", "A service this one depends on is unavailable", "the indicator service did not answer");
        assertEquals("30", unavailable.getHeaderString("Retry-After"));
    }

    @Test
    void aLostRaceInTheDatabaseIsAPreconditionFailure() {
        assertProblem(mappers.lostUpdate(new OptimisticLockException("Row was updated or deleted by another transaction"), uri), 412,
                "precondition-failed", "The resource changed since it was read",
                "Another update was saved first; read the resource again and reapply your change.");
    }

    @Test
    void databaseRefusalsAreAnsweredByTheirMeaning() {
        Response unique = mappers.persistence(refused("23505", "duplicate key value violates unique constraint \"plan_code_key\""), uri);
        assertProblem(unique, 409, "conflict", "Conflict with existing data", "the data conflicts with a concurrent change; read again and retry");
        assertProblem(mappers.persistence(refused("23503", "violates foreign key constraint"), uri), 409, "conflict", "Conflict with existing data",
                "the data refers to something that was changed or removed meanwhile; read again and retry");
        assertProblem(mappers.persistence(refused("23514", "violates check constraint"), uri), 422, "unprocessable", "The content cannot be accepted",
                "the data breaks a rule the database keeps; nothing was written");
        assertProblem(mappers.persistence(refused("22001", "value too long for type character varying(64)"), uri), 422, "unprocessable",
                "The content cannot be accepted", "a value is too long, too large or holds a character the database cannot store; nothing was written");
        Response down = mappers.persistence(refused("08006", "connection failure"), uri);
        assertProblem(down, 503, "unavailable", "Service unavailable",
                "the database cannot be reached at the moment; nothing was written; try again shortly");
        assertEquals("5", down.getHeaderString("Retry-After"));
    }

    @Test
    void aBrokenRuleNamesTheConstraintWhereTheDriverReportsIt() {
        java.sql.SQLException sql = new java.sql.SQLException("new row violates check constraint", "23514");
        PersistenceException e = new PersistenceException(new org.hibernate.exception.ConstraintViolationException("could not insert", sql,
                "observation_year_check"));
        assertEquals("the data breaks a rule the database keeps (observation_year_check); nothing was written", body(mappers.persistence(e, uri)).detail());
    }

    @Test
    void aCommitLostInFlightSaysTheWriteMayHaveHappened() {
        Response response = mappers.unexpected(new IllegalStateException("commit failed", new jakarta.transaction.HeuristicMixedException("gone")), uri);
        assertEquals(503, response.getStatus());
        assertTrue(body(response).detail().startsWith("the database connection was lost while the write was being committed, so it may or may not have been applied"),
                body(response).detail());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }

    @Test
    void anythingElseIsAnInternalErrorThatExposesNothing() {
        Response syntax = mappers.persistence(refused("42601", "syntax error at or near \"selec\" in SELECT secret FROM users"), uri);
        assertProblem(syntax, 500, "internal", "Internal error", "The request could not be completed; it has been logged.");
        Response npe = mappers.unexpected(new NullPointerException("Cannot invoke \"String.length()\" because \"password\" is null"), uri);
        assertProblem(npe, 500, "internal", "Internal error", "The request could not be completed; it has been logged.");
        assertNull(body(npe).errors());
    }

    @Test
    void malformedBodiesNameTheFieldAtFault() throws Exception {
        ObjectMapper json = new ObjectMapper();
        UnrecognizedPropertyException unknown = assertThrows(UnrecognizedPropertyException.class,
                () -> json.readValue("{\"items\":[{\"year\":2017},{\"year\":2018,\"colour\":\"red\"}]}", Batch.class));
        Problem problem = body(mappers.unknownField(unknown, uri));
        assertEquals(400, problem.status());
        assertEquals(BASE + "malformed-body", problem.type());
        assertEquals("unknown field 'colour'", problem.detail());
        assertEquals("items[1].colour", problem.errors().get(0).field());
        assertEquals("unknown field; allowed: [year]", problem.errors().get(0).message());

        InvalidFormatException wrong = assertThrows(InvalidFormatException.class, () -> json.readValue("{\"year\":\"MMXVII\"}", Entry.class));
        problem = body(mappers.wrongType(wrong, uri));
        assertEquals("year: 'MMXVII' is not a valid int", problem.detail());
        assertEquals(List.of(FieldError.of("year", "wrong type or value")), problem.errors());

        MismatchedInputException mismatched = assertThrows(MismatchedInputException.class, () -> json.readValue("{\"year\":[2017]}", Entry.class));
        problem = body(mappers.mismatched(mismatched, uri));
        assertEquals("the value of 'year' has the wrong type (expected int)", problem.detail());

        JsonParseException unreadable = assertThrows(JsonParseException.class, () -> json.readValue("{year:2017}", Entry.class));
        assertTrue(body(mappers.unreadable(unreadable, uri)).detail().startsWith("the body is not valid JSON: "));
        // The whole body at fault: no field to name, so "body".
        MismatchedInputException notAnObject = assertThrows(MismatchedInputException.class, () -> json.readValue("[1]", Entry.class));
        assertEquals("the value of 'body' has the wrong type (expected Entry)", body(mappers.mismatched(notAnObject, uri)).detail());
    }

    @Test
    void theJsonReadersWrappedErrorsAreAnsweredAsWhenBare() {
        UnrecognizedPropertyException unknown = assertThrows(UnrecognizedPropertyException.class,
                () -> new ObjectMapper().readValue("{\"year\":2017,\"extra\":1}", Entry.class));
        Problem problem = body(mappers.http(new WebApplicationException(unknown, 400), uri));
        assertEquals(400, problem.status());
        assertEquals("unknown field 'extra'", problem.detail());
        assertEquals("extra", problem.errors().get(0).field());
    }

    @Test
    void plainHttpErrorsSaySimplyWhatIsWrong() {
        assertProblem(mappers.http(new WebApplicationException(405), uri), 405, "http-405", "Method Not Allowed", "this method is not allowed here");
        assertProblem(mappers.http(new WebApplicationException(404), uri), 404, "http-404", "Not Found", "no resource at this path");
        assertProblem(mappers.http(new WebApplicationException(415), uri), 415, "http-415", "Unsupported Media Type",
                "unsupported Content-Type for this operation");
        // A parameter that cannot be converted (page=abc) reaches the mapper as a 404 with a cause: the caller's input.
        Problem conversion = body(mappers.http(new WebApplicationException(new NumberFormatException("For input string: \"abc\""), 404), uri));
        assertEquals(400, conversion.status());
        assertEquals(BASE + "bad-query", conversion.type());
        assertEquals("a query or path parameter has the wrong type: For input string: \"abc\"", conversion.detail());
        // A status JAX-RS has no name for still gets a title.
        assertEquals("HTTP 418", body(mappers.http(new WebApplicationException(418), uri)).title());
    }

    @Test
    void beanValidationListsEveryFieldInOrder() {
        jakarta.validation.ValidatorFactory factory = jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator()).buildValidatorFactory();
        try (factory) {
            Plan plan = new Plan(null, 0, java.util.Arrays.asList(new Role("DRC", "LEAD"), new Role("FIN", null), null));
            var violations = factory.getValidator().validate(plan);
            Problem problem = body(mappers.validation(new jakarta.validation.ConstraintViolationException(violations), uri));
            assertEquals(400, problem.status());
            assertEquals(BASE + "validation", problem.type());
            assertEquals("Invalid request", problem.title());
            // sorted by field; a list element's index follows the list's name, as the contract's examples show it
            assertEquals(List.of("code", "departments[1].role", "departments[2]", "startYear"), problem.errors().stream().map(FieldError::field).toList());
            assertEquals("code: give the code; departments[1].role: give the role; departments[2]: give the department; startYear: from 2000 on",
                    problem.detail());
        }
    }

    @Test
    void aRoleRefusalNamesTheRolesTheOperationNeeds() throws Exception {
        java.lang.reflect.Method method = ProblemMappersTest.class.getDeclaredMethod("plannersOnly");
        jakarta.ws.rs.container.ResourceInfo resource = (jakarta.ws.rs.container.ResourceInfo) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{jakarta.ws.rs.container.ResourceInfo.class},
                (proxy, m, args) -> m.getName().equals("getResourceMethod") ? method : null);
        assertProblem(mappers.forbidden(new io.quarkus.security.ForbiddenException(), uri, resource), 403, "forbidden", "Not allowed",
                "this operation needs the role planner or admin; your token has none of them");
        assertEquals("your token's roles do not allow this operation",
                body(mappers.forbidden(new io.quarkus.security.ForbiddenException(), uri, null)).detail());
    }

    @jakarta.annotation.security.RolesAllowed({"planner", "admin"})
    void plannersOnly() {
    }

    record Entry(int year) {
    }

    record Batch(List<Entry> items) {
    }

    record Role(@jakarta.validation.constraints.NotNull(message = "give the code") String code,
                @jakarta.validation.constraints.NotNull(message = "give the role") String role) {
    }

    record Plan(@jakarta.validation.constraints.NotNull(message = "give the code") String code,
                @jakarta.validation.constraints.Min(value = 2000, message = "from 2000 on") int startYear,
                List<@jakarta.validation.Valid @jakarta.validation.constraints.NotNull(message = "give the department") Role> departments) {
    }

    /** What Hibernate throws when PostgreSQL refuses a statement with this SQLSTATE. */
    static PersistenceException refused(String sqlState, String message) {
        return new PersistenceException("could not execute statement", new java.sql.SQLException(message, sqlState));
    }
}
