package gov.planmonitor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    /** The test roles' password (a test server is trusted or local; the roles exist only there). */
    private static final String ROLE_PASSWORD = "planmonitor-test";

    /**
     * Starts (once per JVM) the server and (re)creates the named database; returns Quarkus datasource settings. As in
     * production, two roles: {@code <name>_owner} owns the database and runs the migrations, {@code <name>_app} is
     * the service's login role, which owns nothing (the migrations grant it what it needs).
     */
    public static synchronized Map<String, String> freshDatabase(String name) {
        ensureServer();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            for (String role : List.of(owner(name), app(name))) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE \"" + role
                        + "\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + ROLE_PASSWORD + "'; END IF; END $$");
            }
            s.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + owner(name) + "\" ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + host + ":" + port, e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(name), user, password);
             Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO \"" + owner(name) + "\"");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO \"" + app(name) + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(name),
                "quarkus.datasource.username", app(name),
                "quarkus.datasource.password", ROLE_PASSWORD,
                "quarkus.flyway.username", owner(name),
                "quarkus.flyway.password", ROLE_PASSWORD);
    }

    /** A connection to a test database as its owner (the role that ran the migrations: it may alter anything). */
    public static Connection ownerConnection(String database) throws SQLException {
        ensureServer();
        return DriverManager.getConnection(jdbcUrl(database), owner(database), ROLE_PASSWORD);
    }

    /** A connection to a test database as the service's own login role. */
    public static Connection appConnection(String database) throws SQLException {
        ensureServer();
        return DriverManager.getConnection(jdbcUrl(database), app(database), ROLE_PASSWORD);
    }

    private static String owner(String database) {
        return database + "_owner";
    }

    private static String app(String database) {
        return database + "_app";
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
