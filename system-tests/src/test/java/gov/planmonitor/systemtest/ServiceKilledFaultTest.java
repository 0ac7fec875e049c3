package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service a report is built from is killed (SIGKILL) while the report is being generated: the job ends FAILED with a
 * reason that names the service, and once the service is back the same request succeeds within 10 seconds. With
 * supervision on, as under {@code ./run}, a killed service is started again by the suite itself.
 */
class ServiceKilledFaultTest {

    private static final Duration AFTER_RESTART = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0} killed")
    @CsvSource(delimiter = '|', value = {
            "indicator-service|{\"type\":\"PLAN_EVALUATION\",\"plan\":\"FYP12\"}",
            "project-service|{\"type\":\"PROJECT_PROGRESS\",\"list\":\"AP2017-KEY\"}"})
    void theJobFailsWithItsReasonAndTheSameRequestSucceedsAfterTheRestart(String victim, String request) throws Exception {
        FaultSuite faults = FaultSuite.get();
        String reporter = faults.token("reporter");

        // Kill the service while the job is RUNNING. Generation can be quicker than the polling that watches for it, so
        // a job seen SUCCEEDED is followed by another request; after five such misses the service is killed while the
        // job is still QUEUED, which meets the dead service all the same.
        String id = null;
        String seen = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            id = faults.expect(202, "POST", faults.url("report-service", "/api/v1/reports"), reporter, request).path("id").asText();
            seen = attempt == 6 ? "QUEUED" : awaitNot("QUEUED", faults, id, reporter, Duration.ofMillis(3000));
            if (!"SUCCEEDED".equals(seen)) {
                break;
            }
        }
        faults.suite.kill(victim);
        System.out.printf("[fault] %s killed while the job was %s%n", victim, seen);

        String status = awaitFinished(faults, id, reporter, Duration.ofSeconds(60));
        String reason = null;
        if ("SUCCEEDED".equals(status)) {
            // Seen RUNNING, the job had read all it needed before the kill took effect (70 ms is enough for FYP12): the
            // next request meets the dead service, either in the request's parameter check (503, nothing queued) or, when
            // that check is answered from what report-service already knows, in its job.
            System.out.printf("[fault] the job finished before the kill took effect; one more request%n");
            java.net.http.HttpResponse<String> again = faults.send("POST", faults.url("report-service", "/api/v1/reports"), reporter, request);
            if (again.statusCode() == 503) {
                reason = FaultSuite.JSON.readTree(again.body()).path("detail").asText();
            } else {
                assertEquals(202, again.statusCode(), again.body());
                id = FaultSuite.JSON.readTree(again.body()).path("id").asText();
                status = awaitFinished(faults, id, reporter, Duration.ofSeconds(60));
            }
        }
        if (reason == null) {
            JsonNode job = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), reporter, null);
            assertEquals("FAILED", status, job.toString());
            reason = job.path("failureReason").asText();
        }
        // Words a reporter can act on: which service, never its address.
        assertTrue(reason.contains("the " + victim.replace('-', ' ')) && !reason.contains("http") && !reason.contains("localhost"), reason);
        System.out.printf("[fault] failure reason: %s%n", reason);

        long restarting = System.nanoTime();
        faults.suite.restart(victim);
        long back = System.nanoTime();
        String retry = faults.expect(202, "POST", faults.url("report-service", "/api/v1/reports"), reporter, request).path("id").asText();
        assertEquals("SUCCEEDED", awaitFinished(faults, retry, reporter, AFTER_RESTART));
        Duration toSuccess = Duration.ofNanos(System.nanoTime() - back);
        System.out.printf("[fault] %s restarted in %d ms; the same request succeeded %d ms after it was ready%n", victim,
                Duration.ofNanos(back - restarting).toMillis(), toSuccess.toMillis());
        assertTrue(toSuccess.compareTo(AFTER_RESTART) <= 0, "succeeded only after " + toSuccess);
    }

    @Test
    void aSupervisedServiceThatIsKilledIsStartedAgainOnItsOwn() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String victim = "indicator-service";
        // Only for this test: the others kill and restart services themselves.
        faults.suite.supervise(true);
        try {
            long before = faults.suite.process(victim).pid();
            long killed = System.nanoTime();
            faults.suite.kill(victim);
            // The first restart comes after 1 s; the rest is the service's own start.
            long deadline = killed + Duration.ofSeconds(60).toNanos();
            while (!ready(faults, victim)) {
                assertTrue(System.nanoTime() < deadline, victim + " was not started again within 60 s");
                Thread.sleep(200);
            }
            Duration back = Duration.ofNanos(System.nanoTime() - killed);
            Process now = faults.suite.process(victim);
            assertNotEquals(before, now.pid(), "a new process");
            assertTrue(now.isAlive());
            faults.expect(200, "GET", faults.url(victim, "/api/v1/plans?size=1"), null, null);
            System.out.printf("[fault] %s killed (pid %d); supervision started it again (pid %d), ready %d ms later%n", victim, before,
                    now.pid(), back.toMillis());
        } finally {
            faults.suite.supervise(false);
            if (!faults.suite.process(victim).isAlive()) {
                faults.suite.restart(victim);
            }
        }
    }

    private static boolean ready(FaultSuite faults, String service) throws InterruptedException {
        try {
            HttpResponse<String> response = faults.send("GET", faults.readiness(service), null, null);
            return response.statusCode() == 200;
        } catch (IOException down) {
            return false;
        }
    }

    private static String awaitNot(String status, FaultSuite faults, String id, String token, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String now;
        do {
            now = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), token, null).path("status").asText();
            if (!status.equals(now)) {
                return now;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return now;
    }

    static String awaitFinished(FaultSuite faults, String id, String token, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String now = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), token, null).path("status").asText();
            if (now.equals("SUCCEEDED") || now.equals("FAILED")) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(100);
        }
    }
}
