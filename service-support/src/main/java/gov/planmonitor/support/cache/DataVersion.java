package gov.planmonitor.support.cache;

import gov.planmonitor.support.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * What a cached answer depends on besides the request: the committed state of the database and today's date.
 *
 * <p>The state is PostgreSQL's current snapshot ({@code xmin:xmax:in-progress}). Every commit of a transaction that
 * wrote anything changes it (its id leaves the in-progress list or moves xmax), and it never returns to an earlier
 * value, so two reads that see the same snapshot see the same data. It covers every table and every writer, this
 * replica, another replica or psql, with no trigger to keep in step with the schema, and costs one statement that
 * touches no table. Its one waste: writes to other databases of the same server change it too.
 */
@ApplicationScoped
public class DataVersion {

    private final DataSource dataSource;
    private final BureauClock clock;

    public DataVersion(DataSource dataSource, BureauClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Version current() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_current_snapshot()::text");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return Version.of(clock.today(), row.getString(1));
        }
    }

    /** A snapshot and the date it was read on; {@link #isAfter} orders two read one after the other. */
    public record Version(LocalDate today, long xmin, long xmax, int inProgress, String snapshot) {

        static Version of(LocalDate today, String snapshot) {
            String[] parts = snapshot.split(":", 3);
            int inProgress = parts[2].isEmpty() ? 0 : parts[2].split(",").length;
            return new Version(today, Long.parseLong(parts[0]), Long.parseLong(parts[1]), inProgress, snapshot);
        }

        /** Later snapshots never have a smaller xmax or xmin, and at equal bounds only lose in-progress ids. */
        public boolean isAfter(Version other) {
            int byDate = today.compareTo(other.today);
            if (byDate != 0) {
                return byDate > 0;
            }
            if (xmax != other.xmax) {
                return xmax > other.xmax;
            }
            if (xmin != other.xmin) {
                return xmin > other.xmin;
            }
            return inProgress < other.inProgress;
        }
    }
}
