package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.launcher.Suite;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of indicator-service on one database, each with its cache of answers: a write through either one is
 * in the very next read through the other (no wait, no retry), and an ETag the reader held is not answered 304 once
 * the data changed. The replicas share nothing but PostgreSQL.
 */
class ReplicasFaultTest {

    private static final int ROUNDS = 20;

    @Test
    void aWriteThroughOneReplicaIsInTheNextReadThroughTheOther() throws Exception {
        FaultSuite faults = FaultSuite.get();
        Suite.Service replica = faults.suite.startReplica("indicator-service", RunningSuite.freePort(), RunningSuite.freePort());
        List<String> replicas = List.of(faults.url("indicator-service", ""), replica.baseUrl());
        String planner = faults.token("planner");

        String code = "REPL" + System.nanoTime() % 100_000;
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("code", code, "kind", "FIVE_YEAR", "startYear", 2021, "endYear", 2025,
                "titleZh", "副本测试规划", "titleEn", "Replica test plan"));
        faults.expect(201, "POST", replicas.get(0) + "/api/v1/plans", planner, plan);

        for (int round = 0; round < ROUNDS; round++) {
            String writer = replicas.get(round % 2);
            String reader = replicas.get(1 - round % 2);
            // The reader reads twice, so its answer is the one it keeps in memory.
            faults.expect(200, "GET", reader + "/api/v1/plans/" + code, null, null);
            HttpResponse<String> before = faults.send("GET", reader + "/api/v1/plans/" + code, null, null);
            String etag = before.headers().firstValue("ETag").orElseThrow();
            String pageTag = faults.send("GET", reader + "/api/v1/plans/" + code + "/indicators", null, null)
                    .headers().firstValue("ETag").orElseThrow();

            plan.put("titleEn", "Replica test plan, round " + round);
            faults.expect(200, "PUT", writer + "/api/v1/plans/" + code, planner, plan, "If-Match", etag);
            faults.expect(201, "POST", writer + "/api/v1/plans/" + code + "/indicators", planner, indicator(code, round));

            HttpResponse<String> after = faults.send("GET", reader + "/api/v1/plans/" + code, null, null, "If-None-Match", etag);
            assertEquals(200, after.statusCode(), "round " + round + ": the reader's ETag no longer holds");
            assertEquals("Replica test plan, round " + round, FaultSuite.JSON.readTree(after.body()).get("titleEn").asText(),
                    "round " + round + ": the write through " + writer + " is in the next read through " + reader);
            HttpResponse<String> page = faults.send("GET", reader + "/api/v1/plans/" + code + "/indicators?size=200", null, null,
                    "If-None-Match", pageTag);
            assertEquals(200, page.statusCode());
            JsonNode items = FaultSuite.JSON.readTree(page.body()).get("items");
            assertEquals(round + 1, items.size(), "round " + round + ": the new indicator is on the other replica's page");
            String last = faults.send("GET", reader + "/api/v1/plans/" + code, null, null).headers().firstValue("ETag").orElseThrow();
            assertEquals(304, faults.send("GET", writer + "/api/v1/plans/" + code, null, null, "If-None-Match", last).statusCode(),
                    "round " + round + ": both replicas give the same ETag for the same data");
        }
        assertTrue(faults.suite.process("indicator-service-replica").isAlive());
    }

    private static Map<String, Object> indicator(String plan, int round) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", plan + "-" + (round + 1));
        indicator.put("seq", round + 1);
        indicator.put("nameZh", "副本测试指标" + round);
        indicator.put("nameEn", "Replica test indicator " + round);
        indicator.put("category", "ECONOMY");
        indicator.put("unit", "%");
        indicator.put("attribute", "EXPECTED");
        indicator.put("direction", "INCREASE");
        indicator.put("departments", List.of(Map.of("code", "DRC", "role", "LEAD")));
        indicator.put("target", Map.of("text", "≥5"));
        return indicator;
    }
}
