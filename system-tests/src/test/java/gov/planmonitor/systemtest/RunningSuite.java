package gov.planmonitor.systemtest;

import gov.planmonitor.launcher.Postgres;
import gov.planmonitor.launcher.Suite;
import gov.planmonitor.testsupport.ConformanceFilter;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged suite, started once for all end-to-end test classes of the run as {@code ./run} starts it (a fresh
 * PostgreSQL, the three jars, the seeds through the import APIs) and stopped when the JVM ends.
 */
final class RunningSuite {

    private static RunningSuite instance;
    private static Postgres server;
    private static final List<Suite> suitesOnServer = new CopyOnWriteArrayList<>();

    final Path root;
    final Postgres postgres;
    final Suite suite;
    final String indicatorUrl;
    final String projectUrl;
    final String reportUrl;

    private RunningSuite(Path root, Postgres postgres, Suite suite) {
        this.root = root;
        this.postgres = postgres;
        this.suite = suite;
        this.indicatorUrl = suite.service("indicator-service").baseUrl();
        this.projectUrl = suite.service("project-service").baseUrl();
        this.reportUrl = suite.service("report-service").baseUrl();
    }

    static synchronized RunningSuite get() throws Exception {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A token signed with the development key the services trust. */
    String token(String role, String... departments) {
        return suite.keys().token(role, List.of(departments), Duration.ofMinutes(10));
    }

    /**
     * Runs one of api-contract's TypeScript examples, as its build compiled it (target/ts-out), with node against this
     * suite (INDICATOR_URL, PROJECT_URL, REPORT_URL, and TOKEN and the rest from {@code env}), and returns what it printed.
     * Fails unless it ends within {@code timeout} with exit code 0.
     */
    String runTypeScript(String script, Map<String, String> env, Duration timeout) throws Exception {
        Path compiled = root.resolve("api-contract/target/ts-out").resolve(script);
        assertTrue(Files.isRegularFile(compiled), () -> compiled + " is missing: build api-contract first");
        return run(script, List.of("node", compiled.toString()), root, env, timeout);
    }

    /**
     * A program run against this suite (INDICATOR_URL, PROJECT_URL and REPORT_URL in its environment, with env), its
     * output (standard error included); it must exit 0 within the timeout.
     */
    String run(String name, List<String> command, Path directory, Map<String, String> env, Duration timeout) throws Exception {
        // Output to a file, so that a program that hangs is stopped at the timeout rather than read forever.
        Path log = Files.createTempFile("planmonitor-" + name.replaceAll("[^A-Za-z0-9.-]", "_"), ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("INDICATOR_URL", indicatorUrl);
        builder.environment().put("PROJECT_URL", projectUrl);
        builder.environment().put("REPORT_URL", reportUrl);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, () -> name + " did not finish in " + timeout + ":\n" + output);
        System.out.printf("[timing] %s: %d ms%n", name, Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertEquals(0, process.exitValue(), () -> name + " failed:\n" + output);
        return output;
    }

    /**
     * The end-to-end tests' PostgreSQL server, started once per JVM: like every other test's, the one PG* names, or an
     * embedded one in a temporary directory. When the JVM ends the suites on it ({@link #stopAtExit}) stop first, then it.
     */
    static synchronized Postgres postgres() throws IOException {
        if (server == null) {
            Postgres started = Postgres.fromEnvironment().orElse(null);
            if (started == null) {
                started = Postgres.embedded(null, 0);
            }
            Postgres stopped = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suitesOnServer.forEach(Suite::close);
                stopped.close();
            }, "system-test-shutdown"));
            server = started;
        }
        return server;
    }

    /** A suite on {@link #postgres()} that must be stopped before it when the JVM ends (closing twice is harmless). */
    static void stopAtExit(Suite suite) {
        suitesOnServer.add(suite);
    }

    static Path root() {
        return Path.of(System.getProperty("planmonitor.root", "..")).toAbsolutePath().normalize();
    }

    static Path logs() {
        return Path.of(System.getProperty("planmonitor.logs", "target")).toAbsolutePath();
    }

    private static RunningSuite start() throws Exception {
        Path root = root();
        Path logs = logs();

        long t0 = System.nanoTime();
        Postgres postgres = postgres();
        Duration postgresStart = Duration.ofNanos(System.nanoTime() - t0);
        // Own database names, so a server named by PGHOST keeps the databases ./run uses.
        Suite suite = new Suite(root, new Suite.Settings(freePort(), freePort(), freePort(), "planmonitor_system_", true, logs), postgres);
        RunningSuite running = new RunningSuite(root, postgres, suite);
        // Stops everything when the JVM ends: services first, then the database they use.
        stopAtExit(suite);
        long t1 = System.nanoTime();
        suite.start();
        Duration suiteStart = Duration.ofNanos(System.nanoTime() - t1);

        // Every answer of the packaged services is checked against the service's committed contract too.
        Map<Integer, Path> contracts = new HashMap<>();
        for (String service : List.of("indicator-service", "project-service", "report-service")) {
            contracts.put(suite.service(service).port(), root.resolve(service).resolve("src/main/resources/openapi/openapi.yaml"));
        }
        RestAssured.filters(new ConformanceFilter(contracts));
        // Exact decimals, so 54.37 is compared as printed.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

        Suite.Timings timings = suite.timings();
        System.out.printf("[timing] PostgreSQL start (%s): %d ms%n", postgres.isEmbedded() ? "embedded" : "PGHOST", postgresStart.toMillis());
        timings.startToReady().forEach((name, d) -> System.out.printf("[timing] %s start-to-ready: %d ms%n", name, d.toMillis()));
        timings.seedLoad().forEach((name, d) -> System.out.printf("[timing] %s seed load: %d ms%n", name, d.toMillis()));
        System.out.printf("[timing] seed load total: %d ms%n", timings.totalSeedLoad().toMillis());
        System.out.printf("[timing] suite start (databases, services in parallel, seeds): %d ms; service logs in %s%n",
                suiteStart.toMillis(), logs);
        return running;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
