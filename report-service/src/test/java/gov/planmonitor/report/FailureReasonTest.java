package gov.planmonitor.report;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
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
import java.util.UUID;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed report's reason is for its reader: what could not be read and what to do, with the request id an operator
 * finds in the logs, and nothing internal (host, URL, port, exception). Jobs are queued directly, so the failure meets
 * the worker and not the request-time checks.
 */
@QuarkusTest
class FailureReasonTest {

    private static final Pattern PORT = Pattern.compile(":\\d{2,5}\\b");

    @Inject
    ReportRepository reports;

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void refusedCredentialsSayWhoToTell() {
        evaluationAnswers(401);
        String reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2017\",\"year\":2017}");
        assertTrue(reason.startsWith("The report could not be built: the indicator service refused the report service's credentials"
                + " when asked for plan AP2017. Tell the administrator, quoting request id report-job-"), reason);
    }

    @Test
    void aServerErrorSaysToTryAgain() {
        evaluationAnswers(500);
        String reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2017\",\"year\":2017}");
        assertTrue(reason.contains("the indicator service failed with an error of its own when asked for plan AP2017."), reason);
        assertTrue(reason.contains("Request the report again later; if it keeps failing, tell the administrator"), reason);
    }

    @Test
    void aSlowServiceDidNotAnswerInTime() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation"))
                .willReturn(DownstreamMock.json(200, DownstreamMock.resource("ap2017-evaluation.json")).withFixedDelay(3000)));
        String reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2017\",\"year\":2017}");
        assertTrue(reason.contains("the indicator service did not answer in time when asked for plan AP2017."), reason);
    }

    @Test
    void aBrokenConnectionIsNoAnswer() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/project-lists/FYP13-KEY/summary"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String reason = failedJobReason("PROJECT_PROGRESS", "{\"list\":\"FYP13-KEY\",\"year\":2017}");
        assertTrue(reason.contains("the project service did not answer when asked for project list FYP13-KEY."), reason);
    }

    @Test
    void aServiceThatIsDownCouldNotBeReached() {
        int port = DownstreamMock.server.port();
        DownstreamMock.server.stop();
        try {
            String reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2017\",\"year\":2017}");
            assertTrue(reason.contains("the indicator service could not be reached when asked for plan AP2017."), reason);
        } finally {
            WireMockServer again = new WireMockServer(wireMockConfig().port(port));
            again.start();
            DownstreamMock.server = again;
            DownstreamMock.healthy();
        }
    }

    @Test
    void aServiceFailingRepeatedlyIsLeftAloneAndTheReasonSaysSo() {
        evaluationAnswers(503);
        String reason = "";
        for (int job = 0; job < 6 && !reason.contains("failed repeatedly"); job++) {
            reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2017\",\"year\":2017}");
            assertTrue(reason.contains("failed repeatedly") || reason.contains("the indicator service was unavailable when asked for plan AP2017."), reason);
        }
        assertTrue(reason.startsWith("The report could not be built: the indicator service has failed repeatedly just now"), reason);
    }

    @Test
    void aPlanThatNoLongerExistsIsNamed() {
        String reason = failedJobReason("PLAN_EVALUATION", "{\"plan\":\"AP2099\",\"year\":2017}");
        assertEquals("The report could not be built: plan AP2099 does not exist.", reason);
    }

    private static void evaluationAnswers(int status) {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation"))
                .willReturn(DownstreamMock.json(status, "{\"type\":\"about:blank\",\"status\":" + status
                        + ",\"detail\":\"internal detail from http://indicator-service.internal:8081\"}")));
    }

    /** Queues a job, waits for it to fail, and checks its reason names nothing internal. */
    private String failedJobReason(String type, String parameters) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Report r = new Report();
            r.id = UUID.randomUUID();
            r.type = Report.Type.valueOf(type);
            r.parameters = parameters;
            r.status = Report.Status.QUEUED;
            r.asOf = OffsetDateTime.parse("2018-02-08T00:00:00Z");
            r.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            r.createdBy = "test";
            r.requester = "test";
            reports.persist(r);
            return r.id;
        });
        assertEquals("FAILED", Reports.awaitFinished(id.toString()));
        String reason = given().when().get("/api/v1/reports/" + id).then().statusCode(200).extract().path("failureReason");
        for (String internal : new String[] {"http://", "https://", "localhost", "127.0.0.1", "indicator-service", "project-service",
                "Exception", "exception", "\tat ", "WireMock"}) {
            assertFalse(reason.contains(internal), "the reason names " + internal + ": " + reason);
        }
        assertFalse(PORT.matcher(reason).find(), "the reason names a port: " + reason);
        if (!reason.endsWith("does not exist.")) {
            assertTrue(reason.contains("quoting request id report-job-" + id + "-1."), "the reason quotes the job's request id: " + reason);
        }
        return reason;
    }
}
