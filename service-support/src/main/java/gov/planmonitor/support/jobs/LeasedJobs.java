package gov.planmonitor.support.jobs;

import java.util.List;
import java.util.Optional;

/**
 * The domain side of a queue of leased jobs, which a {@link JobRunner} works through: what claiming a job means, doing
 * it, renewing and giving back its lease. A claim is one attempt: it holds the job under a lease that lapses unless
 * renewed, so a job whose replica died is claimed again (at least once). Everything that records an outcome must do it
 * only while the attempt still holds the job, so an attempt that lost its lease never overwrites the next one's.
 *
 * @param <J> a claimed job: which one and which attempt (a record, compared by value)
 */
public interface LeasedJobs<J> {

    /**
     * Fails the jobs whose lease lapsed after {@code maxAttempts} attempts instead of letting them be claimed again (a
     * job that kills every worker taking it is not retried for ever); how many. Only called when the runner has a cap.
     */
    default int failExhausted(int maxAttempts) throws Exception {
        return 0;
    }

    /** Housekeeping before each poll's claims, such as turning new events into jobs. */
    default void prepare() throws Exception {
    }

    /** Claims up to {@code limit} due jobs (FOR UPDATE SKIP LOCKED, so replicas never claim the same one), each a new attempt. */
    List<J> claim(int limit) throws Exception;

    /** Renews the lease while this attempt holds the job; false when it no longer does. */
    boolean renew(J job) throws Exception;

    /**
     * Does the job and records its outcome, only if this attempt still holds it. Returns a job to do next on the same
     * thread, already claimed (the next of an ordered queue that should not wait for the next poll), or empty.
     */
    Optional<J> run(J job) throws Exception;

    /** Gives the job back to the queue while this attempt holds it (the runner is stopping); the attempt still counts. */
    boolean release(J job) throws Exception;

    /** The job as log lines name it (never a secret it carries). */
    default String describe(J job) {
        return job.toString();
    }
}
