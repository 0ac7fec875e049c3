package gov.planmonitor.report;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for the indicator and project services on one dynamic port: the 2017 annual plan, its evaluation and
 * its key project list, the department DRC, and a two-project excerpt of FYP13-KEY. Fixtures are checked against the
 * other services' committed contracts by ClientContractTest. Tests change the stubs (outages, slow answers) through {@link #server}.
 */
public class DownstreamMock implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        healthy();
        return Map.of("quarkus.rest-client.indicator-service.url", server.baseUrl(),
                "quarkus.rest-client.project-service.url", server.baseUrl());
    }

    static void healthy() {
        server.resetAll();
        // Unmatched requests get WireMock's 404, which the clients read as "does not exist".
        server.stubFor(get(urlPathEqualTo("/api/v1/plans")).willReturn(json(200, "{\"items\":[],\"total\":0,\"page\":0,\"size\":20}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/plans")).withQueryParam("year", equalTo("2017")).willReturn(json(200,
                "{\"items\":[" + resource("plan-ap2017.json").strip() + "],\"total\":1,\"page\":0,\"size\":20}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017")).willReturn(json(200, resource("plan-ap2017.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(json(200, resource("ap2017-evaluation.json"))));
        // No plan has tasks unless a test says so (TaskReportsTest): the reports of the other tests show no key work.
        server.stubFor(get(urlPathEqualTo("/api/v1/tasks")).willReturn(json(200, "{\"items\":[],\"total\":0,\"page\":0,\"size\":200}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/departments/DRC")).willReturn(json(200, resource("department-drc.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/project-lists/AP2017-KEY/summary")).willReturn(json(200, resource("ap2017-key-summary.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/project-lists/FYP13-KEY")).willReturn(json(200, resource("fyp13-key-list.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/project-lists/FYP13-KEY/summary")).willReturn(json(200, resource("fyp13-key-summary.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/projects")).withQueryParam("list", equalTo("FYP13-KEY"))
                .willReturn(json(200, resource("fyp13-key-projects.json"))));
    }

    /**
     * The hand-written tasks of AP2017 (ap2017-tasks.json: one area, two sub-areas, four tasks, as indicator-service
     * gave them on 2017-11-15), and DRC's three of them (ap2017-tasks-drc.json).
     */
    static void withTasks() {
        server.stubFor(get(urlPathEqualTo("/api/v1/tasks")).withQueryParam("plan", equalTo("AP2017"))
                .withQueryParam("department", com.github.tomakehurst.wiremock.client.WireMock.absent()).atPriority(1)
                .willReturn(json(200, resource("ap2017-tasks.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/tasks")).withQueryParam("plan", equalTo("AP2017"))
                .withQueryParam("department", equalTo("DRC")).atPriority(1).willReturn(json(200, resource("ap2017-tasks-drc.json"))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String resource(String name) {
        try (InputStream in = DownstreamMock.class.getResourceAsStream("/downstream/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
