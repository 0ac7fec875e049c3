package gov.planmonitor.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server the suite's databases live on: the one the libpq variables ({@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD}) name, or an embedded one started by this JVM. Closing stops an embedded
 * server and leaves a named one alone.
 */
public final class Postgres implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;
    private final Path dataDir;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this(host, port, user, password, embedded, null);
    }

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded, Path dataDir) {
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server {@code PGHOST} names, if it names one. */
    public static Optional<Postgres> fromEnvironment() {
        String pgHost = System.getenv("PGHOST");
        if (pgHost == null || pgHost.isBlank()) {
            return Optional.empty();
        }
        String port = System.getenv("PGPORT");
        // A socket directory cannot be used by JDBC; the same server listens on loopback.
        return Optional.of(new Postgres(pgHost.startsWith("/") ? "127.0.0.1" : pgHost,
                port == null || port.isBlank() ? 5432 : Integer.parseInt(port.trim()),
                System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""), null));
    }

    /**
     * Starts an embedded server. With a data directory the data is kept there between runs; without one it lives
     * in a temporary directory removed on close. Port 0 takes any free port.
     */
    public static Postgres embedded(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (port != 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres started = builder.start();
        return new Postgres("localhost", started.getPort(), "postgres", "", started, dataDir);
    }

    /**
     * Stops an embedded server that keeps its data directory, as an outage would; {@link #startAgain()} brings it back
     * on the same port with the same data. Used by the fault tests.
     */
    public synchronized void stop() throws IOException {
        if (embedded == null || dataDir == null) {
            throw new IllegalStateException("only an embedded server with a data directory can be stopped and started");
        }
        embedded.close();
        embedded = null;
    }

    public synchronized void startAgain() throws IOException {
        if (embedded != null || dataDir == null) {
            throw new IllegalStateException("the server is running, or is not one this JVM started");
        }
        embedded = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setPort(port).start();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null || dataDir != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists; {@code fresh} drops it first. Returns whether it was created. */
    public boolean prepareDatabase(String database, boolean fresh) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return false;
                }
            }
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            return true;
        }
    }

    /**
     * Two login roles per service database, neither a superuser: {@code owner} owns the database, its schema and
     * everything in it and runs the migrations; {@code app} is the role the service connects as, which owns nothing
     * (the migrations grant it what it needs: read and write the data, only read and append the audit trail), so it
     * cannot alter or drop a table or disable a trigger. Passwords are replaced on every call. A database made by an
     * earlier version of ./run, whose tables the service's role (or the superuser) owns, is handed over to the owner.
     * Role and database names are the suite's own (letters, digits, underscores), never user input.
     */
    public void prepareRoles(String database, String owner, String ownerPassword, String app, String appPassword) throws SQLException {
        for (String name : List.of(database, owner, app)) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("unsafe role or database name: " + name);
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            for (String[] role : List.of(new String[]{owner, ownerPassword}, new String[]{app, appPassword})) {
                boolean exists;
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role[0] + "'")) {
                    exists = rs.next();
                }
                s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + role[0] + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                        + role[1].replace("'", "''") + "'");
            }
            s.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user, password);
             Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            // Nobody but the owner creates objects (PostgreSQL before 15 lets every role create in public).
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + app);
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                        FOR r IN SELECT format('ALTER TABLE %I.%I OWNER TO %I', schemaname, tablename, '""" + owner + """
                    ') AS sql FROM pg_tables WHERE schemaname = 'public' LOOP EXECUTE r.sql; END LOOP;
                        FOR r IN SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', schemaname, sequencename, '""" + owner + """
                    ') AS sql FROM pg_sequences WHERE schemaname = 'public' LOOP EXECUTE r.sql; END LOOP;
                        FOR r IN SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, '""" + owner + """
                    ') AS sql FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP EXECUTE r.sql; END LOOP;
                    END
                    $$""");
        }
    }

    @Override
    public synchronized void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL: " + e.getMessage());
        }
    }
}
