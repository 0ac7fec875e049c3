package gov.planmonitor.support.rest;

import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client request rates, so that no one caller can take a replica's whole capacity: each API request takes a token
 * from its client's bucket (the token's subject when signed in, else the client's address), refilled at the configured
 * rate per minute with that many in reserve for a burst. An empty bucket answers 429 with a Problem and Retry-After.
 * Anonymous callers also have a smaller bucket of uncached computations ({@link #chargeComputation}), which the read
 * cache charges when it has to compute an answer for them. report-service's own service token is not limited.
 *
 * <p>Limits are per replica: behind N replicas a client may make up to N times as many. Buckets of idle clients are
 * forgotten each minute, and past {@link #MAX_CLIENTS} clients the newcomers share one bucket, so a flood of
 * addresses cannot grow the table without bound.
 */
@Singleton
public class RateLimits {

    static final int MAX_CLIENTS = 100_000;
    private static final String OVERFLOW = "overflow";

    private final boolean enabled;
    private final Rate anonymous;
    private final Rate authenticated;
    private final Rate computations;
    private final Map<String, Bucket> requests = new ConcurrentHashMap<>();
    private final Map<String, Bucket> computed = new ConcurrentHashMap<>();
    private final Caller caller;
    private final CurrentVertxRequest request;
    private final java.util.concurrent.atomic.AtomicLong lastSweep = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    public RateLimits(Caller caller, CurrentVertxRequest request,
                      @ConfigProperty(name = "planmonitor.limits.rate.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "planmonitor.limits.rate.anonymous-per-minute", defaultValue = "600") int anonymousPerMinute,
                      @ConfigProperty(name = "planmonitor.limits.rate.authenticated-per-minute", defaultValue = "3000") int authenticatedPerMinute,
                      @ConfigProperty(name = "planmonitor.limits.rate.anonymous-computations-per-minute", defaultValue = "120") int computationsPerMinute) {
        this.caller = caller;
        this.request = request;
        this.enabled = enabled;
        this.anonymous = new Rate(anonymousPerMinute, "requests a minute");
        this.authenticated = new Rate(authenticatedPerMinute, "requests a minute");
        this.computations = new Rate(computationsPerMinute, "answers not yet computed a minute");
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!enabled || !request.getUriInfo().getPath().startsWith("/api/") || caller.has(Roles.SERVICE)) {
            return;
        }
        forgetIdle();
        boolean signedIn = !caller.anonymous();
        String client = signedIn ? "token " + caller.subject() : address(http);
        take(requests, client, signedIn ? authenticated : anonymous, signedIn ? "the token of " + caller.subject() : client + " without a token");
    }

    /**
     * For the read cache: an anonymous caller is about to make this replica compute an answer it does not hold (a new
     * query string, a request that refuses the cached answer). Signed-in callers are limited by their request rate alone.
     */
    public void chargeComputation() {
        if (!enabled || !caller.anonymous()) {
            return;
        }
        String client = address(request.getCurrent() == null ? null : request.getCurrent().request());
        take(computed, client, computations, client + " without a token");
    }

    private static String address(HttpServerRequest http) {
        // With a trusted proxy in front (quarkus.http.proxy.trusted-proxies) this is the client's, from X-Forwarded-For.
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static void take(Map<String, Bucket> buckets, String client, Rate rate, String who) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = buckets.size() >= MAX_CLIENTS ? buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(rate))
                    : buckets.computeIfAbsent(client, k -> new Bucket(rate));
        }
        long waitNanos = bucket.take(rate, System.nanoTime());
        if (waitNanos > 0) {
            int seconds = (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ServiceException.TooManyRequests("more than " + rate.perMinute() + " " + rate.what() + " from " + who
                    + "; try again in " + seconds + " s", seconds);
        }
    }

    /**
     * Forgets, at most once a minute, the buckets that have filled up again: their clients are idle, and a new bucket
     * starts full anyway. Done by the request that finds the minute over, so no thread of its own is needed.
     */
    private void forgetIdle() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last < 60_000_000_000L || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        requests.values().removeIf(b -> b.full(now));
        computed.values().removeIf(b -> b.full(now));
    }

    record Rate(int perMinute, String what) {
        double perNano() {
            return perMinute / 60e9;
        }
    }

    /** A token bucket: up to a minute's worth of tokens, refilled continuously. */
    static final class Bucket {
        private final double capacity;
        private double tokens;
        private long updated;

        Bucket(Rate rate) {
            this.capacity = Math.max(1, rate.perMinute());
            this.tokens = capacity;
            this.updated = System.nanoTime();
        }

        /** Takes one token; 0 when there was one, else how long until there will be. */
        synchronized long take(Rate rate, long now) {
            refill(rate, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate.perNano());
        }

        synchronized boolean full(long now) {
            return tokens + (now - updated) * capacity / 60e9 >= capacity;
        }

        private void refill(Rate rate, long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * rate.perNano());
            updated = now;
        }
    }
}
