package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's own Spectral rules (.spectral.yaml) fire exactly where a fixture breaks them and nowhere else, so a
 * clean lint of the contracts means something. The contracts themselves are linted by the build (npm run lint:build).
 */
class LintRulesTest {

    @Test
    void eachCustomRuleFiresExactlyWhereTheFixtureBreaksIt() throws Exception {
        Process spectral = new ProcessBuilder("node", "node_modules/@stoplight/spectral-cli/dist/index.js", "lint", "--quiet",
                "--ruleset", ".spectral.yaml", "--format", "json", "src/test/resources/lint/rules.yaml")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = spectral.getInputStream().readAllBytes();
        assertTrue(spectral.waitFor(60, TimeUnit.SECONDS), "spectral did not finish");

        Set<String> found = new TreeSet<>();
        for (JsonNode result : parse(output)) {
            String rule = result.path("code").asText();
            if (rule.startsWith("plan-")) {
                List<String> path = new java.util.ArrayList<>();
                result.path("path").forEach(p -> path.add(p.asText()));
                found.add(rule + " " + String.join(" ", path));
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "plan-operation-id paths /api/v1/no-id get",
                "plan-problem-response paths /api/v1/no-problem get",
                "plan-request-example paths /api/v1/no-examples put requestBody content application/json",
                "plan-response-example paths /api/v1/no-examples put responses 200 content application/problem+json",
                "plan-response-example paths /api/v1/no-examples put responses 201 content application/json",
                "plan-api-v1-paths paths /q/health",
                "plan-api-v1-paths paths /misplaced")), found);
    }

    private static JsonNode parse(byte[] output) throws IOException {
        try {
            return new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new IOException("spectral did not answer JSON: " + new String(output, StandardCharsets.UTF_8), e);
        }
    }
}
