package gov.planmonitor.support.webhooks;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Webhook delivery settings (planmonitor.webhooks.*; defaults and environment variables in service-support's config). */
@ConfigMapping(prefix = "planmonitor.webhooks")
public interface WebhookConfig {

    /** Whether this replica sends deliveries; the subscriptions API works either way. */
    boolean enabled();

    /** Target URLs on loopback addresses (127.0.0.0/8, ::1) are accepted: for a developer's own machine (./run). */
    boolean allowLoopback();

    /** Target URLs on private, link-local and other internal ranges are accepted: for a closed government network. */
    boolean allowPrivate();

    /** How often the worker looks for new events and due deliveries. */
    Duration poll();

    /** Deliveries sent at once by this replica: one slow subscriber holds one of them, never the others. */
    int concurrency();

    /** How long a subscriber has to answer one delivery. */
    Duration timeout();

    /** How long a claimed delivery stays this replica's: after it, another replica may send it again. */
    Duration lease();

    Retry retry();

    /** How long delivered and failed deliveries stay in the delivery log. */
    Duration keepLog();

    interface Retry {

        /** The wait before the first retry; each next one waits twice as long, up to {@link #maxInterval()}. */
        Duration first();

        Duration maxInterval();

        /** A delivery still failing this long after it was queued is FAILED, and the subscription's next one goes. */
        Duration giveUpAfter();
    }
}
