package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import gov.planmonitor.report.repository.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generation that takes longer than report.worker.stale-after keeps its job: the worker renews the heartbeat while
 * it works, so no replica takes the job over and it is generated once (attempts stays 1).
 */
@QuarkusTest
@TestProfile(HeartbeatTest.ShortStaleAfter.class)
class HeartbeatTest {

    public static class ShortStaleAfter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("report.worker.stale-after", "PT0.6S");
        }
    }

    @Inject
    ReportRepository reports;

    @Test
    void aSlowGenerationKeepsItsJob() throws InterruptedException {
        DownstreamMock.healthy();
        // The evaluation answers after 0.8 s, longer than the 0.6 s after which a silent job counts as abandoned.
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation"))
                .willReturn(DownstreamMock.json(200, DownstreamMock.resource("ap2017-evaluation.json")).withFixedDelay(800)));
        String id = Reports.request(Reports.ANNUAL_2017);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"RUNNING".equals(given().when().get("/api/v1/reports/" + id).then().extract().path("status"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        // Another replica looks for abandoned jobs once this one has run longer than stale-after.
        Thread.sleep(700);
        Optional<UUID> takenOver = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return reports.claimNext(now, now.minus(Duration.ofMillis(600))).map(ReportRepository.Claim::id);
        });
        assertTrue(takenOver.map(other -> !other.toString().equals(id)).orElse(true), "the running job was taken over");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("attempts", equalTo(1));
        DownstreamMock.healthy();
    }
}
