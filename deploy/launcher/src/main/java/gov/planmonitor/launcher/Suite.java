package gov.planmonitor.launcher;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The three services on one PostgreSQL server: one database per service, the packaged services started together,
 * and the seeds loaded through each service's import API on first start. Used by {@code ./run} ({@link Launcher})
 * and by the end-to-end tests; {@link #close()} stops the services (the caller owns PostgreSQL). With
 * {@link #supervise(boolean)} on, a service that exits on its own is started again, as compose and Kubernetes do.
 */
public final class Suite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Supervision's back-off: the first restart after 1 s, doubling to 30 s while the service keeps failing... */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** ...and from 1 s again once it has stayed up this long (the window Kubernetes uses is 10 minutes). */
    private static final Duration STABLE = Duration.ofSeconds(60);

    /**
     * How to run the suite. Databases are named {@code databasePrefix + "indicator"} etc.; {@code fresh} drops them
     * first; with a {@code logDir} each service writes {@code <service>.log} there instead of to standard output.
     */
    public record Settings(int indicatorPort, int projectPort, int reportPort, String databasePrefix, boolean fresh, Path logDir) {
    }

    /** One service of the suite: where its jar is, its port, its database, and the seeds it loads first. */
    public record Service(String name, String moduleDir, int port, int managementPort, String database, String seedDir, List<String> seedOrder,
                          String emptyProbe) {
        Path jar(Path root) {
            return root.resolve(moduleDir).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public String baseUrl() {
            return "http://localhost:" + port;
        }

        /** Health and metrics: /q/health, /q/metrics. */
        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }
    }

    /** Measured while starting: each service's start-to-ready time and each service's seed load time. */
    public record Timings(Map<String, Duration> startToReady, Map<String, Duration> seedLoad) {
        public Duration totalSeedLoad() {
            return seedLoad.values().stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final Path root;
    private final Settings settings;
    private final Postgres postgres;
    private final List<Service> services;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Run> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Duration> startToReady = new LinkedHashMap<>();
    private final Map<String, Duration> seedLoad = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DevelopmentKeys keys;
    private final Map<String, String> databasePasswords = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean supervised;
    /** Guarded by {@code this}: the services a supervisor is restarting now, and each service's back-off. */
    private final java.util.Set<String> restarting = new java.util.HashSet<>();
    private final Map<String, Backoff> backoffs = new java.util.HashMap<>();

    /** A process of a service and how it was started, so that a supervisor can start it the same way again. */
    private record Run(Service service, Map<String, String> overrides, Process process, long started) {
    }

    private static final class Backoff {
        Duration next = FIRST_BACKOFF;
        int restarts;

        Duration delayAfter(Duration uptime) {
            if (uptime.compareTo(STABLE) >= 0) {
                next = FIRST_BACKOFF;
            }
            Duration delay = next;
            next = next.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next.multipliedBy(2);
            restarts++;
            return delay;
        }
    }

    public Suite(Path root, Settings settings, Postgres postgres) throws IOException {
        this.root = root;
        this.keys = DevelopmentKeys.in(root.resolve(".data/keys"));
        this.settings = settings;
        this.postgres = postgres;
        String prefix = settings.databasePrefix();
        this.services = List.of(
                new Service("indicator-service", "indicator-service", settings.indicatorPort(), managementPort(settings.indicatorPort()), prefix + "indicator",
                        "seeds/indicators", List.of("departments", "plans", "indicators", "tasks", "observations"), "/api/v1/plans?size=1"),
                new Service("project-service", "project-service", settings.projectPort(), managementPort(settings.projectPort()), prefix + "project",
                        "seeds/projects", List.of("categories", "lists", "projects", "investments", "milestones"), "/api/v1/project-lists?size=1"),
                new Service("report-service", "report-service", settings.reportPort(), managementPort(settings.reportPort()), prefix + "report",
                        "seeds/reports", List.of(), null));
    }

    /** The service's port + 1000 (9081 for 8081) where that is free to take, else any free port. */
    private static int managementPort(int port) throws IOException {
        if (port + 1000 <= 65535) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(port + 1000)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The development keys the services trust; {@code ./run token} and the seed loader sign with the users' key. */
    public DevelopmentKeys keys() {
        return keys;
    }

    public List<Service> services() {
        return services;
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The times measured so far, in the services' order. */
    public synchronized Timings timings() {
        Map<String, Duration> ready = new LinkedHashMap<>();
        Map<String, Duration> seeds = new LinkedHashMap<>();
        for (Service service : services) {
            if (startToReady.containsKey(service.name())) {
                ready.put(service.name(), startToReady.get(service.name()));
            }
            if (seedLoad.containsKey(service.name())) {
                seeds.put(service.name(), seedLoad.get(service.name()));
            }
        }
        return new Timings(Collections.unmodifiableMap(ready), Collections.unmodifiableMap(seeds));
    }

    /**
     * Prepares the databases, starts all services at once and, in order, waits for each to be ready and loads its
     * seeds (project-service checks indicator codes against indicator-service, so the order matters).
     * When anything fails the services started so far are stopped before the exception is thrown.
     */
    public Suite start() throws Exception {
        try {
            for (Service service : services) {
                if (postgres.prepareDatabase(service.database(), settings.fresh())) {
                    System.out.println("Created database " + service.database());
                }
                // Each service connects as its own role, with a password made anew at every start (nothing to store).
                String password = newPassword();
                String ownerPassword = newPassword();
                postgres.prepareRoles(service.database(), owner(service), ownerPassword, service.database(), password);
                databasePasswords.put(service.database(), password);
                databasePasswords.put(owner(service), ownerPassword);
            }
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (Service service : services) {
                Process process = launch(service);
                long started = System.nanoTime();
                // Readiness is watched for all services at once so each start-to-ready time is measured on its own.
                ready.add(CompletableFuture.runAsync(() -> awaitReady(service, process, started), runnable -> {
                    Thread t = new Thread(runnable, service.name() + "-ready");
                    t.setDaemon(true);
                    t.start();
                }));
            }
            for (int i = 0; i < services.size(); i++) {
                try {
                    ready.get(i).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                loadSeedsOnFirstStart(services.get(i));
            }
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The heap of each service, in MB; report-service renders whole reports (PDF, XLSX) of large plans in memory. */
    public static final int HEAP_MB = 128;
    public static final int REPORT_HEAP_MB = 192;

    /** The role that owns a service's database and runs its migrations: planmonitor_indicator_owner. */
    private static String owner(Service service) {
        return service.database() + "_owner";
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private Process launch(Service service) throws IOException {
        return launch(service, Map.of(), current -> true).process();
    }

    /**
     * Starts a service's JVM; {@code overrides} replaces or adds environment variables (a replica's own settings).
     * Only if {@code when} accepts the service's current run (null if none), checked under the lock {@link #close()}
     * and other launches take, so that a restart and a supervisor cannot both start it; else returns null.
     */
    private Run launch(Service service, Map<String, String> overrides, java.util.function.Predicate<Run> when) throws IOException {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw install -DskipTests (./run does it for you)");
        }
        int heapMb = service.moduleDir().equals("report-service") ? REPORT_HEAP_MB : HEAP_MB;
        List<String> command = new ArrayList<>(List.of("java",
                // A fixed heap, touched at start: the footprint is known from the first minute and stays put (and the
                // sustained-load test can tell a leak from a heap still growing). The serial collector: on two cores
                // its pauses at this heap size are short, and it has none of G1's remembered sets (48 MB at a 256 MB
                // heap). A smaller cap on the compiled code than the default 240 MB (it uses 22-27 MB). BENCHMARKS.md,
                // "Memory (issue 26)", has what each cost.
                "-XX:+UseSerialGC", "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-XX:+AlwaysPreTouch", "-XX:ReservedCodeCacheSize=48m",
                // A JVM out of heap may stay up answering nothing; exiting lets ./run, compose or Kubernetes see it and restart it.
                "-XX:+ExitOnOutOfMemoryError",
                // The services answer a malformed request line with a Problem themselves (RequestLineCheck).
                "-Dvertx.disableURIValidation=true"));
        // More JVM options for every service (diagnostics, another heap), as JAVA_OPTS gives them to a container.
        String javaOpts = System.getenv("JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // glibc gives every thread that allocates its own malloc arena; with 200 worker threads those arenas, not the
        // heap, are what makes the resident size creep. Two are plenty for a JVM.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        env.put("MANAGEMENT_PORT", String.valueOf(service.managementPort()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
        env.put("QUARKUS_DATASOURCE_PASSWORD", databasePasswords.get(service.database()));
        // Migrations run as the schema's owner; the service itself connects as a role that owns nothing.
        env.put("QUARKUS_FLYWAY_USERNAME", owner(service));
        env.put("QUARKUS_FLYWAY_PASSWORD", databasePasswords.get(owner(service)));
        // Tokens: every service trusts the JWKS of the two development keys, the users' (./run token) and report-service's
        // (its worker's service tokens, of their own issuer and kid); only report-service gets its private key. The
        // "local" profile is prod in all but name; prod itself refuses these keys.
        env.put("QUARKUS_PROFILE", "local");
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.jwksFile().toUri().toString());
        env.put("JWT_ISSUER", DevelopmentKeys.ISSUER);
        env.put("JWT_AUDIENCE", DevelopmentKeys.AUDIENCE);
        env.put("SERVICE_TOKEN_ISSUER", DevelopmentKeys.SERVICE_ISSUER);
        env.put("SERVICE_TOKEN_KEY_ID", keys.serviceKeyId());
        if (service.moduleDir().equals("report-service")) { // report-service and its replicas
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.serviceKeyFile().toUri().toString());
        }
        // A developer can point a webhook subscription at a receiver on their own machine (unless they said otherwise).
        env.putIfAbsent("WEBHOOKS_ALLOW_LOOPBACK", "true");
        for (Service other : services) {
            // Each service finds the others by these URLs (used by report-service's REST clients).
            String key = other.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
            env.put(key, other.baseUrl());
        }
        env.putAll(overrides);
        builder.redirectErrorStream(true);
        if (settings.logDir() != null) {
            Files.createDirectories(settings.logDir());
            // Appended: a restarted service (the fault tests restart them) keeps what its earlier run wrote.
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logDir().resolve(service.name() + ".log").toFile()));
        }
        Run run;
        synchronized (this) {
            // A stop (Ctrl-C) that came first must not be followed by a process nobody will stop.
            if (stopping) {
                throw new IllegalStateException("the suite is stopping");
            }
            if (!when.test(running.get(service.name()))) {
                return null;
            }
            // Processes that ended are of no more use to close(); a service restarted for days must not pile them up.
            processes.removeIf(p -> !p.isAlive());
            Process process = builder.start();
            run = new Run(service, Map.copyOf(overrides), process, System.nanoTime());
            processes.add(process);
            running.put(service.name(), run);
        }
        if (settings.logDir() == null) {
            Thread pump = new Thread(() -> prefixOutput(service.name(), run.process()), service.name() + "-log");
            pump.setDaemon(true);
            pump.start();
        }
        run.process().onExit().thenRun(() -> exited(run));
        return run;
    }

    /**
     * Supervision, off unless asked for: {@code ./run} turns it on once the suite has started; the fault tests kill and
     * restart services themselves and leave it off. On, a service process that exits while the suite is not stopping
     * (a crash, {@code -XX:+ExitOnOutOfMemoryError}, SIGKILL, {@link #kill}) is started again on the same port,
     * database and environment, after a back-off of 1 s doubling to 30 s, reset once it has stayed up 60 s.
     */
    public void supervise(boolean on) {
        supervised = on;
        if (on) {
            // A service that exited while supervision was off (just before it was turned on) is restarted now.
            for (Run run : List.copyOf(running.values())) {
                if (!run.process().isAlive()) {
                    exited(run);
                }
            }
        }
    }

    /**
     * Called when a process has exited; restarts it on a thread of its own when supervision is on. Only the suite's
     * services: the replicas a test starts are that test's to stop and start.
     */
    private void exited(Run run) {
        if (supervised && !stopping && services.contains(run.service())) {
            Thread supervisor = new Thread(() -> restartExited(run), run.service().name() + "-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        }
    }

    /** Starts an exited service again, with back-off, until it is ready or supervision is no longer wanted. */
    private void restartExited(Run exited) {
        String name = exited.service().name();
        synchronized (this) {
            // Only for the process that runs now (a replaced one's exit is old news), and one supervisor per service.
            if (!supervised || stopping || running.get(name) != exited || !restarting.add(name)) {
                return;
            }
        }
        try {
            Run last = exited;
            long upSince = exited.started();
            String why = "exited with status " + exited.process().exitValue();
            while (true) {
                Duration delay;
                int restart;
                synchronized (this) {
                    Backoff backoff = backoffs.computeIfAbsent(name, n -> new Backoff());
                    delay = backoff.delayAfter(Duration.ofNanos(System.nanoTime() - upSince));
                    restart = backoff.restarts;
                }
                System.out.printf("[launcher] %s %s; restarting in %d s (restart %d)%n", name, why, delay.toSeconds(), restart);
                Thread.sleep(delay.toMillis());
                Run replaced = last;
                Run next;
                try {
                    // Not if supervision was turned off meanwhile, or someone (a test's restart) started it already.
                    next = launch(exited.service(), exited.overrides(), current -> supervised && current == replaced);
                } catch (IOException e) {
                    why = "could not be started (" + e.getMessage() + ")";
                    upSince = System.nanoTime();
                    continue;
                }
                if (next == null) {
                    return;
                }
                try {
                    awaitReady(next.service(), next.process(), next.started());
                    System.out.printf("[launcher] %s is ready again%n", name);
                    return;
                } catch (IllegalStateException e) {
                    if (stopping) {
                        return;
                    }
                    if (next.process().isAlive()) {
                        // Not ready in time: killed and started again, as a failing probe makes Kubernetes do.
                        next.process().destroyForcibly().waitFor();
                        why = "was not ready within " + READY_TIMEOUT.toSeconds() + " s and was killed";
                    } else {
                        why = "exited with status " + next.process().exitValue() + " while starting";
                    }
                    last = next;
                    upSince = next.started();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException refused) {
            // launch refuses once close() has begun
        } finally {
            Run now;
            synchronized (this) {
                restarting.remove(name);
                now = running.get(name);
            }
            // A process that died once ready, but before this supervisor let go, found the service taken: handled here.
            if (now != null && !now.process().isAlive()) {
                exited(now);
            }
        }
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

    private void awaitReady(Service service, Process process, long started) {
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !stopping) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with status " + process.exitValue() + " while starting"
                        + (settings.logDir() == null ? "" : "; see " + settings.logDir().resolve(service.name() + ".log")));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    synchronized (this) {
                        startToReady.put(service.name(), Duration.ofNanos(System.nanoTime() - started));
                    }
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
        }
        throw new IllegalStateException(service.name() + (stopping ? " was stopped while starting"
                : " did not become ready within " + READY_TIMEOUT.toSeconds() + " s"));
    }

    /** Seeds go through the same import endpoint users call; they load only into an empty service. */
    private void loadSeedsOnFirstStart(Service service) throws IOException, InterruptedException {
        if (service.seedOrder().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + service.emptyProbe())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 200 && !probe.body().contains("\"total\":0")) {
            return;
        }
        String seedToken = keys.token("seed-loader", "Seed loader (./run)", List.of("admin"), List.of(), Duration.ofMinutes(30));
        for (String entity : service.seedOrder()) {
            Path file = root.resolve(service.seedDir()).resolve(entity + ".csv");
            if (!Files.exists(file)) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(service.baseUrl() + "/api/v1/imports?entity=" + entity))
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .header("Authorization", "Bearer " + seedToken)
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .timeout(Duration.ofSeconds(120))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("loading " + file + " failed with " + response.statusCode() + ": " + response.body());
            }
            System.out.println("Loaded seeds " + root.relativize(file));
        }
        synchronized (this) {
            seedLoad.put(service.name(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The process of a service as it runs now (a restart gives a new one). */
    public Process process(String name) {
        Run run = running.get(name);
        if (run == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return run.process();
    }

    /**
     * Kills a service at once (SIGKILL, as a crash or an OOM killer would): used by the fault tests. With supervision
     * on, it is then restarted like any crashed service.
     */
    public void kill(String name) throws InterruptedException {
        Process process = process(name);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Stops a service as Kubernetes or compose stop a container (SIGTERM) and waits for it to exit; returns its exit
     * status, or -1 if it was still running after {@code patience}.
     */
    public int terminate(String name, Duration patience) throws InterruptedException {
        Process process = process(name);
        process.destroy();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Starts a service again on its port and database, and waits until it is ready (its data is already there). */
    public void restart(String name) throws IOException {
        Service service = service(name);
        Run run = launch(service, Map.of(), current -> current == null || !current.process().isAlive());
        if (run == null) {
            throw new IllegalStateException(name + " is still running");
        }
        awaitReady(service, run.process(), run.started());
    }

    /**
     * Starts one more replica of a started service, on other ports and the same database (the seeds are there), and
     * waits until it is ready: a second pod behind the load balancer. It is named {@code <name>-replica} for
     * {@link #process} and stopped with the suite.
     */
    public Service startReplica(String name, int port, int managementPort) throws IOException {
        return startReplica(name, port, managementPort, Map.of());
    }

    /** {@link #startReplica(String, int, int)} with environment variables of its own (another downstream URL, say). */
    public Service startReplica(String name, int port, int managementPort, Map<String, String> env) throws IOException {
        Service base = service(name);
        Service replica = new Service(name + "-replica", base.moduleDir(), port, managementPort, base.database(), base.seedDir(),
                base.seedOrder(), base.emptyProbe());
        Run run = launch(replica, env, current -> true);
        awaitReady(replica, run.process(), run.started());
        return replica;
    }

    /** Waits until {@link #close()} has stopped the services: {@code ./run} runs until Ctrl-C or SIGTERM. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the services (SIGTERM, then a forced kill after 20 s); safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        List<Process> started;
        synchronized (this) {
            stopping = true;
            started = List.copyOf(processes);
        }
        for (Process process : started) {
            process.destroy();
        }
        for (Process process : started) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closed.countDown();
    }
}
