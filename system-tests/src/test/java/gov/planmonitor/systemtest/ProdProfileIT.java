package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service in the prod profile refuses to start with ./run's development key or issuer, with no key, or with
 * no database password; and it logs JSON, one object per line, for a log collector.
 */
class ProdProfileIT {

    private static RunningSuite running;

    @BeforeAll
    static void start() throws Exception {
        running = RunningSuite.get();
    }

    @Test
    void refusesTheDevelopmentKey() throws Exception {
        String output = startInProd(Map.of("JWT_PUBLIC_KEY_LOCATION", running.suite.keys().jwksFile().toUri().toString(),
                "JWT_ISSUER", "https://sso.example.gov.cn/realms/planning"));
        assertTrue(output.contains("refuses ./run's development signing key"), output);
    }

    @Test
    void refusesTheDevelopmentIssuer() throws Exception {
        String output = startInProd(Map.of("JWT_PUBLIC_KEY_LOCATION", running.suite.keys().jwksFile().toUri().toString()));
        assertTrue(output.contains("refuses the development token issuer"), output);
    }

    @Test
    void refusesToStartWithoutAVerificationKey() throws Exception {
        String output = startInProd(Map.of("JWT_ISSUER", "https://sso.example.gov.cn/realms/planning"));
        // Refused before the service's own check runs: the configuration names the missing setting.
        assertTrue(output.contains("No token verification key") || output.contains("mp.jwt.verify.publickey.location"), output);
    }

    @Test
    void refusesToStartWithoutADatabasePasswordAndLogsJson() throws Exception {
        // A server that lets the role in without one (trust authentication, as the embedded one here) must not be
        // mistaken for a production set-up.
        Assumptions.assumeTrue(running.postgres.password().isEmpty(), "the test database needs no password");
        String output = startInProd(Map.of("JWT_PUBLIC_KEY_LOCATION", "https://sso.example.gov.cn/realms/planning/protocol/openid-connect/certs",
                "JWT_ISSUER", "https://sso.example.gov.cn/realms/planning", "QUARKUS_DATASOURCE_PASSWORD", ""));
        assertTrue(output.contains("No database password"), output);
        // The prod profile logs one JSON object per line, for a log collector.
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), output);
        for (String line : lines) {
            JsonNode entry = new ObjectMapper().readTree(line);
            assertTrue(entry.hasNonNull("timestamp") && entry.hasNonNull("level") && entry.has("message"), line);
        }
    }

    /** Starts indicator-service's jar in the prod profile on the suite's database and returns what it printed; it must exit. */
    private static String startInProd(Map<String, String> env) throws IOException, InterruptedException {
        Path jar = running.root.resolve("indicator-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUARKUS_PROFILE", "prod");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("MANAGEMENT_PORT", "0");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", running.postgres.jdbcUrl("planmonitor_system_indicator"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", running.postgres.user());
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", running.postgres.password());
        builder.environment().remove("JWT_PUBLIC_KEY_LOCATION");
        builder.environment().remove("JWT_ISSUER");
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the service kept running in prod with " + env + ":\n" + output);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }
}
