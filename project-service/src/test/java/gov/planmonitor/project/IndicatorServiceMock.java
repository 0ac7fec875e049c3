package gov.planmonitor.project;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for the indicator service on a dynamic port: indicators FYP13-xx and AP20xx-xx exist, anything else is 404,
 * and DOWN-xx answers 503 (an outage).
 */
public class IndicatorServiceMock implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/indicators/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        server.stubFor(get(urlPathMatching("/api/v1/indicators/(FYP1[23]|AP20\\d\\d)-\\d\\d")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"code\":\"x\"}")));
        server.stubFor(get(urlPathMatching("/api/v1/indicators/DOWN-.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.indicator-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
