package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.launcher.Suite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (a rolling update, a scale-down) reaches a replica while it answers a request: the request is finished and
 * answered, what it wrote is committed, and only then does the replica exit. The request is held in flight by a
 * proxy that answers the replica's check of the year's plans 3 s late.
 */
class InFlightRequestFaultTest {

    @Test
    void aRequestInFlightWhenTheReplicaGetsSigtermIsAnsweredAndCommitted() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String reporter = faults.token("reporter");
        try (SlowProxy proxy = new SlowProxy(faults.url("indicator-service", ""),
                "/api/v1/plans", Duration.ofSeconds(3))) {
            Suite.Service replica = faults.suite.startReplica("report-service", RunningSuite.freePort(), RunningSuite.freePort(),
                    Map.of("INDICATOR_SERVICE_URL", proxy.url()));
            HttpRequest requesting = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/v1/reports"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + reporter)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}")).build();
            long[] answeredAt = new long[1];
            CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(requesting, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> answeredAt[0] = System.nanoTime());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.held.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(proxy.held.get() > 0 && !answer.isDone(), "the request is in flight, waiting on its check");
            long sigterm = System.nanoTime();
            Process process = faults.suite.process("report-service-replica");
            process.destroy();

            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertEquals(202, response.statusCode(), response.body());
            assertTrue(answeredAt[0] > sigterm, "answered after the signal");
            assertTrue(process.waitFor(45, TimeUnit.SECONDS), "the replica exits once it has answered");
            assertFalse(process.isAlive());
            // Committed: the other replica has the queued report, and generates it.
            String id = FaultSuite.JSON.readTree(response.body()).path("id").asText();
            JsonNode queued = faults.expect(200, "GET", faults.url("report-service", "/api/v1/reports/" + id), reporter, null);
            assertEquals("ANNUAL_EXECUTION", queued.path("type").asText());
            assertEquals("SUCCEEDED", ServiceKilledFaultTest.awaitFinished(faults, id, reporter, Duration.ofSeconds(30)));
            System.out.printf("[fault] a request in flight at SIGTERM was answered %d ms after the signal; the replica then exited (%d)%n",
                    Duration.ofNanos(answeredAt[0] - sigterm).toMillis(), process.exitValue());
        }
    }
}
