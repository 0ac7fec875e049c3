package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import gov.planmonitor.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks against a receiver on loopback (which the test profile allows, as ./run does): signed events in commit
 * order, only the types subscribed, retries after a failure, a slow receiver holding only its own queue, the delivery
 * log and redelivery; who may subscribe, and which targets are refused.
 */
@QuarkusTest
class WebhookTest {

    private static final String SECRET = "a-shared-secret-of-32-characters";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/subscriptions/" + id).then().statusCode(204));
    }

    @Test
    void aSubscriberGetsSignedEventsOfItsTypesInCommitOrder() {
        String id = subscribe("/signed", List.of("gov.planmonitor.indicator.plan.created"), null);
        String first = createPlan();
        renamePlan(first);
        String second = createPlan();

        List<WebhookReceiver.Received> got = receiver.await("/signed", 2, WAIT);
        WebhookReceiver.Received delivery = got.get(0);
        assertTrue(WebhookReceiver.verify(delivery, SECRET), "signature of " + delivery.headers());
        assertTrue(!WebhookReceiver.verify(delivery, SECRET + "x"), "a signature made with another secret must not verify");
        assertEquals("application/cloudevents+json; charset=utf-8", delivery.header("Content-Type"));
        long sentAt = Long.parseLong(delivery.header("webhook-timestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - sentAt) < 60, "timestamp " + sentAt);
        JsonPath event = JsonPath.from(delivery.body());
        assertEquals("indicator-service-" + event.getString("id"), delivery.header("webhook-id"));
        assertEquals("gov.planmonitor.indicator.plan.created", event.getString("type"));
        assertEquals("/api/v1/plans/" + first, event.getString("subject"));
        assertEquals(first, event.getString("data.code"));
        assertEquals("1.0", event.getString("specversion"));
        // The rename (plan.updated) is not subscribed: the next delivery is the second plan's creation.
        assertEquals("/api/v1/plans/" + second, JsonPath.from(got.get(1).body()).getString("subject"));

        JsonPath log = given().when().get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("DELIVERED", "DELIVERED"), log.getList("items.status"));
        assertEquals(List.of(200, 200), log.getList("items.lastStatus"));
        assertEquals(List.of(1, 1), log.getList("items.attempts"));
        given().when().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("pendingDeliveries", equalTo(0)).body("types[0]", equalTo("gov.planmonitor.indicator.plan.created"))
                .body("$", not(hasKey("secret")));
    }

    @Test
    void aReceiverThatFailsGetsTheSameEventAgain() {
        receiver.answer("/flaky", 500, 503);
        String id = subscribe("/flaky", List.of("gov.planmonitor.indicator.plan.created"), null);
        createPlan();

        List<WebhookReceiver.Received> got = receiver.await("/flaky", 3, WAIT);
        assertEquals(got.get(0).body(), got.get(2).body());
        assertEquals(got.get(0).header("webhook-id"), got.get(2).header("webhook-id"));
        assertTrue(WebhookReceiver.verify(got.get(2), SECRET));
        JsonPath delivery = awaitDelivery(id, "DELIVERED");
        assertEquals(3, delivery.getInt("items[0].attempts"));
        assertEquals(200, delivery.getInt("items[0].lastStatus"));
    }

    @Test
    void aSlowReceiverHoldsOnlyItsOwnQueue() {
        receiver.hold("/slow");
        String slow = subscribe("/slow", List.of("gov.planmonitor.indicator.plan.created"), null);
        subscribe("/fast", List.of("gov.planmonitor.indicator.plan.created"), null);
        String first = createPlan();
        String second = createPlan();

        // While the slow receiver sits on the first event, the fast one gets both...
        receiver.await("/slow", 1, WAIT);
        List<WebhookReceiver.Received> fast = receiver.await("/fast", 2, WAIT);
        assertEquals("/api/v1/plans/" + second, JsonPath.from(fast.get(1).body()).getString("subject"));
        // ...and the slow one's second event waits for its first: one at a time, in order.
        assertEquals(1, receiver.received("/slow").size());
        assertEquals("/api/v1/plans/" + first, JsonPath.from(receiver.received("/slow").get(0).body()).getString("subject"));

        receiver.release("/slow");
        List<WebhookReceiver.Received> slowGot = receiver.await("/slow", 2, WAIT);
        assertEquals("/api/v1/plans/" + second, JsonPath.from(slowGot.get(1).body()).getString("subject"));
        awaitDelivery(slow, "DELIVERED");
    }

    @Test
    void aSubscriptionFromACursorGetsWhatCameAfterItAndARedeliveryComesAgain() {
        String cursor = Fixtures.changeFeedEnd();
        String before = createPlan();
        String id = subscribe("/handover", List.of(), cursor);

        List<WebhookReceiver.Received> got = receiver.await("/handover", 1, WAIT);
        assertEquals("/api/v1/plans/" + before, JsonPath.from(got.get(0).body()).getString("subject"));
        JsonPath log = awaitDelivery(id, "DELIVERED");
        long delivered = log.getLong("items[0].id");

        given().when().post("/api/v1/subscriptions/" + id + "/deliveries/" + delivered + "/redeliver").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("redeliveryOf", equalTo((int) delivered));
        List<WebhookReceiver.Received> again = receiver.await("/handover", 2, WAIT);
        assertEquals(got.get(0).header("webhook-id"), again.get(1).header("webhook-id"));
        assertEquals(got.get(0).body(), again.get(1).body());
        given().when().post("/api/v1/subscriptions/" + id + "/deliveries/999999999/redeliver").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsSubscribeAndInternalTargetsAreRefused() {
        Map<String, Object> ok = subscription(receiver.url("/never"), List.of(), null);
        given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType(ContentType.JSON).body(ok)
                .when().post("/api/v1/subscriptions").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/subscriptions").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).when().get("/api/v1/subscriptions").then().statusCode(403);

        refused("targetUrl", subscription("ftp://203.0.113.10/hook", List.of(), null), "http and https");
        refused("targetUrl", subscription("http://10.1.2.3/hook", List.of(), null), "internal address");
        refused("targetUrl", subscription("http://169.254.169.254/latest/meta-data", List.of(), null), "internal address");
        refused("targetUrl", subscription("http://[fd00::1]/hook", List.of(), null), "internal address");
        // NAT64 and 6to4 forms of internal IPv4 addresses are judged by the IPv4 address inside.
        refused("targetUrl", subscription("http://[64:ff9b::a9fe:a9fe]/latest/meta-data", List.of(), null), "169.254.169.254, an internal address");
        refused("targetUrl", subscription("http://[2002:c0a8:101::1]/hook", List.of(), null), "192.168.1.1, an internal address");
        refused("targetUrl", subscription("http://user:pw@203.0.113.10/hook", List.of(), null), "user name");
        refused("types", subscription(receiver.url("/never"), List.of("gov.planmonitor.project.project.created"), null), "not an event type");
        refused("after", subscription(receiver.url("/never"), List.of(), "not-a-cursor"), "not a cursor");
        Map<String, Object> shortSecret = new HashMap<>(ok);
        shortSecret.put("secret", "too-short");
        given().contentType(ContentType.JSON).body(shortSecret).when().post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("secret"));
        given().when().get("/api/v1/subscriptions/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().when().get("/api/v1/subscriptions/not-a-uuid").then().statusCode(400);
        given().queryParam("status", "LOST").when().get("/api/v1/subscriptions/" + subscribe("/never", List.of(), null) + "/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private static void refused(String field, Map<String, Object> body, String why) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(why));
    }

    private String subscribe(String path, List<String> types, String after) {
        String id = given().contentType(ContentType.JSON).body(subscription(receiver.url(path), types, after))
                .when().post("/api/v1/subscriptions").then().log().ifValidationFails().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/")).extract().path("id");
        assertNotNull(id);
        subscriptions.add(id);
        return id;
    }

    private static Map<String, Object> subscription(String url, List<String> types, String after) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetUrl", url);
        body.put("types", types);
        body.put("secret", SECRET);
        body.put("description", "WebhookTest");
        if (after != null) {
            body.put("after", after);
        }
        return body;
    }

    private static JsonPath awaitDelivery(String subscription, String status) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath log = given().when().get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
            if (status.equals(log.getString("items[0].status"))) {
                return log;
            }
            assertTrue(System.nanoTime() < until, "no " + status + " delivery: " + log.prettify());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String createPlan() {
        String code = Fixtures.code("WH");
        given().contentType(ContentType.JSON).body(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null)).when().post("/api/v1/plans")
                .then().statusCode(201);
        return code;
    }

    private static void renamePlan(String code) {
        String etag = given().when().get("/api/v1/plans/" + code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = new HashMap<>(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null));
        renamed.put("titleEn", "Renamed");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(renamed).when().put("/api/v1/plans/" + code).then().statusCode(200);
    }
}
