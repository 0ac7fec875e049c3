package gov.planmonitor.report;

import gov.planmonitor.report.repository.Report;
import gov.planmonitor.report.repository.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The job queue as several replicas see it. The set-up writes rows directly to play a crashed worker and competing
 * replicas; what happens to the jobs is read through the API.
 */
@QuarkusTest
class WorkerTest {

    @Inject
    ReportRepository reports;

    @Inject
    gov.planmonitor.report.service.ReportWorker worker;

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aJobLeftRunningByACrashedWorkerIsTakenAgainAndFinished() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Report r = job(Report.Status.RUNNING);
            r.attempts = 1;
            r.startedAt = r.createdAt;
            r.heartbeatAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
            reports.persist(r);
            return r.id;
        });
        assertEquals("SUCCEEDED", Reports.awaitFinished(id.toString()));
        given().when().get("/api/v1/reports/" + id).then().body("attempts", equalTo(2));
    }

    @Test
    void competingWorkersNeverClaimTheSameJob() throws Exception {
        // Jobs dated far in the past come first in the queue, ahead of anything the scheduled worker is doing.
        int jobs = 12;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < jobs; i++) {
                Report r = job(Report.Status.QUEUED);
                r.createdAt = OffsetDateTime.parse("2000-01-01T00:00:00Z").plusSeconds(i);
                reports.persist(r);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<UUID>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Callable<List<UUID>> worker = () -> {
                    List<UUID> mine = new ArrayList<>();
                    for (int i = 0; i < jobs; i++) {
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> reports.claimNext(now, now.minus(1, ChronoUnit.HOURS))
                                .map(ReportRepository.Claim::id));
                        claimed.ifPresent(mine::add);
                    }
                    return mine;
                };
                workers.add(pool.submit(worker));
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> f : workers) {
                all.addAll(f.get());
            }
            Set<UUID> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size(), "a job was claimed twice: " + all);
        } finally {
            pool.shutdownNow();
        }
        long stillQueued = QuarkusTransaction.requiringNew().call(() -> reports.count("status = ?1 and createdAt < ?2",
                Report.Status.QUEUED, OffsetDateTime.parse("2001-01-01T00:00:00Z")));
        assertEquals(0, stillQueued, "every queued job was claimed by one of the workers");
    }

    private static Report job(Report.Status status) {
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.type = Report.Type.ANNUAL_EXECUTION;
        r.parameters = "{\"plan\":\"AP2017\",\"year\":2017}";
        r.status = status;
        r.asOf = OffsetDateTime.parse("2018-02-08T00:00:00Z");
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        r.createdBy = "test";
        r.requester = "test";
        return r;
    }

    /** A job that crashed every worker that took it is not taken a fourth time: it ends FAILED, saying so. */
    @Test
    void aJobAbandonedTooOftenEndsFailedInsteadOfBeingRetriedForEver() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Report r = job(Report.Status.RUNNING);
            r.attempts = 3;
            r.startedAt = r.createdAt;
            r.heartbeatAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
            reports.persist(r);
            return r.id;
        });
        assertEquals("FAILED", Reports.awaitFinished(id.toString()));
        given().when().get("/api/v1/reports/" + id).then().body("attempts", equalTo(3))
                .body("failureReason", org.hamcrest.Matchers.containsString("abandoned by 3 workers"));
    }

    /**
     * A worker whose claim another replica took over (its heartbeat went stale) finishes late: its result is dropped,
     * and the job stays with the attempt that holds it.
     */
    @Test
    void aWorkerWhoseJobWasTakenOverDoesNotOverwriteIt() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Report r = job(Report.Status.RUNNING);
            r.attempts = 2;
            r.startedAt = r.createdAt;
            r.heartbeatAt = OffsetDateTime.now(ZoneOffset.UTC);
            reports.persist(r);
            return r.id;
        });
        worker.generate(id, 1);
        given().when().get("/api/v1/reports/" + id).then().body("status", equalTo("RUNNING")).body("contentHash", org.hamcrest.Matchers.nullValue());
        worker.generate(id, 2);
        given().when().get("/api/v1/reports/" + id).then().body("status", equalTo("SUCCEEDED"));
    }
}
