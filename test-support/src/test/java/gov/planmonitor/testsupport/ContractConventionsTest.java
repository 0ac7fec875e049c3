package gov.planmonitor.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constructs found to break a mainstream client generator, each reported by the conventions check, and the way the
 * services' contracts write the same thing instead, which passes.
 */
class ContractConventionsTest {

    private static final String BROKEN = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: "http://localhost:8081"}]
            webhooks:
              event:
                post:
                  operationId: receiveEvent
                  responses: {"200": {description: ok}}
            components:
              schemas:
                Ref:
                  type: object
                  properties:
                    id: {type: string, format: uuid, pattern: "^[0-9a-f-]{36}$"}
                    parameters: {$ref: "#/components/schemas/Parameters", type: object}
                    note: {type: string, description: "Accept */* gives JSON"}
                Parameters: {type: object}
            paths: {}
            """;

    private static final String FIXED = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: "http://localhost:8081"}]
            x-webhooks:
              event:
                post:
                  operationId: receiveEvent
                  responses: {"200": {description: ok}}
            components:
              schemas:
                Ref:
                  type: object
                  properties:
                    id: {type: string, format: uuid}
                    parameters: {$ref: "#/components/schemas/Parameters"}
                    note: {type: string, description: "An Accept that takes any type gives JSON"}
                Parameters: {type: object}
            paths: {}
            """;

    @Test
    void eachConstructThatBreaksAGeneratorIsReported(@TempDir Path dir) throws Exception {
        List<String> problems = ContractConventions.check(Files.writeString(dir.resolve("broken.yaml"), BROKEN));
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.contains("webhooks: generators make a client operation of each (a call to a path no service serves);"
                + " describe them under x-webhooks"), problems::toString);
        assertTrue(problems.contains("/components/schemas/Ref/properties/id: a pattern beside format: uuid"
                + " (the Python client then checks its UUID object as text)"), problems::toString);
        assertTrue(problems.contains("/components/schemas/Ref/properties/parameters: keywords beside $ref [type]"
                + " (the Python client types such a property as a dict)"), problems::toString);
        assertTrue(problems.contains("/components/schemas/Ref/properties/note/description: \"*/\""
                + " (the Go client puts it in a /* */ comment, which it ends)"), problems::toString);
    }

    @Test
    void theSameWrittenForGeneratorsPasses(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), ContractConventions.check(Files.writeString(dir.resolve("fixed.yaml"), FIXED)));
    }
}
