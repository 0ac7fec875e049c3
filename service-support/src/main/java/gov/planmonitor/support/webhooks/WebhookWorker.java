package gov.planmonitor.support.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.changes.ChangeFeed;
import gov.planmonitor.support.jobs.JobRunner;
import gov.planmonitor.support.jobs.LeasedJobs;
import gov.planmonitor.support.webhooks.DeliveryQueue.Claim;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * Claiming, the lease's renewal and the hand-back on SIGTERM are the shared {@link JobRunner}'s, the delivery table's
 * SQL {@link DeliveryQueue}'s. Everything is plain JDBC, outside Hibernate, so the worker's polling never shows in a
 * request's statement count.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int PAGE = 500;

    private final AgroalDataSource database;
    private final DeliveryQueue deliveries;
    private final ChangeFeed feed;
    private final WebhookConfig config;
    private final TargetPolicy targets;
    private final ObjectMapper json;
    private final String service;
    private final WebhookSender http;
    private final Counter delivered;
    private final Counter retrying;
    private final Counter failed;
    private JobRunner<Claim> runner;
    private volatile long lastPrune;

    public WebhookWorker(AgroalDataSource database, ChangeFeed feed, WebhookConfig config, ObjectMapper json, MeterRegistry registry,
                         Vertx vertx, TargetResolver resolver, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.database = database;
        this.deliveries = new DeliveryQueue(database, config);
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

    /**
     * Sends on the shared {@link JobRunner}: as many sends at once as planmonitor.webhooks.concurrency, the lease renewed
     * every third of planmonitor.webhooks.lease while a send lasts, no attempt cap (a delivery gives up by time instead).
     */
    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        Duration grace = config.timeout().plusSeconds(1);
        runner = new JobRunner<>("webhook-send", new Jobs(), new JobRunner.Settings(config.concurrency(), config.lease().dividedBy(3), 0, grace));
        runner.start(config.poll());
    }

    /**
     * SIGTERM: queue and claim nothing more; the sends under way finish (or time out) and record their outcome, and one
     * still unrecorded after that goes back to the queue.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        if (runner != null) {
            runner.stop();
        }
        http.close();
    }

    /** The deliveries as the runner's jobs; each poll first turns the feed's new events into deliveries. */
    private final class Jobs implements LeasedJobs<Claim> {

        @Override
        public void prepare() throws SQLException {
            queue();
            if (System.currentTimeMillis() - lastPrune > 60_000) {
                lastPrune = System.currentTimeMillis();
                deliveries.prune();
            }
        }

        @Override
        public List<Claim> claim(int limit) throws SQLException {
            return deliveries.claim(null, limit);
        }

        @Override
        public boolean renew(Claim claim) throws SQLException {
            return deliveries.renew(claim);
        }

        /**
         * A subscriber that took the event gets the next one at once, not at the next poll: one queue's throughput is
         * set by its round trips, not by the polling interval.
         */
        @Override
        public Optional<Claim> run(Claim claim) {
            try {
                if (attempt(claim) && !runner.stopping()) {
                    return deliveries.claim(claim.subscription(), 1).stream().findFirst();
                }
            } catch (SQLException e) {
                LOG.warnf("webhook worker: %s", e.toString()); // the next poll claims it
            }
            return Optional.empty();
        }

        @Override
        public boolean release(Claim claim) throws SQLException {
            return deliveries.release(claim);
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
        String recorded = deliveries.record(claim, status, error, millis);
        if (error == null) {
            delivered.increment();
        } else if ("FAILED".equals(recorded)) {
            failed.increment();
            LOG.warnf("webhook delivery %d to %s given up after %d attempts: %s", claim.id(), claim.targetUrl(), claim.attempt(), error);
        } else {
            retrying.increment();
        }
    }
}
