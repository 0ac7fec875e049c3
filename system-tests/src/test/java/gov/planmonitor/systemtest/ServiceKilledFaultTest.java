package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service a report is built from is killed (SIGKILL) while the report is being generated: the job ends FAILED with a
 * reason that names the service, and once the service is back the same request succeeds within 10 seconds.
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
        JsonNode job = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), reporter, null);
        assertEquals("FAILED", status, job.toString());
        String reason = job.path("failureReason").asText();
        assertTrue(reason.contains(victim + " did not answer"), reason);
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
