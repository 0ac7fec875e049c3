package gov.planmonitor.report;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gov.planmonitor.testsupport.Prometheus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of report jobs: Prometheus metrics for the jobs, their generation time and the calls to the
 * other services that failed; and one trace per job, carried to the services it reads in the W3C traceparent header
 * (tracing is on in this service's tests: OTEL_SDK_DISABLED=false).
 */
@QuarkusTest
class ObservabilityTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void healthy() {
        DownstreamMock.healthy();
        // One test's outage must not leave the next one facing an open circuit.
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void generationTimeAndJobsArePublished() {
        double before = metric("planmonitor_report_generation_seconds_count{outcome=\"succeeded\",type=\"ANNUAL_EXECUTION\"}");
        Reports.generated(Reports.ANNUAL_2017);
        assertEquals(before + 1, metric("planmonitor_report_generation_seconds_count{outcome=\"succeeded\",type=\"ANNUAL_EXECUTION\"}"));
        String scrape = scrape();
        assertTrue(scrape.contains("planmonitor_report_generation_seconds_bucket{"), "a histogram, for p99 in Grafana");
        assertTrue(scrape.contains("planmonitor_report_jobs{status=\"QUEUED\"}"), scrape);
        assertTrue(scrape.contains("planmonitor_report_jobs{status=\"RUNNING\"}"), scrape);
        assertTrue(scrape.contains("agroal_active_count"), "the connection pool");
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{"), "HTTP, as a histogram for p99");
        assertTrue(scrape.contains("http_client_requests_seconds_bucket{"), "calls to the other services, as a histogram");
    }

    @Test
    void aFailedJobAndEachFailedCallToAServiceAreCounted() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(503, "{}")));
        DownstreamMock.server.resetRequests();
        double failedCalls = metric("planmonitor_downstream_failures_total{service=\"indicator-service\"}");
        double failedJobs = metric("planmonitor_report_generation_seconds_count{outcome=\"failed\",type=\"ANNUAL_EXECUTION\"}");
        assertEquals("FAILED", Reports.awaitFinished(Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}")));
        int tries = DownstreamMock.server.findAll(anyRequestedFor(urlPathEqualTo("/api/v1/plans/AP2017/evaluation"))).size();
        // Every try counts (each call is retried twice before the job fails).
        assertTrue(tries >= 3, "tries: " + tries);
        assertEquals(failedCalls + tries, metric("planmonitor_downstream_failures_total{service=\"indicator-service\"}"));
        assertEquals(failedJobs + 1, metric("planmonitor_report_generation_seconds_count{outcome=\"failed\",type=\"ANNUAL_EXECUTION\"}"));
    }

    @Test
    void aJobIsOneTraceAcrossTheServicesItReads() {
        DownstreamMock.server.resetRequests();
        Reports.generated(Reports.ANNUAL_2017);
        List<LoggedRequest> reads = DownstreamMock.server.findAll(anyRequestedFor(urlPathMatching("/api/v1/(plans|project-lists)/.*")));
        assertFalse(reads.isEmpty());
        Set<String> traces = reads.stream().map(r -> {
            Matcher parent = TRACEPARENT.matcher(String.valueOf(r.getHeader("traceparent")));
            assertTrue(parent.matches(), r.getUrl() + " carried traceparent " + r.getHeader("traceparent"));
            return parent.group(1);
        }).collect(Collectors.toSet());
        assertEquals(1, traces.size(), "every read of the job is in the job's trace: " + traces);
    }

    @Test
    void aCallersTraceContinuesIntoTheChecksMadeWhileAnswering() {
        DownstreamMock.server.resetRequests();
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").contentType("application/json")
                .body(Reports.ANNUAL_2017).when().post("/api/v1/reports").then().statusCode(202).extract().path("id");
        Reports.awaitFinished(id);
        List<LoggedRequest> checks = DownstreamMock.server.findAll(anyRequestedFor(urlPathEqualTo("/api/v1/plans")));
        assertFalse(checks.isEmpty(), "the request checked the year's plans");
        Matcher parent = TRACEPARENT.matcher(String.valueOf(checks.get(0).getHeader("traceparent")));
        assertTrue(parent.matches() && parent.group(1).equals(trace), "the check carried " + checks.get(0).getHeader("traceparent"));
    }

    private String scrape() {
        return given().when().get(metrics).then().statusCode(200).extract().asString();
    }

    private double metric(String series) {
        return Prometheus.value(scrape(), series);
    }

    @Test
    void aSlowJobsTraceIsFoundFromItsMetric() {
        Reports.generated(Reports.ANNUAL_2017);
        // With tracing on, the generation time carries an exemplar: the trace id of a job, to open in the tracing UI.
        assertTrue(scrape().lines().anyMatch(line -> line.startsWith("planmonitor_report_generation_seconds_count{")
                && line.matches(".*# \\{span_id=\"[0-9a-f]{16}\",trace_id=\"[0-9a-f]{32}\"}.*")), scrape());
    }
}
