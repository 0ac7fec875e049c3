package gov.planmonitor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL server for tests: the one the standard libpq variables ({@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD}) point at, or else an embedded one started for this JVM.
 * Either way each test run gets a freshly created database, so no run depends on what an earlier one left.
 */
public final class PostgresDatabase {

    private static EmbeddedPostgres embedded;
    private static String host;
    private static int port;
    private static String user;
    private static String password;

    private PostgresDatabase() {
    }

    /** Starts (once per JVM) the server and (re)creates the named database; returns Quarkus datasource settings. */
    public static synchronized Map<String, String> freshDatabase(String name) {
        ensureServer();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\" ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + host + ":" + port, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(name),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static void ensureServer() {
        if (host != null) {
            return;
        }
        String pgHost = System.getenv("PGHOST");
        if (pgHost != null && !pgHost.isBlank()) {
            // A socket directory cannot be used by JDBC; the same server listens on loopback.
            host = pgHost.startsWith("/") ? "127.0.0.1" : pgHost;
            port = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
            user = System.getenv().getOrDefault("PGUSER", "postgres");
            password = System.getenv().getOrDefault("PGPASSWORD", "");
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        host = "localhost";
        port = embedded.getPort();
        user = "postgres";
        password = "";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is temporary anyway
            }
        }));
    }
}
