package gov.planmonitor.support.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.changes.ChangeFeed;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the service's events to its webhook subscriptions; any number of replicas may run it, all through PostgreSQL.
 * <ol>
 * <li><b>Queue</b>: for each subscription (locked FOR UPDATE SKIP LOCKED, so one replica at a time), the change feed's
 * new events of its types become deliveries, and its cursor moves, in one transaction: an event is queued once, and
 * none is skipped.</li>
 * <li><b>Send</b>: only the head of each subscription's queue (its oldest PENDING delivery) can be claimed, with a
 * lease: deliveries to one subscription go one at a time, in commit order, and a subscriber that is down or slow
 * holds only its own queue and one sending thread. A replica that dies mid-send loses its lease, and the delivery is
 * sent again (at least once: receivers deduplicate by webhook-id).</li>
 * <li><b>Retry</b>: a failed attempt (no 2xx answer in time; redirects are not followed) is tried again after 10 s,
 * then twice as long each time, up to an hour apart; a delivery still failing 24 h after it was queued is FAILED and
 * the next one goes.</li>
 * </ol>
 * Each attempt checks the target again ({@link TargetPolicy}: the host is resolved once, every address it resolves to
 * must be allowed) and connects to the address it checked ({@link WebhookSender}), so a name cannot rebind to an
 * internal address between the check and the send.
 * Everything is plain JDBC, outside Hibernate, so the worker's polling never shows in a request's statement count.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int PAGE = 500;

    private final AgroalDataSource database;
    private final ChangeFeed feed;
    private final WebhookConfig config;
    private final TargetPolicy targets;
    private final ObjectMapper json;
    private final String service;
    private final WebhookSender http;
    private final Counter delivered;
    private final Counter retrying;
    private final Counter failed;
    private final AtomicInteger sending = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private volatile boolean stopping;
    private volatile long lastPrune;

    public WebhookWorker(AgroalDataSource database, ChangeFeed feed, WebhookConfig config, ObjectMapper json, MeterRegistry registry,
                         Vertx vertx, TargetResolver resolver, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.database = database;
        this.feed = feed;
        this.config = config;
        this.targets = new TargetPolicy(config.allowLoopback(), config.allowPrivate(), resolver);
        this.json = json;
        this.service = service;
        this.http = new WebhookSender(vertx, config.timeout(), config.concurrency());
        this.delivered = attempts(registry, "delivered");
        this.retrying = attempts(registry, "retrying");
        this.failed = attempts(registry, "failed");
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("planmonitor.webhook.attempts").tag("outcome", outcome)
                .description("Webhook delivery attempts: delivered (2xx), retrying (failed, tried again later), failed (given up)").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poll"));
        senders = Executors.newFixedThreadPool(config.concurrency(), daemon("webhook-send"));
        ticker.scheduleWithFixedDelay(this::tick, config.poll().toMillis(), config.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM: queue and claim nothing more; the sends under way finish (or time out) and record their outcome. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (ticker != null) {
            ticker.shutdownNow();
            senders.shutdown();
            try {
                senders.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void tick() {
        try {
            queue();
            send();
            if (System.currentTimeMillis() - lastPrune > 60_000) {
                lastPrune = System.currentTimeMillis();
                prune();
            }
        } catch (Exception e) {
            // The database may be down for a while: the next tick tries again, nothing is lost (the feed and queue are in it).
            LOG.warnf("webhook worker: %s", e.toString());
        }
    }

    private record Queue(UUID subscription, Set<String> types, ChangeFeed.Cursor cursor) {
    }

    /** Step 1: the feed's new events become each subscription's deliveries, and its cursor moves, in one transaction. */
    void queue() throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Queue> queues = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, event_types, CAST(cursor_tx AS text), cursor_id FROM webhook_subscription ORDER BY created_at FOR UPDATE SKIP LOCKED");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String types = row.getString(2);
                        queues.add(new Queue(row.getObject(1, UUID.class), types.isEmpty() ? Set.of() : Set.of(types.split(",")),
                                new ChangeFeed.Cursor(Long.parseLong(row.getString(3)), row.getLong(4))));
                    }
                }
                for (Queue queue : queues) {
                    queue(connection, queue);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void queue(Connection connection, Queue queue) throws SQLException {
        ChangeFeed.Cursor cursor = queue.cursor();
        List<ChangeFeed.Positioned> events;
        do {
            events = feed.page(connection, cursor, PAGE, List.of());
            if (events.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, status, created_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, 'PENDING', now(), now())""")) {
                for (ChangeFeed.Positioned event : events) {
                    if (queue.types().isEmpty() || queue.types().contains(event.event().type())) {
                        insert.setObject(1, queue.subscription());
                        insert.setString(2, event.event().id());
                        insert.setString(3, event.event().type());
                        insert.setString(4, body(event));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            cursor = events.get(events.size() - 1).position();
            try (PreparedStatement move = connection.prepareStatement(
                    "UPDATE webhook_subscription SET cursor_tx = CAST(? AS xid8), cursor_id = ? WHERE id = ?")) {
                move.setString(1, Long.toString(cursor.tx()));
                move.setLong(2, cursor.id());
                move.setObject(3, queue.subscription());
                move.executeUpdate();
            }
        } while (events.size() == PAGE);
    }

    private String body(ChangeFeed.Positioned event) {
        try {
            return json.writeValueAsString(event.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    /** A delivery claimed for one attempt. */
    record Claim(long id, UUID subscription, int attempt, String eventId, String payload, String targetUrl, String secret) {
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

    /** Step 2: claim the due heads of the queues, as many as there are free sending threads, and send each. */
    void send() throws SQLException {
        int free = config.concurrency() - sending.get();
        if (free <= 0 || stopping) {
            return;
        }
        for (Claim claim : claim(null, free)) {
            sending.incrementAndGet();
            senders.execute(() -> {
                try {
                    // A subscriber that took the event gets the next one at once, not at the next poll: one queue's
                    // throughput is set by its round trips, not by the polling interval.
                    Claim next = claim;
                    while (attempt(next) && !stopping) {
                        List<Claim> more = claim(next.subscription(), 1);
                        if (more.isEmpty()) {
                            break;
                        }
                        next = more.get(0);
                    }
                } catch (SQLException e) {
                    LOG.warnf("webhook worker: %s", e.toString());
                } finally {
                    sending.decrementAndGet();
                }
            });
        }
    }

    /** Claims up to {@code limit} due heads: of every queue, or of one subscription's. */
    private List<Claim> claim(UUID subscription, int limit) throws SQLException {
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

    /**
     * One attempt: POST the event, signed, and record the outcome (only if the claim is still this attempt's); true when
     * it was delivered.
     */
    boolean attempt(Claim claim) {
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            // Resolved once for this attempt: the send goes to the address checked here, not to a second lookup's.
            TargetPolicy.Check target = targets.check(claim.targetUrl());
            if (target.refused().isPresent()) {
                error = "not sent: " + target.refusal();
            } else {
                byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
                String id = service + "-" + claim.eventId();
                long timestamp = Instant.now().getEpochSecond();
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/cloudevents+json; charset=utf-8");
                headers.put("User-Agent", "planmonitor-webhooks/1 (" + service + ")");
                headers.put(Signature.ID, id);
                headers.put(Signature.TIMESTAMP, Long.toString(timestamp));
                headers.put(Signature.SIGNATURE, Signature.sign(claim.secret(), id, timestamp, body));
                status = http.post(target.target(), headers, body);
                error = status >= 200 && status < 300 ? null : "answered " + status;
            }
        } catch (WebhookSender.Timeout e) {
            error = "no answer within " + config.timeout().toSeconds() + " s";
        } catch (IOException e) {
            error = "could not send: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted: the replica stopped";
        } catch (RuntimeException e) {
            error = "could not send: " + e;
        }
        int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            record(claim, status, error, millis);
            return error == null;
        } catch (SQLException e) {
            // The lease runs out and another attempt sends it again: at least once.
            LOG.warnf("webhook delivery %d: its outcome could not be recorded (%s); it will be sent again", claim.id(), e.toString());
            return false;
        }
    }

    private void record(Claim claim, Integer status, String error, int millis) throws SQLException {
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
                    done.executeUpdate();
                }
                delivered.increment();
                return;
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
                    retry.setNull(1, java.sql.Types.INTEGER);
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
                    if (row.next() && "FAILED".equals(row.getString(1))) {
                        failed.increment();
                        LOG.warnf("webhook delivery %d to %s given up after %d attempts: %s", claim.id(), claim.targetUrl(), claim.attempt(), error);
                    } else {
                        retrying.increment();
                    }
                }
            }
        }
    }

    /** A duration as PostgreSQL reads an interval (seconds: milliseconds overflow its field above 24 days). */
    private static String interval(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3f seconds", duration.toMillis() / 1000.0);
    }

    /** Delivered and failed deliveries leave the log after planmonitor.webhooks.keep-log. */
    private void prune() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND finished_at < now() - CAST(? AS interval)")) {
            connection.setAutoCommit(true);
            delete.setString(1, interval(config.keepLog()));
            delete.executeUpdate();
        }
    }
}
