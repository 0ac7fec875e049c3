package gov.planmonitor.indicator;

import gov.planmonitor.support.webhooks.TargetResolver;
import gov.planmonitor.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: a delivery goes to the address its check resolved, not to what the name resolves to when the
 * connection is made. A test resolver stands in for DNS with names under .invalid, which no real resolver answers
 * (RFC 6761): a delivery that arrives to such a name was sent to the checked address, with the URL's host as Host.
 * Loopback is allowed in the test profile (the receiver's 127.0.0.1); 10.0.0.0/8 is not.
 */
@QuarkusTest
class WebhookPinningTest {

    private static final String SECRET = "a-shared-secret-of-32-characters";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();
    private final Map<String, InetAddress[]> dns = new ConcurrentHashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void standInForDns() {
        QuarkusMock.installMockForType(new TargetResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] answer = dns.get(host);
                if (answer == null) {
                    return super.resolve(host);
                }
                lookups.add(host);
                return answer;
            }
        }, TargetResolver.class);
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/subscriptions/" + id).then().statusCode(204));
    }

    @Test
    void aDeliveryGoesToTheCheckedAddressWithTheUrlsHost() throws Exception {
        String host = "receiver.pinning.invalid";
        dns.put(host, new InetAddress[]{InetAddress.getByName("127.0.0.1")});
        String id = subscribe("http://" + host + ":" + port() + "/pinned");
        String plan = createPlan();

        WebhookReceiver.Received delivery = receiver.await("/pinned", 1, WAIT).get(0);
        assertEquals(host + ":" + port(), delivery.header("Host"));
        assertTrue(WebhookReceiver.verify(delivery, SECRET));
        assertEquals("/api/v1/plans/" + plan, JsonPath.from(delivery.body()).getString("subject"));
        JsonPath log = awaitDelivery(id);
        assertEquals("DELIVERED", log.getString("items[0].status"), log.prettify());
        // Looked up once to subscribe and once for the attempt; the connection itself looked nothing up.
        assertEquals(List.of(host, host), lookups);
    }

    @Test
    void aNameThatComesToResolveToAnInternalAddressIsNotSentTo() throws Exception {
        String host = "rebinding.pinning.invalid";
        dns.put(host, new InetAddress[]{InetAddress.getByName("127.0.0.1")});
        String id = subscribe("http://" + host + ":" + port() + "/rebinding");
        // After the subscription's check the name rebinds: one of its addresses is now internal.
        dns.put(host, new InetAddress[]{InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1")});
        createPlan();

        JsonPath log = awaitAttempt(id);
        assertEquals("PENDING", log.getString("items[0].status"));
        String error = log.getString("items[0].lastError");
        assertTrue(error.startsWith("not sent: ") && error.contains("10.0.0.1") && error.contains("internal address"), error);
        assertEquals(null, log.getString("items[0].lastStatus"));
        assertEquals(0, receiver.received("/rebinding").size());
    }

    private static int port() {
        String url = receiver.url("/");
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
    }

    private String subscribe(String url) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("targetUrl", url, "types", List.of("gov.planmonitor.indicator.plan.created"), "secret", SECRET,
                        "description", "WebhookPinningTest"))
                .when().post("/api/v1/subscriptions").then().log().ifValidationFails().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    private static String createPlan() {
        String code = Fixtures.code("WP");
        given().contentType(ContentType.JSON).body(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null)).when().post("/api/v1/plans")
                .then().statusCode(201);
        return code;
    }

    private static JsonPath awaitDelivery(String subscription) throws InterruptedException {
        return await(subscription, log -> "DELIVERED".equals(log.getString("items[0].status")));
    }

    private static JsonPath awaitAttempt(String subscription) throws InterruptedException {
        return await(subscription, log -> log.getString("items[0].lastError") != null);
    }

    private static JsonPath await(String subscription, java.util.function.Predicate<JsonPath> done) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath log = given().when().get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
            if (log.getList("items").size() > 0 && done.test(log)) {
                return log;
            }
            assertTrue(System.nanoTime() < until, "not yet: " + log.prettify());
            Thread.sleep(100);
        }
    }
}
