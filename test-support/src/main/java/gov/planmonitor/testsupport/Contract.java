package gov.planmonitor.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed OpenAPI document is the contract frontend teams and other systems code against; this check fails
 * when the served document and the committed one differ. After an intended change run the module's tests with
 * {@code -Dopenapi.update=true}, review the diff and commit the file.
 */
public final class Contract {

    public static final Path COMMITTED = Path.of("src/main/resources/openapi/openapi.yaml");

    private Contract() {
    }

    public static void assertServedMatchesCommitted() throws IOException {
        String served = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().body().asString().replace("\r\n", "\n");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!committed.equals(served)) {
            Path actual = Path.of("target/openapi-served.yaml");
            Files.writeString(actual, served, StandardCharsets.UTF_8);
            assertEquals(committed, served, "The API no longer matches the committed contract " + COMMITTED
                    + " (served copy in " + actual + "). If the change is intended, run with -Dopenapi.update=true and commit.");
        }
    }

    /** The committed contract states the API conventions (see {@link ContractConventions}). */
    public static void assertFollowsConventions() {
        List<String> problems = ContractConventions.check(COMMITTED);
        assertTrue(problems.isEmpty(), problems.size() + " convention(s) broken in " + COMMITTED + ":\n  - " + String.join("\n  - ", problems));
    }
}
