package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 concurrent conflicting If-Match updates of the same five resources (two departments, two project lists and a
 * year's observation, the case first seen answering 409), each
 * sent with the ETag its sender last read: every one is applied (200) or refused (412), nothing else; and the final
 * state is the applied ones in order, none lost: the version rose once per applied update, and the audit trail holds
 * exactly the applied updates, each one's "before" being the previous one's "after", the last one's "after" being what
 * a read gives now.
 */
class ConcurrentUpdatesFaultTest {

    private static final int UPDATES = 1000;
    private static final int SENDERS = 50;
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    /**
     * One resource under contention: its service, its path, its audit kind and id, its body, and the field each update
     * sets to a value of its own (text, or a number for an observation).
     */
    private record Target(String service, String path, String resourceType, String id, Map<String, Object> body, String field) {
        Object mark(int n) {
            return field.equals("value") ? (Object) (1000 + n) : "update " + n;
        }

        String read(JsonNode node) {
            return node.path(field).asText();
        }
    }

    @Test
    void everyUpdateIsAppliedOrRefusedWith412AndNoneIsLost() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String planner = faults.token("planner");
        String admin = faults.token("admin");
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String department = "RACE" + RUN + "_" + i;
            Map<String, Object> body = new LinkedHashMap<>(Map.of("code", department, "nameZh", "并发测试局", "nameEn", "start"));
            faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/departments"), planner, body);
            targets.add(new Target("indicator-service", "/api/v1/departments/" + department, "department", department, body, "nameEn"));
            String list = "RACE" + RUN + "-L" + i;
            Map<String, Object> listBody = new LinkedHashMap<>(Map.of("code", list, "nameZh", "并发测试清单", "nameEn", "start", "year", 2022));
            faults.expect(201, "POST", faults.url("project-service", "/api/v1/project-lists"), planner, listBody);
            targets.add(new Target("project-service", "/api/v1/project-lists/" + list, "project-list", list, listBody, "nameEn"));
        }
        String plan = "RACE" + RUN + "P";
        faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/plans"), planner, Map.of("code", plan, "kind", "FIVE_YEAR",
                "startYear", 2021, "endYear", 2025, "titleZh", "并发测试规划", "titleEn", "Concurrency test plan"));
        String indicator = plan + "-01";
        faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/plans/" + plan + "/indicators"), planner, Map.of("code", indicator,
                "seq", 1, "nameZh", "地区生产总值", "nameEn", "Regional GDP", "category", "ECONOMY", "unit", "亿元", "direction", "INCREASE",
                "departments", List.of(Map.of("code", "DRC", "role", "LEAD")), "target", Map.of("text", "1500")));
        Map<String, Object> observation = new LinkedHashMap<>(Map.of("value", 1000, "status", "PRELIMINARY"));
        String observationPath = "/api/v1/indicators/" + indicator + "/observations/2022";
        faults.expect(201, "PUT", faults.url("indicator-service", observationPath), admin, observation);
        targets.add(new Target("indicator-service", observationPath, "observation", indicator + "/2022", observation, "value"));
        Map<Target, Long> startVersion = new LinkedHashMap<>();
        for (Target target : targets) {
            startVersion.put(target, version(faults.send("GET", faults.url(target.service(), target.path()), planner, null)));
        }

        Map<Target, List<String>> applied = new ConcurrentHashMap<>();
        targets.forEach(t -> applied.put(t, java.util.Collections.synchronizedList(new ArrayList<>())));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            done.add(senders.submit(() -> {
                String etag = null;
                Target last = null;
                for (int n = next.getAndIncrement(); n < UPDATES; n = next.getAndIncrement()) {
                    Target target = targets.get(n % targets.size());
                    try {
                        // Read only now and then: most updates go with an ETag that others have made stale meanwhile.
                        if (etag == null || target != last || n % 7 == 0) {
                            etag = faults.send("GET", faults.url(target.service(), target.path()), planner, null).headers().firstValue("ETag").orElseThrow();
                        }
                        last = target;
                        Map<String, Object> body = new LinkedHashMap<>(target.body());
                        body.put(target.field(), target.mark(n));
                        String name = String.valueOf(target.mark(n));
                        // Observations are a department's to report (admin speaks for all); the rest is the planners'.
                        String writer = target.resourceType().equals("observation") ? admin : planner;
                        HttpResponse<String> response = faults.send("PUT", faults.url(target.service(), target.path()), writer, body, "If-Match", etag);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 200) {
                            applied.get(target).add(name);
                            etag = response.headers().firstValue("ETag").orElseThrow();
                        } else if (response.statusCode() != 412) {
                            unexpected.add(target.path() + ": " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        unexpected.add(target.path() + ": " + e);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        senders.shutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("[fault] %d concurrent If-Match updates from %d senders in %d ms: %s%n", UPDATES, SENDERS, millis, statuses);
        assertTrue(unexpected.isEmpty(), "answers other than 200 and 412: " + unexpected);
        assertEquals(UPDATES, statuses.values().stream().mapToInt(AtomicInteger::get).sum());

        for (Target target : targets) {
            HttpResponse<String> now = faults.send("GET", faults.url(target.service(), target.path()), planner, null);
            List<String> wins = applied.get(target);
            assertEquals(startVersion.get(target) + wins.size(), version(now), target.path() + ": the version must rise once per applied update");
            List<JsonNode> trail = updates(faults, admin, target);
            assertEquals(wins.size(), trail.size(), target.path() + ": one audit entry per applied update");
            String previous = target.read(FaultSuite.JSON.valueToTree(target.body()));
            for (JsonNode entry : trail) {
                assertEquals(previous, target.read(entry.path("before")), target.path() + ": an update was applied over a lost one");
                previous = target.read(entry.path("after"));
            }
            assertEquals(previous, target.read(FaultSuite.JSON.readTree(now.body())), target.path() + ": the last applied update is what stands");
            assertEquals(new java.util.HashSet<>(wins), trail.stream().map(e -> target.read(e.path("after"))).collect(java.util.stream.Collectors.toSet()));
            System.out.printf("[fault] %s: %d applied in order, none lost%n", target.path(), wins.size());
        }
    }

    /** The ETag is the version, quoted (weak or strong). */
    private static long version(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replaceAll("[^0-9]", ""));
    }

    /** The audit entries of the resource's updates, oldest first. */
    private static List<JsonNode> updates(FaultSuite faults, String admin, Target target) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = faults.expect(200, "GET", faults.url(target.service(), "/api/v1/audit?resourceType=" + target.resourceType()
                    + "&resource=" + target.id() + "&size=200&page=" + page), admin, null);
            body.path("items").forEach(entry -> {
                if (!entry.path("before").isNull() && !entry.path("before").isMissingNode()) {
                    entries.add(entry);
                }
            });
            if ((page + 1) * 200 >= body.path("total").asInt()) {
                break;
            }
        }
        entries.sort(java.util.Comparator.comparingLong(e -> e.path("id").asLong()));
        return entries;
    }
}
