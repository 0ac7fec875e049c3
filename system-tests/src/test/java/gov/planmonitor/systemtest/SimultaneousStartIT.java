package gov.planmonitor.systemtest;

import gov.planmonitor.launcher.DevelopmentKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replicas of a new deployment start together on an empty database: Flyway's lock lets one of them migrate while the
 * other waits, so every migration is applied once, and both serve.
 */
class SimultaneousStartIT {

    @Test
    void twoInstancesStartedTogetherOnAnEmptyDatabaseMigrateOnceAndBothServe() throws Exception {
        RunningSuite running = RunningSuite.get();
        String database = "planmonitor_system_twins_" + System.nanoTime() % 1_000_000;
        running.postgres.prepareDatabase(database, true);
        running.postgres.prepareRoles(database, database + "_owner", "twins-owner-password", database, "twins-password");
        Path jar = running.root.resolve("indicator-service/target/quarkus-app/quarkus-run.jar");
        List<Process> twins = new ArrayList<>();
        List<int[]> ports = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                int[] port = {RunningSuite.freePort(), RunningSuite.freePort()};
                ProcessBuilder builder = new ProcessBuilder("java", "-Xmx192m", "-jar", jar.toString())
                        .redirectErrorStream(true).redirectOutput(running.root.resolve("system-tests/target/twin-" + i + ".log").toFile());
                Map<String, String> env = builder.environment();
                env.put("QUARKUS_PROFILE", "local");
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port[0]));
                env.put("MANAGEMENT_PORT", String.valueOf(port[1]));
                env.put("QUARKUS_DATASOURCE_JDBC_URL", running.postgres.jdbcUrl(database));
                env.put("QUARKUS_DATASOURCE_USERNAME", database);
                env.put("QUARKUS_DATASOURCE_PASSWORD", "twins-password");
                env.put("QUARKUS_FLYWAY_USERNAME", database + "_owner");
                env.put("QUARKUS_FLYWAY_PASSWORD", "twins-owner-password");
                env.put("JWT_PUBLIC_KEY_LOCATION", running.suite.keys().jwksFile().toUri().toString());
                env.put("JWT_ISSUER", DevelopmentKeys.ISSUER);
                ports.add(port);
                twins.add(builder.start());
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int[] port : ports) {
                awaitReady(http, "http://127.0.0.1:" + port[1] + "/q/health/ready", Duration.ofSeconds(120));
                HttpResponse<String> plans = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port[0] + "/api/v1/plans")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, plans.statusCode(), plans.body());
                assertTrue(plans.body().contains("\"total\":0"), plans.body());
            }
            try (Connection c = DriverManager.getConnection(running.postgres.jdbcUrl(database), running.postgres.user(), running.postgres.password());
                 Statement s = c.createStatement()) {
                ResultSet applied = s.executeQuery("SELECT count(*), count(DISTINCT version), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL");
                applied.next();
                assertTrue(applied.getInt(1) > 1, "the migrations ran");
                assertEquals(applied.getInt(2), applied.getInt(1), "each migration was applied once");
                assertTrue(applied.getBoolean(3), "and succeeded");
            }
        } finally {
            for (Process twin : twins) {
                twin.destroy();
            }
            for (Process twin : twins) {
                twin.waitFor();
            }
        }
    }

    private static void awaitReady(HttpClient http, String url, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail(url + " was not ready within " + within);
    }
}
