package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.launcher.Postgres;
import gov.planmonitor.launcher.Suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A suite of its own for the fault tests, which kill services and stop the database: always on an embedded
 * PostgreSQL whose data directory is kept, so it can be stopped and started again on the same port, and apart from the
 * suite the other end-to-end tests share. Started once for all fault test classes of the run, stopped when the JVM ends.
 * Requests go through a plain {@link HttpClient}: many threads, exact statuses, no client-side checks in the way.
 */
final class FaultSuite {

    static final ObjectMapper JSON = new ObjectMapper();
    private static FaultSuite instance;

    final Postgres postgres;
    final Suite suite;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private FaultSuite(Postgres postgres, Suite suite) {
        this.postgres = postgres;
        this.suite = suite;
    }

    static synchronized FaultSuite get() throws Exception {
        if (instance == null) {
            Path root = Path.of(System.getProperty("planmonitor.root", "..")).toAbsolutePath().normalize();
            Path target = Path.of(System.getProperty("planmonitor.logs", "target")).toAbsolutePath();
            Path data = target.resolve("fault-postgres");
            deleteTree(data);
            long t0 = System.nanoTime();
            Postgres postgres = Postgres.embedded(data, RunningSuite.freePort());
            Suite suite = new Suite(root, new Suite.Settings(RunningSuite.freePort(), RunningSuite.freePort(), RunningSuite.freePort(), "planmonitor_fault_", true,
                    target.resolve("fault-logs")), postgres);
            FaultSuite started = new FaultSuite(postgres, suite);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.close();
                postgres.close();
            }, "fault-suite-shutdown"));
            suite.start();
            System.out.printf("[fault] suite started in %d ms; service logs in %s%n", Duration.ofNanos(System.nanoTime() - t0).toMillis(),
                    target.resolve("fault-logs"));
            instance = started;
        }
        return instance;
    }

    String url(String service, String path) {
        return suite.service(service).baseUrl() + path;
    }

    String readiness(String service) {
        return suite.service(service).managementUrl() + "/q/health/ready";
    }

    String token(String role, String... departments) {
        return suite.keys().token(role, List.of(departments), Duration.ofMinutes(30));
    }

    /** Sends a request; a body is JSON. Headers come in name, value pairs. */
    HttpResponse<String> send(String method, String url, String token, Object body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and expects the status; returns the JSON body. */
    JsonNode expect(int status, String method, String url, String token, Object body, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, url, token, body, headers);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + url + ": expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The resident set size of a service's process, in kB (Linux /proc). */
    long rssKb(String service) throws IOException {
        long pid = suite.process(service).pid();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + service);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
