package gov.planmonitor.support.jobs;

import gov.planmonitor.support.jobs.MemoryJobs.Claim;
import gov.planmonitor.support.jobs.MemoryJobs.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner against a queue in memory that keeps the tables' lease rules ({@link MemoryJobs}). */
class JobRunnerTest {

    private final List<JobRunner<Claim>> runners = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopRunners() {
        runners.forEach(JobRunner::stop);
    }

    private JobRunner<Claim> runner(MemoryJobs jobs, int concurrency, long heartbeatMillis, int maxAttempts, Duration grace,
                                    JobRunner.Listener<Claim> listener) {
        JobRunner<Claim> runner = new JobRunner<>("test-job", jobs, new JobRunner.Settings(concurrency, Duration.ofMillis(heartbeatMillis),
                maxAttempts, grace), listener);
        runners.add(runner);
        return runner;
    }

    private JobRunner<Claim> runner(MemoryJobs jobs, int concurrency, int maxAttempts, Duration grace) {
        return runner(jobs, concurrency, 1000, maxAttempts, grace, new JobRunner.Listener<>() {
        });
    }

    @Test
    void aPollClaimsAJobForEachFreeThreadAndFinishedThreadsTakeTheRestWithoutAnotherPoll() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            jobs.add("j" + i, claim -> go.await(5, TimeUnit.SECONDS));
        }
        JobRunner<Claim> runner = runner(jobs, 2, 0, Duration.ZERO);

        assertEquals(2, runner.poll(), "two threads, two claims");
        await(() -> jobs.running.get() == 2);
        assertEquals(0, runner.poll(), "no thread free, nothing claimed");
        assertEquals(Status.QUEUED, jobs.status("j2"));

        go.countDown();
        await(() -> List.of("j0", "j1", "j2", "j3", "j4").stream().allMatch(id -> jobs.status(id) == Status.DONE));
        assertEquals(2, jobs.mostRunning.get(), "never more jobs at once than threads");
        for (int i = 0; i < 5; i++) {
            assertEquals(1, jobs.attempts("j" + i), "each job claimed once");
        }
    }

    @Test
    void aJobRunningLongerThanItsLeaseKeepsItByHeartbeat() throws Exception {
        // Lease 400 ms, renewed every 100 ms; the job takes 1.5 s.
        MemoryJobs jobs = new MemoryJobs(400);
        runSleeping(jobs, runner(jobs, 1, 100, 0, Duration.ZERO, new JobRunner.Listener<>() {
        }), "slow", 1500);
        Thread.sleep(800);
        assertEquals(List.of(), jobs.claim(1), "another replica, past the first lease, finds the job still leased");

        await(() -> jobs.status("slow") == Status.DONE);
        assertEquals(1, jobs.attempts("slow"), "generated once");
        int renewed = jobs.renewals.get();
        assertTrue(renewed >= 5, "renewed while it ran: " + renewed);
        Thread.sleep(300);
        assertEquals(renewed, jobs.renewals.get(), "no renewal once it finished");
    }

    @Test
    void aJobAbandonedAsOftenAsTheCapIsFailedInsteadOfClaimedAgain() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        MemoryJobs.Job exhausted = jobs.abandoned("exhausted", 3, claim -> {
        });
        jobs.abandoned("retried", 2, claim -> {
        });
        JobRunner<Claim> runner = runner(jobs, 2, 3, Duration.ZERO);

        runner.poll();
        await(() -> jobs.status("retried") == Status.DONE);
        assertEquals(Status.FAILED, jobs.status("exhausted"));
        assertEquals(3, jobs.attempts("exhausted"), "not claimed a fourth time");
        assertEquals(0, exhausted.runs.get());
        assertEquals(3, jobs.attempts("retried"), "below the cap: claimed again, as its third attempt");
        assertEquals(List.of(3), jobs.exhaustedCalls);
    }

    @Test
    void withoutACapAnAbandonedJobIsAlwaysClaimedAgain() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        jobs.abandoned("again", 7, claim -> {
        });
        runner(jobs, 1, 0, Duration.ZERO).poll();
        await(() -> jobs.status("again") == Status.DONE);
        assertEquals(8, jobs.attempts("again"));
        assertEquals(List.of(), jobs.exhaustedCalls);
    }

    @Test
    void aJobHandedOnByTheOneBeforeRunsOnTheSameThreadWithoutAnotherClaim() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        jobs.handOn = true;
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add("h" + i, claim -> threads.add(Thread.currentThread().getName()));
        }
        List<Claim> claimed = new CopyOnWriteArrayList<>();
        JobRunner<Claim> runner = runner(jobs, 1, 1000, 0, Duration.ZERO, new JobRunner.Listener<>() {
            @Override
            public void claimed(Claim job) {
                claimed.add(job);
            }
        });
        assertEquals(1, runner.poll());
        await(() -> jobs.status("h2") == Status.DONE);
        assertEquals(List.of(new Claim("h0", 1)), claimed, "h1 and h2 came from the job before, not from a claim of the runner");
        assertEquals(3, threads.size());
        assertEquals(1, threads.stream().distinct().count(), "one thread: " + threads);
    }

    @Test
    void aStoppingRunnerGivesItsRunningJobsBackAndClaimsNothingMore() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        jobs.add("held", claim -> {
            started.countDown();
            go.await(5, TimeUnit.SECONDS);
        });
        List<Claim> released = new CopyOnWriteArrayList<>();
        JobRunner<Claim> runner = runner(jobs, 1, 1000, 0, Duration.ZERO, new JobRunner.Listener<>() {
            @Override
            public void released(Claim job) {
                released.add(job);
            }
        });
        runner.poll();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        runner.stop();
        assertEquals(Status.QUEUED, jobs.status("held"), "back in the queue at once, not after its lease");
        assertEquals(List.of(new Claim("held", 1)), released);
        jobs.add("later", claim -> {
        });
        assertEquals(0, runner.poll(), "a stopping runner claims nothing");
        assertEquals(Status.QUEUED, jobs.status("later"));

        // The stopped attempt finishes late: the job is no longer its own, so it records nothing.
        go.countDown();
        await(() -> jobs.running.get() == 0);
        Thread.sleep(50);
        assertEquals(Status.QUEUED, jobs.status("held"));
        assertEquals(List.of(new Claim("held", 2)), jobs.claim(1), "another replica takes it, as the next attempt");
    }

    @Test
    void aStoppingRunnerLetsAJobFinishWithinTheGrace() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        JobRunner<Claim> runner = runner(jobs, 1, 0, Duration.ofSeconds(5));
        runSleeping(jobs, runner, "short", 200);
        runner.stop();
        assertEquals(Status.DONE, jobs.status("short"));
    }

    @Test
    void aFailingJobIsReportedAndTheRunnerGoesOn() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        IllegalStateException boom = new IllegalStateException("boom");
        jobs.add("fails", claim -> {
            throw boom;
        });
        jobs.add("next", claim -> {
        });
        List<Exception> errors = new CopyOnWriteArrayList<>();
        List<Claim> finished = new CopyOnWriteArrayList<>();
        JobRunner<Claim> runner = runner(jobs, 1, 1000, 0, Duration.ZERO, new JobRunner.Listener<>() {
            @Override
            public void finished(Claim job, Duration took, Exception error) {
                finished.add(job);
                if (error != null) {
                    errors.add(error);
                }
            }
        });
        runner.poll();
        await(() -> jobs.status("next") == Status.DONE);
        assertEquals(List.of(new Claim("fails", 1), new Claim("next", 1)), finished);
        assertEquals(1, errors.size());
        assertSame(boom, errors.get(0));

        jobs.add("after", claim -> {
        });
        assertEquals(1, runner.poll(), "the runner still claims");
        await(() -> jobs.status("after") == Status.DONE);
    }

    @Test
    void aQueueThatCannotBeReadMakesThePollClaimNothingUntilItCanAgain() throws Exception {
        MemoryJobs jobs = new MemoryJobs(10_000);
        boolean[] down = {true};
        LeasedJobs<Claim> flaky = new LeasedJobs<>() {
            @Override
            public List<Claim> claim(int limit) throws Exception {
                if (down[0]) {
                    throw new SQLException("connection refused");
                }
                return jobs.claim(limit);
            }

            @Override
            public boolean renew(Claim job) {
                return jobs.renew(job);
            }

            @Override
            public Optional<Claim> run(Claim job) throws Exception {
                return jobs.run(job);
            }

            @Override
            public boolean release(Claim job) {
                return jobs.release(job);
            }
        };
        jobs.add("waits", claim -> {
        });
        JobRunner<Claim> runner = new JobRunner<>("test-job", flaky, new JobRunner.Settings(1, Duration.ofSeconds(1), 0, Duration.ZERO));
        runners.add(runner);
        assertEquals(0, runner.poll());
        down[0] = false;
        assertEquals(1, runner.poll(), "the thread the failed claim reserved is free again");
        await(() -> jobs.status("waits") == Status.DONE);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        for (Executable bad : List.<Executable>of(
                () -> new JobRunner.Settings(0, Duration.ofSeconds(1), 0, Duration.ZERO),
                () -> new JobRunner.Settings(1, Duration.ZERO, 0, Duration.ZERO),
                () -> new JobRunner.Settings(1, Duration.ofSeconds(1), -1, Duration.ZERO),
                () -> new JobRunner.Settings(1, Duration.ofSeconds(1), 0, Duration.ofSeconds(-1)))) {
            assertThrows(IllegalArgumentException.class, bad);
        }
    }

    /** Adds a job that sleeps, has the runner poll, and returns once the job runs. */
    private static void runSleeping(MemoryJobs jobs, JobRunner<Claim> runner, String id, long millis) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        jobs.add(id, claim -> {
            started.countDown();
            Thread.sleep(millis);
        });
        runner.poll();
        assertTrue(started.await(5, TimeUnit.SECONDS), id + " started");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
