package gov.planmonitor.support.webhooks;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The deliveries as a queue of leased jobs, in plain JDBC: claiming the heads of the subscriptions' queues, renewing
 * and giving back a lease, recording an attempt's outcome (only while the claim is still that attempt's), pruning the
 * log. A claim is one attempt: it adds one to {@code attempts} and leases the row until {@code leased_until}.
 */
final class DeliveryQueue {

    /** A delivery claimed for one attempt. */
    record Claim(long id, UUID subscription, int attempt, String eventId, String payload, String targetUrl, String secret) {

        /** Without the secret, for log lines. */
        @Override
        public String toString() {
            return "webhook delivery " + id + " (attempt " + attempt + ")";
        }
    }

    /**
     * Claims due heads of queues for one attempt each: where no other replica holds the head's lease and its retry is
     * due. {@code heads} picks the candidates; the lease is checked again on the locked row, so two replicas never
     * claim the same one.
     */
    private static final String CLAIM = """
            UPDATE webhook_delivery d SET leased_until = now() + CAST(? AS interval), attempts = d.attempts + 1, last_attempt_at = now()
            FROM webhook_subscription s
            WHERE s.id = d.subscription_id
              AND d.id IN (SELECT head.id FROM (%s) head
                           WHERE head.next_attempt_at <= now() AND (head.leased_until IS NULL OR head.leased_until < now())
                           LIMIT ?)
              AND d.status = 'PENDING' AND (d.leased_until IS NULL OR d.leased_until < now())
            RETURNING d.id, d.subscription_id, d.attempts, d.event_id, d.payload, s.target_url, s.secret""";
    private static final String EVERY_HEAD = """
            SELECT DISTINCT ON (subscription_id) id, next_attempt_at, leased_until
            FROM webhook_delivery WHERE status = 'PENDING' ORDER BY subscription_id, id""";
    private static final String ONE_HEAD = """
            SELECT id, next_attempt_at, leased_until FROM webhook_delivery
            WHERE subscription_id = ? AND status = 'PENDING' ORDER BY id LIMIT 1""";
    /** The claim still this attempt's: not recorded (the lease is cleared then), not claimed again. */
    private static final String HELD = "id = ? AND attempts = ? AND status = 'PENDING' AND leased_until IS NOT NULL";

    private final AgroalDataSource database;
    private final WebhookConfig config;

    DeliveryQueue(AgroalDataSource database, WebhookConfig config) {
        this.database = database;
        this.config = config;
    }

    /** Claims up to {@code limit} due heads: of every queue, or of one subscription's. */
    List<Claim> claim(UUID subscription, int limit) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM.formatted(subscription == null ? EVERY_HEAD : ONE_HEAD))) {
            connection.setAutoCommit(true);
            int p = 1;
            claim.setString(p++, interval(config.lease()));
            if (subscription != null) {
                claim.setObject(p++, subscription);
            }
            claim.setInt(p, limit);
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claims.add(new Claim(row.getLong(1), row.getObject(2, UUID.class), row.getInt(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7)));
                }
            }
        }
        return claims;
    }

    /** Extends the lease while the claim is this attempt's (a send outliving a third of the lease). */
    boolean renew(Claim claim) throws SQLException {
        return update("UPDATE webhook_delivery SET leased_until = now() + CAST(? AS interval) WHERE " + HELD, interval(config.lease()), claim);
    }

    /** Gives the lease back (the replica is stopping): another replica may send the delivery at once; the attempt counts. */
    boolean release(Claim claim) throws SQLException {
        return update("UPDATE webhook_delivery SET leased_until = NULL WHERE " + HELD, null, claim);
    }

    private boolean update(String sql, String lease, Claim claim) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            int p = 1;
            if (lease != null) {
                update.setString(p++, lease);
            }
            update.setLong(p++, claim.id());
            update.setInt(p, claim.attempt());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records an attempt's outcome if the claim is still this attempt's: DELIVERED, or tried again after the backoff
     * (PENDING), or FAILED once it has been failing for give-up-after. Returns the status it recorded, or null when the
     * delivery was no longer this attempt's.
     */
    String record(Claim claim, Integer status, String error, int millis) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            if (error == null) {
                try (PreparedStatement done = connection.prepareStatement("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', leased_until = NULL, last_status = ?, last_error = NULL,
                               last_duration_ms = ?, finished_at = now()
                        WHERE id = ? AND attempts = ? AND status = 'PENDING'""")) {
                    done.setInt(1, status);
                    done.setInt(2, millis);
                    done.setLong(3, claim.id());
                    done.setInt(4, claim.attempt());
                    return done.executeUpdate() == 1 ? "DELIVERED" : null;
                }
            }
            String giveUp = interval(config.retry().giveUpAfter());
            try (PreparedStatement retry = connection.prepareStatement("""
                    UPDATE webhook_delivery SET leased_until = NULL, last_status = ?, last_error = ?, last_duration_ms = ?,
                           status = CASE WHEN now() >= created_at + CAST(? AS interval) THEN 'FAILED' ELSE 'PENDING' END,
                           finished_at = CASE WHEN now() >= created_at + CAST(? AS interval) THEN now() END,
                           next_attempt_at = now() + LEAST(CAST(? AS interval) * power(2, LEAST(attempts - 1, 30)), CAST(? AS interval))
                    WHERE id = ? AND attempts = ? AND status = 'PENDING'
                    RETURNING status""")) {
                if (status == null) {
                    retry.setNull(1, Types.INTEGER);
                } else {
                    retry.setInt(1, status);
                }
                retry.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
                retry.setInt(3, millis);
                retry.setString(4, giveUp);
                retry.setString(5, giveUp);
                retry.setString(6, interval(config.retry().first()));
                retry.setString(7, interval(config.retry().maxInterval()));
                retry.setLong(8, claim.id());
                retry.setInt(9, claim.attempt());
                try (ResultSet row = retry.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        }
    }

    /** Delivered and failed deliveries leave the log after planmonitor.webhooks.keep-log. */
    void prune() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND finished_at < now() - CAST(? AS interval)")) {
            connection.setAutoCommit(true);
            delete.setString(1, interval(config.keepLog()));
            delete.executeUpdate();
        }
    }

    /** A duration as PostgreSQL reads an interval (seconds: milliseconds overflow its field above 24 days). */
    static String interval(Duration duration) {
        return String.format(Locale.ROOT, "%.3f seconds", duration.toMillis() / 1000.0);
    }
}
