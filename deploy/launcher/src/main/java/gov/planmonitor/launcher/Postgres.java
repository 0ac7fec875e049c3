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
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
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
        return new Postgres("localhost", started.getPort(), "postgres", "", started);
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
        return embedded != null;
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
