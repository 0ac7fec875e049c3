package gov.planmonitor.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./run}: the whole suite on one machine. PostgreSQL (embedded, data in {@code .data/}, unless the libpq
 * variables name a server), then the {@link Suite}, supervised: a service that exits is started again. Ctrl-C or
 * SIGTERM stops the services, then PostgreSQL.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("planmonitor.root", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(printToken(root, List.of(args).subList(1, args.length)));
        }
        boolean fresh = List.of(args).contains("--fresh");
        Suite.Settings settings = new Suite.Settings(env("INDICATOR_PORT", 8081), env("PROJECT_PORT", 8082), env("REPORT_PORT", 8083),
                "planmonitor_", fresh, null);

        Postgres postgres = startPostgres(root, fresh);
        Suite suite = new Suite(root, settings, postgres);
        // Before the services start, so Ctrl-C at any moment stops those already running. (An embedded PostgreSQL
        // also stops through zonky's own hook, which the JVM may run alongside this one.)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            postgres.close();
        }, "suite-shutdown"));
        suite.start();
        // From here on, as compose's restart policy or a Kubernetes pod would: a service that crashes or exits on an
        // OutOfMemoryError is started again instead of the suite running on without it. (Not during start(): a service
        // that cannot start at all is better reported than retried.)
        suite.supervise(true);

        System.out.println();
        System.out.println("The plan monitoring suite is running (Ctrl-C stops it):");
        for (Suite.Service service : suite.services()) {
            System.out.printf("  %-18s API %s/api/v1   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi   health, metrics %s/q/health, /q/metrics%n",
                    service.name(), service.baseUrl(), service.baseUrl(), service.baseUrl(), service.managementUrl());
        }
        System.out.printf("  PostgreSQL         %s:%d (superuser %s; each service connects as planmonitor_<service>, which owns nothing;"
                + " planmonitor_<service>_owner runs its migrations)%n",
                postgres.host(), postgres.port(), postgres.user());
        System.out.println("Reads need no token. To write, get one and paste it into Swagger UI's Authorize button:");
        System.out.println("  ./run token planner | admin | reporter | department DRC");
        System.out.println("A service that exits is started again, after 1 s, doubling to 30 s while it keeps failing.");
        suite.awaitClose();
    }

    /**
     * {@code ./run token ROLE [DEPARTMENT...]}: prints a bearer token signed with the development key (valid 8 hours)
     * and nothing else on standard output, so {@code TOKEN=$(./run token planner)} works.
     */
    private static int printToken(Path root, List<String> args) throws IOException {
        if (args.isEmpty()) {
            System.err.println("usage: ./run token ROLE [DEPARTMENT...]   ROLE is one of " + DevelopmentKeys.ROLES
                    + "; a department token names its department codes, e.g. ./run token department DRC");
            return 2;
        }
        try {
            DevelopmentKeys keys = DevelopmentKeys.in(root.resolve(".data/keys"));
            System.out.println(keys.token(args.get(0), args.subList(1, args.size()), java.time.Duration.ofHours(8)));
            System.err.println("A development token for '" + args.get(0) + "', valid 8 hours; send it as Authorization: Bearer <token>.");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static Postgres startPostgres(Path root, boolean fresh) throws IOException {
        var named = Postgres.fromEnvironment();
        if (named.isPresent()) {
            System.out.printf("Using the PostgreSQL server at %s:%d named by PGHOST.%n", named.get().host(), named.get().port());
            return named.get();
        }
        Path dataDir = root.resolve(".data/postgres");
        if (fresh && Files.exists(dataDir)) {
            deleteTree(dataDir);
        }
        Files.createDirectories(dataDir.getParent());
        int port = env("PLANMONITOR_PG_PORT", 54329);
        System.out.printf("Starting embedded PostgreSQL on port %d (data in %s)...%n", port, dataDir);
        return Postgres.embedded(dataDir, port);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
