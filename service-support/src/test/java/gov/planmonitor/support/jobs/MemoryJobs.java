package gov.planmonitor.support.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job queue in memory with the rules the services' tables follow: a claim is an attempt holding the job under a
 * lease, a lapsed lease lets another claim take it, and only the attempt holding a job records its outcome.
 */
final class MemoryJobs implements LeasedJobs<MemoryJobs.Claim> {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    record Claim(String id, int attempt) {
    }

    /** What running a job does (it may block or throw). */
    interface Work {
        void run(Claim claim) throws Exception;
    }

    static final class Job {
        final String id;
        final Work work;
        Status status = Status.QUEUED;
        int attempts;
        long leasedUntil;
        final AtomicInteger runs = new AtomicInteger();

        Job(String id, Work work) {
            this.id = id;
            this.work = work;
        }
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final long leaseMillis;
    final AtomicInteger renewals = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    final List<Integer> exhaustedCalls = new ArrayList<>();
    /** Whether a finished job hands the next due one to its thread itself, as an ordered queue does. */
    volatile boolean handOn;

    MemoryJobs(long leaseMillis) {
        this.leaseMillis = leaseMillis;
    }

    synchronized Job add(String id, Work work) {
        Job job = new Job(id, work);
        jobs.put(id, job);
        return job;
    }

    /** A job left RUNNING by a replica that died: its lease has lapsed. */
    synchronized Job abandoned(String id, int attempts, Work work) {
        Job job = add(id, work);
        job.status = Status.RUNNING;
        job.attempts = attempts;
        job.leasedUntil = System.currentTimeMillis() - 1;
        return job;
    }

    synchronized Status status(String id) {
        return jobs.get(id).status;
    }

    synchronized int attempts(String id) {
        return jobs.get(id).attempts;
    }

    private boolean lapsed(Job job) {
        return job.status == Status.RUNNING && job.leasedUntil < System.currentTimeMillis();
    }

    private Optional<Job> held(Claim claim) {
        Job job = jobs.get(claim.id());
        return job.status == Status.RUNNING && job.attempts == claim.attempt() ? Optional.of(job) : Optional.empty();
    }

    @Override
    public synchronized int failExhausted(int maxAttempts) {
        exhaustedCalls.add(maxAttempts);
        int failed = 0;
        for (Job job : jobs.values()) {
            if (lapsed(job) && job.attempts >= maxAttempts) {
                job.status = Status.FAILED;
                failed++;
            }
        }
        return failed;
    }

    @Override
    public synchronized List<Claim> claim(int limit) {
        List<Claim> claims = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (claims.size() < limit && (job.status == Status.QUEUED || lapsed(job))) {
                job.status = Status.RUNNING;
                job.attempts++;
                job.leasedUntil = System.currentTimeMillis() + leaseMillis;
                claims.add(new Claim(job.id, job.attempts));
            }
        }
        return claims;
    }

    @Override
    public synchronized boolean renew(Claim claim) {
        return held(claim).map(job -> {
            job.leasedUntil = System.currentTimeMillis() + leaseMillis;
            renewals.incrementAndGet();
            return true;
        }).orElse(false);
    }

    @Override
    public Optional<Claim> run(Claim claim) throws Exception {
        Job job;
        synchronized (this) {
            job = jobs.get(claim.id());
        }
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            job.runs.incrementAndGet();
            job.work.run(claim);
        } finally {
            running.decrementAndGet();
        }
        synchronized (this) {
            held(claim).ifPresent(held -> held.status = Status.DONE);
            return handOn ? claim(1).stream().findFirst() : Optional.empty();
        }
    }

    @Override
    public synchronized boolean release(Claim claim) {
        return held(claim).map(job -> {
            job.status = Status.QUEUED;
            return true;
        }).orElse(false);
    }
}
