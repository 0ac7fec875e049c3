package gov.planmonitor.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker on a small OpenAPI 3.1 document: what it accepts, and that it reports each kind of mismatch. */
class ContractConformanceTest {

    private static final String CONTRACT = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /api/v1/plans/{code}:
                get:
                  operationId: getPlan
                  responses:
                    "200":
                      description: The plan
                      headers:
                        ETag: {required: true, schema: {type: string}}
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Plan"}
                    "404":
                      description: Not found
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
                    "400": {$ref: "#/components/responses/BadRequest"}
              /api/v1/plans/FYP13:
                delete:
                  operationId: deleteFyp13
                  responses:
                    "204": {description: Gone}
              /api/v1/exports:
                get:
                  operationId: exportData
                  responses:
                    "200":
                      description: File
                      content:
                        text/csv: {schema: {type: string}}
            components:
              responses:
                BadRequest:
                  description: Invalid request
                  content:
                    application/problem+json:
                      schema: {$ref: "#/components/schemas/Problem"}
              schemas:
                Plan:
                  type: object
                  properties:
                    code: {type: string}
                    startYear: {type: integer, format: int32}
                    parent: {type: [string, "null"]}
                    createdAt: {type: string, format: date-time}
                Problem:
                  type: object
                  required: [type, title, status]
                  properties:
                    type: {type: string}
                    title: {type: string}
                    status: {type: integer}
                    detail: {type: string}
            """;

    private final ContractConformance contract = ContractConformance.ofText(CONTRACT);

    private List<String> check(String method, String path, int status, String type, Map<String, String> headers, String body) {
        return contract.check(method, path, status, type, name -> headers.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConformingResponsePasses() {
        assertEquals(List.of(), check("GET", "/api/v1/plans/FYP13", 200, "application/json;charset=UTF-8", Map.of("ETag", "\"1\""),
                "{\"code\":\"FYP13\",\"startYear\":2016,\"parent\":null,\"createdAt\":\"2016-01-01T00:00:00Z\"}"));
        assertEquals(List.of(), check("GET", "/api/v1/exports", 200, "text/csv; charset=UTF-8", Map.of(), "code\nFYP13\n"));
        assertEquals(List.of(), check("DELETE", "/api/v1/plans/FYP13", 204, null, Map.of(), ""));
    }

    @Test
    void wrongTypesNullsAndUndeclaredFieldsAreReported() {
        String problems = String.join("\n", check("GET", "/api/v1/plans/FYP13", 200, "application/json", Map.of("ETag", "\"1\""),
                "{\"code\":null,\"startYear\":\"2016\",\"extra\":1,\"createdAt\":\"yesterday\"}"));
        assertTrue(problems.contains("/code"), problems);
        assertTrue(problems.contains("/startYear"), problems);
        assertTrue(problems.contains("extra"), problems);
        assertTrue(problems.contains("/createdAt"), problems);
    }

    @Test
    void undeclaredStatusMediaTypeAndHeadersAreReported() {
        assertTrue(check("GET", "/api/v1/plans/FYP13", 412, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":412}").get(0).contains("does not declare"));
        assertTrue(check("GET", "/api/v1/plans/FYP13", 200, "text/html", Map.of("ETag", "\"1\""), "<p>")
                .get(0).contains("is not declared"));
        assertTrue(check("GET", "/api/v1/plans/FYP13", 200, "application/json", Map.of(), "{}")
                .get(0).contains("required header ETag"));
        assertTrue(check("GET", "/api/v1/exports", 200, "text/csv", Map.of("Content-Disposition", "attachment"), "a")
                .get(0).contains("content-disposition"));
        assertTrue(check("DELETE", "/api/v1/plans/FYP13", 204, "application/json", Map.of(), "{}")
                .get(0).contains("declares none"));
    }

    @Test
    void theMostLiteralPathWinsAndPathsOutsideTheContractMustAnswerWithAProblem() {
        // DELETE /api/v1/plans/FYP13 is declared on the literal path only
        assertTrue(check("DELETE", "/api/v1/plans/FYP12", 405, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":405}").isEmpty());
        assertTrue(check("GET", "/api/v1/nothing", 404, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":404}").isEmpty());
        assertTrue(check("GET", "/api/v1/nothing", 404, "text/html", Map.of(), "<p>").get(0).contains("not application/problem+json"));
        assertTrue(check("GET", "/api/v1/nothing", 200, "application/json", Map.of(), "{}").get(0).contains("no path in the contract"));
        assertTrue(check("GET", "/api/v1/plans/FYP13", 404, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":400}").get(0).contains("says status 400"));
    }

    @Test
    void aSharedResponseIsCheckedWhereItIsDefined() {
        assertEquals(List.of(), check("GET", "/api/v1/plans/FYP13", 400, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":400}"));
        String problems = String.join("\n", check("GET", "/api/v1/plans/FYP13", 400, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"status\":\"400\"}"));
        assertTrue(problems.contains("title") && problems.contains("/status"), problems);
        assertTrue(check("GET", "/api/v1/plans/FYP13", 400, "application/json", Map.of(), "{}").get(0).contains("is not declared"));
    }

    @Test
    void percentEncodedSegmentsMatchTheirTemplate() {
        assertEquals(List.of(), check("GET", "/api/v1/plans/%E5%8D%81%E4%B8%89%E4%BA%94", 404, "application/problem+json", Map.of(),
                "{\"type\":\"x\",\"title\":\"t\",\"status\":404}"));
    }
}
