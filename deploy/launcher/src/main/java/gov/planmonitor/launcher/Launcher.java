package gov.planmonitor.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the whole suite on one machine: PostgreSQL (embedded unless the libpq variables name a server),
 * one database per service, the three services, and the seeds loaded through each service's import API.
 * Ctrl-C or SIGTERM stops the services, then PostgreSQL.
 */
public final class Launcher {

    /** One service of the suite: where its jar is, its port, its database, and the seeds it loads first. */
    record Service(String name, String moduleDir, int port, String database, String seedDir, List<String> seedOrder, String emptyProbe) {
        Path jar(Path root) {
            return root.resolve(moduleDir).resolve("target/quarkus-app/quarkus-run.jar");
        }

        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    private final Path root;
    private final boolean fresh;
    private final List<Process> processes = new ArrayList<>();
    private volatile boolean stopping;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgres embedded;
    private String pgHost;
    private int pgPort;
    private String pgUser;
    private String pgPassword;

    private Launcher(Path root, boolean fresh) {
        this.root = root;
        this.fresh = fresh;
    }

    public static void main(String[] args) throws Exception {
        boolean fresh = List.of(args).contains("--fresh");
        Path root = Path.of(System.getProperty("planmonitor.root", ".")).toAbsolutePath().normalize();
        new Launcher(root, fresh).run();
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private void run() throws Exception {
        List<Service> services = List.of(
                new Service("indicator-service", "indicator-service", env("INDICATOR_PORT", 8081), "planmonitor_indicator",
                        "seeds/indicators", List.of("departments", "plans", "indicators", "observations"), "/api/v1/plans?size=1"),
                new Service("project-service", "project-service", env("PROJECT_PORT", 8082), "planmonitor_project",
                        "seeds/projects", List.of("categories", "lists", "projects", "investments", "milestones"), "/api/v1/project-lists?size=1"),
                new Service("report-service", "report-service", env("REPORT_PORT", 8083), "planmonitor_report",
                        "seeds/reports", List.of(), null));

        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "suite-shutdown"));
        startPostgres();
        for (Service service : services) {
            prepareDatabase(service.database());
        }
        for (Service service : services) {
            start(service, services);
        }
        for (Service service : services) {
            awaitReady(service);
            loadSeedsOnFirstStart(service);
        }
        System.out.println();
        System.out.println("The plan monitoring suite is running (Ctrl-C stops it):");
        for (Service service : services) {
            System.out.printf("  %-18s API %s/api/v1   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n",
                    service.name(), service.baseUrl(), service.baseUrl(), service.baseUrl());
        }
        System.out.printf("  PostgreSQL         %s:%d (user %s)%n", pgHost, pgPort, pgUser);
        for (Process process : processes) {
            int exit = process.waitFor();
            if (exit != 0 && !stopping) {
                System.err.println("A service exited with status " + exit + "; stopping the suite.");
                System.exit(exit);
            }
        }
    }

    private void startPostgres() throws IOException {
        String host = System.getenv("PGHOST");
        if (host != null && !host.isBlank()) {
            pgHost = host.startsWith("/") ? "127.0.0.1" : host;
            pgPort = env("PGPORT", 5432);
            pgUser = System.getenv().getOrDefault("PGUSER", "postgres");
            pgPassword = System.getenv().getOrDefault("PGPASSWORD", "");
            System.out.printf("Using the PostgreSQL server at %s:%d named by PGHOST.%n", pgHost, pgPort);
            return;
        }
        Path dataDir = root.resolve(".data/postgres");
        if (fresh && Files.exists(dataDir)) {
            deleteTree(dataDir);
        }
        Files.createDirectories(dataDir.getParent());
        pgHost = "localhost";
        pgPort = env("PLANMONITOR_PG_PORT", 54329);
        pgUser = "postgres";
        pgPassword = "";
        System.out.printf("Starting embedded PostgreSQL on port %d (data in %s)...%n", pgPort, dataDir);
        embedded = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    private void prepareDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pgUser, pgPassword);
             Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                    System.out.println("Created database " + database);
                }
            }
        }
    }

    private void start(Service service, List<Service> all) throws IOException {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw install -DskipTests (./run does it for you)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword);
        for (Service other : all) {
            // Each service finds the others by these URLs (used by report-service's REST clients).
            String key = other.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
            env.put(key, other.baseUrl());
        }
        builder.redirectErrorStream(true);
        Process process = builder.start();
        processes.add(process);
        Thread pump = new Thread(() -> prefixOutput(service.name(), process), service.name() + "-log");
        pump.setDaemon(true);
        pump.start();
    }

    private static void prefixOutput(String name, Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void awaitReady(Service service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.name() + " did not become ready within 180 s");
    }

    /** Seeds go through the same import endpoint users call; they load only into an empty service. */
    private void loadSeedsOnFirstStart(Service service) throws IOException, InterruptedException {
        if (service.seedOrder().isEmpty()) {
            return;
        }
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + service.emptyProbe())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 200 && !probe.body().contains("\"total\":0")) {
            return;
        }
        for (String entity : service.seedOrder()) {
            Path file = root.resolve(service.seedDir()).resolve(entity + ".csv");
            if (!Files.exists(file)) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(service.baseUrl() + "/api/v1/imports?entity=" + entity))
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .header("X-User", "seed-loader")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .timeout(Duration.ofSeconds(120))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("loading " + file + " failed with " + response.statusCode() + ": " + response.body());
            }
            System.out.println("Loaded seeds " + root.relativize(file));
        }
    }

    private void stopAll() {
        stopping = true;
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL: " + e.getMessage());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
