package gov.planmonitor.support.cache;

import gov.planmonitor.support.cache.DataVersion.Version;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The answers of {@link CachedRead} reads at the newest data version this replica has seen. A newer version
 * replaces the whole generation at once (the old answers are garbage); an answer computed at an older version,
 * finishing late, is not kept. Bounded in bytes: past the budget, answers are served but not kept.
 */
@ApplicationScoped
public class ReadCache {

    /** A 200 answer as it was sent: the body and the headers that describe it. */
    public record Answer(String etag, String mediaType, Map<String, String> headers, byte[] body) {
    }

    private record Generation(Version version, Map<String, Answer> answers, AtomicLong bytes, Map<String, CompletableFuture<Answer>> computing) {

        Generation(Version version) {
            this(version, new ConcurrentHashMap<>(), new AtomicLong(), new ConcurrentHashMap<>());
        }
    }

    /** A miss: either this request computes the answer ({@link #computing} null) or another one already is. */
    public record Miss(CompletableFuture<Answer> computing, CompletableFuture<Answer> mine) {
    }

    private final AtomicReference<Generation> generation = new AtomicReference<>(new Generation(null));
    private final boolean enabled;
    private final long maxBytes;
    private final long maxAnswerBytes;

    public ReadCache(@ConfigProperty(name = "planmonitor.read-cache.enabled", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "planmonitor.read-cache.max-bytes", defaultValue = "16000000") long maxBytes,
                     @ConfigProperty(name = "planmonitor.read-cache.max-answer-bytes", defaultValue = "1000000") long maxAnswerBytes) {
        this.enabled = enabled;
        this.maxBytes = maxBytes;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public boolean enabled() {
        return enabled;
    }

    public Answer find(String key, Version version) {
        Generation current = generation.get();
        return version.equals(current.version()) ? current.answers().get(key) : null;
    }

    /**
     * On a miss, at most one request per answer computes it at a time; the others wait for its answer instead of
     * running the same read at once (64 simultaneous first reads of a large list would otherwise each build it). Only
     * while {@code version} is the newest seen; otherwise every request computes its own.
     */
    public Miss miss(String key, Version version) {
        Generation current = at(version);
        if (current == null) {
            return new Miss(null, null);
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> other = current.computing().putIfAbsent(key, mine);
        return other == null ? new Miss(null, mine) : new Miss(other, null);
    }

    /** The computing request is done: its answer (null when it has none to share, an error) goes to the waiters. */
    public void computed(String key, Version version, CompletableFuture<Answer> mine, Answer answer) {
        mine.complete(answer);
        Generation current = generation.get();
        if (version.equals(current.version())) {
            current.computing().remove(key, mine);
        }
    }

    /** The generation of this version: the current one, a new one when the version is newer, null when older. */
    private Generation at(Version version) {
        Generation current = generation.get();
        while (!version.equals(current.version())) {
            if (current.version() != null && !version.isAfter(current.version())) {
                return null;
            }
            Generation next = new Generation(version);
            current = generation.compareAndSet(current, next) ? next : generation.get();
        }
        return current;
    }

    public void keep(String key, Version version, Answer answer) {
        int size = answer.body().length + key.length();
        if (size > maxAnswerBytes) {
            return;
        }
        Generation current = at(version);
        if (current == null) {
            return;
        }
        if (current.bytes().addAndGet(size) > maxBytes) {
            current.bytes().addAndGet(-size);
            return;
        }
        Answer replaced = current.answers().put(key, answer);
        if (replaced != null) {
            current.bytes().addAndGet(-(replaced.body().length + key.length()));
        }
    }
}
