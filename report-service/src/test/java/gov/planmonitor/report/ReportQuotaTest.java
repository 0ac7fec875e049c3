package gov.planmonitor.report;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One reporter cannot fill the job queue: past planmonitor.limits.report-jobs-per-requester unfinished jobs a request
 * is refused with 429 until some finish, while other reporters still may request; and the worker takes jobs fairly
 * across requesters, so one reporter's many jobs do not keep another's single job waiting behind them all. The worker
 * is paused while the jobs are queued, so what is queued is known before it takes any.
 */
@QuarkusTest
class ReportQuotaTest {

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "planmonitor.limits.report-jobs-per-requester")
    int limit;

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aReporterWithTheirQuotaOfJobsUnfinishedIsToldToWaitWhileOthersMayStillRequest() throws Exception {
        String first = reporter("first");
        String other = reporter("other");
        List<String> queued = new ArrayList<>();
        String worker = pauseWorker();
        try {
            // More requests than the quota at once: the count and the insert are serialised per requester, so exactly
            // the quota is queued, however the requests interleave.
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < limit + 4; i++) {
                    Callable<ExtractableResponse<Response>> request = () -> post(first).extract();
                    answers.add(pool.submit(request));
                }
                int refused = 0;
                for (Future<ExtractableResponse<Response>> answer : answers) {
                    ExtractableResponse<Response> response = answer.get();
                    if (response.statusCode() == 202) {
                        queued.add(response.path("id"));
                    } else {
                        assertEquals(429, response.statusCode(), response.asString());
                        refused++;
                    }
                }
                assertEquals(limit, queued.size(), "jobs queued for one reporter");
                assertEquals(4, refused);
            } finally {
                pool.shutdownNow();
            }

            post(first).statusCode(429).contentType("application/problem+json").header("Retry-After", "30")
                    .body("status", equalTo(429))
                    .body("detail", containsString("you have " + limit + " report jobs waiting or being generated"))
                    .body("detail", containsString("wait for them to finish"));
            // Another reporter is not held back by the first one's jobs.
            queued.add(post(other).statusCode(202).extract().path("id"));
        } finally {
            scheduler.resume(worker);
        }
        for (String id : queued) {
            assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        }
        // Once the jobs are done the first reporter may request again.
        assertEquals("SUCCEEDED", Reports.awaitFinished(post(first).statusCode(202).extract().path("id")));
    }

    @Test
    void aReportersSingleJobIsTakenBeforeTheLaterJobsOfAnotherWhoQueuedMany() throws Exception {
        String many = reporter("many");
        String single = reporter("single");
        List<String> manyJobs = new ArrayList<>();
        String singleJob;
        String worker = pauseWorker();
        try {
            for (int i = 0; i < 4; i++) {
                manyJobs.add(post(many).statusCode(202).extract().path("id"));
            }
            singleJob = post(single).statusCode(202).extract().path("id");
        } finally {
            scheduler.resume(worker);
        }
        for (String id : manyJobs) {
            assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        }
        assertEquals("SUCCEEDED", Reports.awaitFinished(singleJob));
        // The first reporter's first job, queued earliest, may come first; the single job comes before all the others.
        OffsetDateTime singleStarted = time(singleJob, "startedAt");
        OffsetDateTime singleFinished = time(singleJob, "finishedAt");
        for (String id : manyJobs.subList(1, manyJobs.size())) {
            assertTrue(singleStarted.isBefore(time(id, "startedAt")), "the single job started before job " + id);
            assertTrue(singleFinished.isBefore(time(id, "finishedAt")), "the single job finished before job " + id);
        }
    }

    /** A reporter's token with a subject of its own for this run. */
    private static String reporter(String name) {
        return Tokens.of("u-quota-" + name + "-" + UUID.randomUUID(), "报告员 " + name, List.of("reporter"), List.of());
    }

    private static io.restassured.response.ValidatableResponse post(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(Reports.ANNUAL_2017)
                .when().post("/api/v1/reports").then();
    }

    private static OffsetDateTime time(String id, String field) {
        return OffsetDateTime.parse(given().when().get("/api/v1/reports/" + id).then().statusCode(200).extract().<String>path(field));
    }

    /**
     * Pauses the report worker's schedule and waits out a poll that may have begun just before (it ends as soon as it
     * finds the queue empty). Returns the job's id, to resume it.
     */
    private String pauseWorker() throws InterruptedException {
        String id = scheduler.getScheduledJobs().stream().filter(t -> t.getMethodDescription().contains("ReportWorker#poll"))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled report worker")).getId();
        scheduler.pause(id);
        Thread.sleep(500);
        return id;
    }
}
