package gov.planmonitor.support.jobs;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through a queue of leased jobs kept in PostgreSQL ({@link LeasedJobs}), the same way for every kind of job, so
 * any number of replicas may run it:
 * <ul>
 * <li><b>Claim</b>: each poll fails the jobs that used up their attempts, then claims as many due jobs as there are
 * free threads; a thread that finishes claims again at once instead of waiting for the next poll.</li>
 * <li><b>Run</b>: each job on a bounded pool of daemon threads; a job that throws is logged and the others go on.</li>
 * <li><b>Heartbeat</b>: while a job runs its lease is renewed, so a long job is not taken over by another replica.</li>
 * <li><b>Stop</b> (SIGTERM): claim nothing more, wait up to the grace for the running jobs, and give those still running
 * back to the queue, so another replica takes them at once instead of after their lease lapses.</li>
 * </ul>
 *
 * @param <J> a claimed job (a record: which job and which attempt)
 */
public final class JobRunner<J> {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /**
     * How a runner works its queue.
     *
     * @param concurrency jobs this replica runs at once (its threads)
     * @param heartbeat   how often a running job's lease is renewed: a third of the lease, so one failed renewal does not lose it
     * @param maxAttempts attempts after which an abandoned job is failed instead of claimed again; 0 for no cap
     * @param grace       how long {@link #stop()} waits for running jobs before giving them back to the queue
     */
    public record Settings(int concurrency, Duration heartbeat, int maxAttempts, Duration grace) {
        public Settings {
            if (concurrency < 1 || heartbeat.isNegative() || heartbeat.isZero() || maxAttempts < 0 || grace.isNegative()) {
                throw new IllegalArgumentException("job runner settings out of range: " + concurrency + ", " + heartbeat + ", "
                        + maxAttempts + ", " + grace);
            }
        }
    }

    /** Hooks for metrics (and tests), called on the runner's threads; they must not throw. */
    public interface Listener<J> {
        default void claimed(J job) {
        }

        /** A job ran to its end: {@code error} is null unless it threw. */
        default void finished(J job, Duration took, Exception error) {
        }

        default void released(J job) {
        }
    }

    private final String name;
    private final LeasedJobs<J> jobs;
    private final Settings settings;
    private final Listener<J> listener;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeats;
    private ScheduledExecutorService poller;
    /** The jobs running now: what a stopping runner gives back. */
    private final Set<J> running = ConcurrentHashMap.newKeySet();
    /** Threads taken, by a running job or by a claim under way. */
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    public JobRunner(String name, LeasedJobs<J> jobs, Settings settings) {
        this(name, jobs, settings, new Listener<>() {
        });
    }

    public JobRunner(String name, LeasedJobs<J> jobs, Settings settings, Listener<J> listener) {
        this.name = name;
        this.jobs = jobs;
        this.settings = settings;
        this.listener = listener;
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), daemon(name + "-run"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon(name + "-heartbeat"));
    }

    /** Polls every {@code every} on a thread of its own, for a worker that has no scheduler polling it. */
    public synchronized void start(Duration every) {
        if (poller == null && !stopping) {
            poller = Executors.newSingleThreadScheduledExecutor(daemon(name + "-poll"));
            poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** One poll: fail the exhausted jobs, the queue's housekeeping, then claim and start jobs for the free threads; how many. */
    public int poll() {
        if (stopping) {
            return 0;
        }
        try {
            if (settings.maxAttempts() > 0) {
                int failed = jobs.failExhausted(settings.maxAttempts());
                if (failed > 0) {
                    LOG.warnf("%s: %d job(s) abandoned %d times were failed", name, failed, settings.maxAttempts());
                }
            }
            jobs.prepare();
            return fill();
        } catch (Exception e) {
            // The database may be down for a while: the next poll tries again, and nothing is lost (the queue is in it).
            LOG.warnf("%s: %s", name, e.toString());
            return 0;
        }
    }

    /** Claims jobs for the free threads and starts them. */
    private int fill() throws Exception {
        int free = reserve();
        if (free == 0) {
            return 0;
        }
        List<J> claimed;
        try {
            claimed = jobs.claim(free);
        } catch (Exception e) {
            busy.addAndGet(-free);
            throw e;
        }
        busy.addAndGet(claimed.size() - free);
        for (J job : claimed) {
            listener.claimed(job);
            try {
                workers.execute(() -> {
                    try {
                        run(job);
                    } finally {
                        busy.decrementAndGet();
                    }
                    refill();
                });
            } catch (RejectedExecutionException e) {
                busy.decrementAndGet(); // claimed as the runner stopped
                release(job);
            }
        }
        return claimed.size();
    }

    /** Takes every free thread at once, so two claims under way never take more jobs than there are threads. */
    private int reserve() {
        while (true) {
            int taken = busy.get();
            int free = settings.concurrency() - taken;
            if (free <= 0 || stopping) {
                return 0;
            }
            if (busy.compareAndSet(taken, settings.concurrency())) {
                return free;
            }
        }
    }

    /** A thread that finished takes the next due job at once: the queue's throughput is not set by the polling interval. */
    private void refill() {
        if (!stopping) {
            try {
                fill();
            } catch (Exception e) {
                LOG.warnf("%s: %s", name, e.toString());
            }
        }
    }

    /**
     * Runs a claimed job on the calling thread, and the jobs it hands on, each with its lease renewed while it runs and
     * given back if the runner stops meanwhile. Public for a worker's own callers (tests playing a late attempt).
     */
    public void run(J job) {
        Optional<J> next = Optional.of(job);
        while (next.isPresent()) {
            next = runOne(next.get());
        }
    }

    private Optional<J> runOne(J job) {
        running.add(job);
        ScheduledFuture<?> beat = null;
        long started = System.nanoTime();
        try {
            if (stopping) {
                release(job); // claimed as the runner began to stop
                return Optional.empty();
            }
            long every = settings.heartbeat().toMillis();
            beat = heartbeats.scheduleAtFixedRate(() -> renew(job), every, every, TimeUnit.MILLISECONDS);
            Optional<J> next = jobs.run(job);
            listener.finished(job, Duration.ofNanos(System.nanoTime() - started), null);
            return next;
        } catch (Exception e) {
            LOG.errorf(e, "%s: %s failed", name, jobs.describe(job));
            listener.finished(job, Duration.ofNanos(System.nanoTime() - started), e);
            return Optional.empty();
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            running.remove(job);
        }
    }

    private void renew(J job) {
        try {
            if (!jobs.renew(job)) {
                LOG.debugf("%s: %s is no longer this attempt's", name, jobs.describe(job));
            }
        } catch (Exception e) {
            LOG.warnf("%s: the lease of %s could not be renewed: %s", name, jobs.describe(job), e.toString());
        }
    }

    /**
     * SIGTERM: claim nothing more, let the running jobs finish within the grace, and give the others back to the queue.
     * Their threads are not interrupted: what they record later is dropped, the job being no longer their attempt's.
     */
    public void stop() {
        stopping = true;
        synchronized (this) {
            if (poller != null) {
                poller.shutdownNow();
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(settings.grace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.forEach(this::release);
        heartbeats.shutdown();
    }

    private void release(J job) {
        try {
            if (jobs.release(job)) {
                LOG.infof("%s: %s returned to the queue, this replica is stopping", name, jobs.describe(job));
                listener.released(job);
            }
        } catch (Exception e) {
            LOG.warnf("%s: %s could not be returned to the queue (%s); another replica takes it once its lease lapses", name,
                    jobs.describe(job), e.toString());
        }
    }

    /** Daemon threads: a runner never keeps the JVM alive. */
    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
