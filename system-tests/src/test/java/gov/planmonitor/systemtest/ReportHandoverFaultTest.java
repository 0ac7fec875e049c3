package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.launcher.Suite;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling update or a scale-down sends SIGTERM to a report-service replica while it generates a report: the replica
 * hands the job back to the queue as it stops, and the other replica generates it at once, not after the five minutes
 * it takes a crashed worker's heartbeat to go stale.
 */
class ReportHandoverFaultTest {

    @Test
    void aJobRunningOnAReplicaThatGetsSigtermIsFinishedByTheOther() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String reporter = faults.token("reporter");
        // The stopping replica reads the evaluation through a proxy that holds it for a minute, so the job is still
        // running when SIGTERM comes; its timeouts are lengthened to match.
        try (SlowProxy proxy = new SlowProxy(faults.url("indicator-service", ""), "/evaluation", Duration.ofSeconds(60))) {
            // Only the replica may claim the job: the other one starts once the replica holds it.
            faults.suite.kill("report-service");
            Suite.Service stopping = faults.suite.startReplica("report-service", RunningSuite.freePort(), RunningSuite.freePort(), Map.of(
                    "INDICATOR_SERVICE_URL", proxy.url(),
                    "QUARKUS_REST_CLIENT_READ_TIMEOUT", "90000",
                    "GOV_PLANMONITOR_REPORT_CLIENT_DOWNSTREAM_TIMEOUT_VALUE", "90000"));
            try {
                String id = faults.expect(202, "POST", stopping.baseUrl() + "/api/v1/reports", reporter,
                        Map.of("type", "PLAN_EVALUATION", "plan", "FYP12")).path("id").asText();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (proxy.held.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(proxy.held.get() > 0, "the replica's job is reading the evaluation");
                faults.suite.restart("report-service");
                JsonNode running = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), reporter, null);
                assertEquals("RUNNING", running.path("status").asText(), "the other replica leaves a job whose worker is alive");
                assertEquals(1, running.path("attempts").asInt());

                long sigterm = System.nanoTime();
                int exit = faults.suite.terminate("report-service-replica", Duration.ofSeconds(45));
                assertNotEquals(-1, exit, "the replica stops on SIGTERM although its job waits on a slow read");
                assertEquals("SUCCEEDED", ServiceKilledFaultTest.awaitFinished(faults, id, reporter, Duration.ofSeconds(30)));
                JsonNode done = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), reporter, null);
                assertEquals(2, done.path("attempts").asInt(), "taken over once, by the other replica");
                System.out.printf("[fault] report job handed over on SIGTERM: the replica exited (%d) and the job SUCCEEDED on the other %d ms after the signal%n",
                        exit, Duration.ofNanos(System.nanoTime() - sigterm).toMillis());
            } finally {
                if (!faults.suite.process("report-service").isAlive()) {
                    faults.suite.restart("report-service");
                }
            }
        } finally {
            if (!isRunning(faults, "report-service")) {
                faults.suite.restart("report-service");
            }
        }
    }

    private static boolean isRunning(FaultSuite faults, String name) {
        try {
            return faults.suite.process(name).isAlive();
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
