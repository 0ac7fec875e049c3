package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.launcher.Suite;
import gov.planmonitor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed and webhooks on the packaged services: writers on two replicas at once are each seen once, in the
 * same (commit) order, by a consumer paging the feed and by a webhook receiver, both replicas' workers sending; and
 * indicator-service killed (SIGKILL) with deliveries still to make sends every one of them after its restart.
 */
class WebhookDeliveryFaultTest {

    private static final String SECRET = "fault-test-secret-of-32-characters";
    private static final String PLAN_CREATED = "gov.planmonitor.indicator.plan.created";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void writersOnTwoReplicasAreSeenOnceInCommitOrderByTheFeedAndByTheWebhook() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String admin = faults.token("admin");
        Suite.Service replica = faults.suite.startReplica("indicator-service", RunningSuite.freePort(), RunningSuite.freePort());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            String start = feedEnd(faults, admin);
            String subscription = subscribe(faults, admin, "/replicas", start);
            List<String> replicas = List.of(faults.url("indicator-service", ""), replica.baseUrl());
            String planner = faults.token("planner");
            int perReplica = 20;
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                String base = replicas.get(r);
                String prefix = "WHR" + r + "X" + System.nanoTime() % 10_000;
                writers.add(threads.submit(() -> {
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < perReplica; i++) {
                        String code = prefix + "-" + i;
                        faults.expect(201, "POST", base + "/api/v1/plans", planner, plan(code));
                        codes.add(code);
                    }
                    return codes;
                }));
            }
            // A consumer pages with small pages while the writers write, through either replica in turn.
            Future<List<String>> consumer = threads.submit(() -> {
                List<String> seen = new ArrayList<>();
                String cursor = start;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                for (int page = 0; seen.size() < 2 * perReplica && System.nanoTime() < deadline; page++) {
                    JsonNode answer = faults.expect(200, "GET", replicas.get(page % 2) + "/api/v1/changes?limit=7&types=" + PLAN_CREATED
                            + "&after=" + cursor, admin, null);
                    answer.get("items").forEach(event -> seen.add(event.get("subject").asText()));
                    cursor = answer.get("next").asText();
                    if (answer.get("items").isEmpty()) {
                        Thread.sleep(20);
                    }
                }
                return seen;
            });
            List<String> written = new ArrayList<>();
            for (Future<List<String>> writer : writers) {
                writer.get().forEach(code -> written.add("/api/v1/plans/" + code));
            }
            List<String> feed = consumer.get();
            assertEquals(2 * perReplica, feed.size(), "every event once: " + feed);
            assertEquals(new java.util.HashSet<>(written), new java.util.HashSet<>(feed), "the feed serves exactly what was written");
            assertEquals(2 * perReplica, new LinkedHashSet<>(feed).size(), "no event twice: " + feed);
            // Each writer's own plans are in the order it wrote them (it waited for each commit).
            for (Future<List<String>> writer : writers) {
                List<String> own = writer.get().stream().map(code -> "/api/v1/plans/" + code).toList();
                assertEquals(own, feed.stream().filter(own::contains).toList());
            }

            List<WebhookReceiver.Received> pushed = receiver.await("/replicas", 2 * perReplica, Duration.ofSeconds(60));
            Thread.sleep(1500); // a duplicate would come within the workers' next polls
            pushed = receiver.received("/replicas");
            List<String> pushedSubjects = new ArrayList<>();
            for (WebhookReceiver.Received delivery : pushed) {
                assertTrue(WebhookReceiver.verify(delivery, SECRET), "signed: " + delivery.headers());
                pushedSubjects.add(FaultSuite.JSON.readTree(delivery.body()).get("subject").asText());
            }
            assertEquals(feed, pushedSubjects, "the webhook sends what the feed serves, once each, in the same order");
            System.out.printf("[fault] %d plans written through two replicas: the feed and the webhook each saw every one once, in the same order%n",
                    feed.size());
            unsubscribe(faults, admin, subscription);
        } finally {
            threads.shutdownNow();
            faults.suite.kill("indicator-service-replica");
        }
    }

    @Test
    void aServiceKilledWithDeliveriesToMakeSendsThemAllAfterItsRestart() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String admin = faults.token("admin");
        String planner = faults.token("planner");
        receiver.answer("/restart", 503);
        String subscription = subscribe(faults, admin, "/restart", null);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = "WHK" + System.nanoTime() % 100_000 + "-" + i;
            faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/plans"), planner, plan(code));
            codes.add("/api/v1/plans/" + code);
        }
        // The first attempt was refused (503): the delivery waits for its retry, the other four behind it.
        receiver.await("/restart", 1, Duration.ofSeconds(30));
        faults.suite.kill("indicator-service");
        System.out.println("[fault] indicator-service killed with 5 deliveries to make");
        faults.suite.restart("indicator-service");
        long back = System.nanoTime();

        List<WebhookReceiver.Received> got = receiver.await("/restart", 6, Duration.ofSeconds(60));
        List<String> delivered = new ArrayList<>();
        for (WebhookReceiver.Received delivery : got.subList(1, got.size())) {
            delivered.add(FaultSuite.JSON.readTree(delivery.body()).get("subject").asText());
        }
        assertEquals(codes, delivered, "all five, in order, after the restart");
        JsonNode log = faults.expect(200, "GET", faults.url("indicator-service", "/api/v1/subscriptions/" + subscription + "/deliveries"), admin, null);
        List<String> statuses = new ArrayList<>();
        log.get("items").forEach(d -> statuses.add(d.get("status").asText()));
        assertEquals(Collections.nCopies(5, "DELIVERED"), statuses);
        System.out.printf("[fault] after the restart all 5 were delivered within %d ms%n", Duration.ofNanos(System.nanoTime() - back).toMillis());
        unsubscribe(faults, admin, subscription);
    }

    private static Map<String, Object> plan(String code) {
        return new LinkedHashMap<>(Map.of("code", code, "kind", "FIVE_YEAR", "startYear", 2021, "endYear", 2025,
                "titleZh", "推送测试规划", "titleEn", "Webhook test plan"));
    }

    private static String subscribe(FaultSuite faults, String admin, String path, String after) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("targetUrl", receiver.url(path), "types", List.of(PLAN_CREATED), "secret", SECRET));
        if (after != null) {
            body.put("after", after);
        }
        return faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/subscriptions"), admin, body).get("id").asText();
    }

    private static void unsubscribe(FaultSuite faults, String admin, String id) throws Exception {
        faults.expect(204, "DELETE", faults.url("indicator-service", "/api/v1/subscriptions/" + id), admin, null);
    }

    private static String feedEnd(FaultSuite faults, String admin) throws Exception {
        String cursor = "";
        while (true) {
            JsonNode page = faults.expect(200, "GET", faults.url("indicator-service", "/api/v1/changes?limit=500&after=" + cursor), admin, null);
            if (page.get("items").isEmpty()) {
                return page.get("next").asText();
            }
            cursor = page.get("next").asText();
        }
    }
}
