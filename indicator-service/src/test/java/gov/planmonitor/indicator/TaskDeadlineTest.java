package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import gov.planmonitor.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.TaskResourceTest.as;
import static gov.planmonitor.indicator.TaskResourceTest.create;
import static gov.planmonitor.indicator.TaskResourceTest.etag;
import static gov.planmonitor.indicator.TaskResourceTest.task;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A task whose deadline has passed is DELAYED, and the deadline watch (here every second) announces it once as
 * task.delayed: in the change feed, and signed to a webhook subscriber.
 */
@QuarkusTest
@TestProfile(TaskDeadlineTest.WatchEverySecond.class)
class TaskDeadlineTest {

    public static class WatchEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planmonitor.tasks.deadline-watch", "1s");
        }
    }

    private static final String SECRET = "a-shared-secret-of-32-characters";
    /** The bureau's today (Asia/Shanghai), as the service counts deadlines. */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    @Test
    void aTaskPastItsDeadlineIsDelayedAndAnnouncedOnce() {
        String cursor = Fixtures.changeFeedEnd();
        String subscription = given().contentType(ContentType.JSON).body(subscription(receiver.url("/delayed"), cursor))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        try {
            String plan = Fixtures.createPlan("ANNUAL", TODAY.getYear() + 1, TODAY.getYear() + 1);
            String area = create(task(Fixtures.code("T"), plan, null, 1, "着力推动民生社会事业发展"));
            Map<String, Object> late = task(Fixtures.code("T"), plan, area, 1, "新增养老床位350张。");
            late.put("deadline", TODAY.minusDays(3).toString());
            String code = create(late);
            given().when().get("/api/v1/tasks/{code}", code).then().statusCode(200)
                    .body("status", equalTo("DELAYED")).body("recordedStatus", equalTo("NOT_STARTED")).body("daysOverdue", equalTo(3));
            given().queryParam("plan", plan).queryParam("status", "DELAYED").when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.code", contains(code));
            given().queryParam("plan", plan).queryParam("overdue", false).when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.code", contains(area));
            given().queryParam("plan", plan).queryParam("deadlineTo", TODAY.toString()).when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.code", contains(code));

            // The watch (every second in tests) announces it: one task.delayed event, signed, with the task as data.
            // (The seeded tasks, late since 2018 and 2020, are announced by the watch's first look too: pick this one's.)
            WebhookReceiver.Received mine = awaitEventOf(code, Duration.ofSeconds(40));
            JsonPath event = JsonPath.from(mine.body());
            assertEquals("gov.planmonitor.indicator.task.delayed", event.getString("type"));
            assertEquals("/api/v1/tasks/" + code, event.getString("subject"));
            assertEquals("DELAYED", event.getString("data.status"));
            assertEquals(true, WebhookReceiver.verify(mine, SECRET));
            // Once: later looks of the watch announce nothing more of it.
            sleep(Duration.ofSeconds(3));
            assertEquals(1, receiver.received("/delayed").stream().filter(r -> r.body().contains("\"/api/v1/tasks/" + code + "\"")).count());

            // Re-timed to next week it is in time again, and a planner's update is on record for it.
            late.put("deadline", TODAY.plusDays(7).toString());
            as(Tokens.planner()).header("If-Match", etag(code)).body(late).when().put("/api/v1/tasks/{code}", code).then().statusCode(200)
                    .body("status", equalTo("NOT_STARTED")).body("daysOverdue", equalTo(0));
        } finally {
            given().when().delete("/api/v1/subscriptions/" + subscription).then().statusCode(204);
        }
    }

    private static Map<String, Object> subscription(String url, String after) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetUrl", url);
        body.put("types", List.of("gov.planmonitor.indicator.task.delayed"));
        body.put("secret", SECRET);
        body.put("description", "TaskDeadlineTest");
        body.put("after", after);
        return body;
    }

    /** The delivery of the task.delayed event of a task, waited for. */
    private static WebhookReceiver.Received awaitEventOf(String code, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (WebhookReceiver.Received received : receiver.received("/delayed")) {
                if (("/api/v1/tasks/" + code).equals(JsonPath.from(received.body()).getString("subject"))) {
                    return received;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task.delayed delivery for " + code + " within " + timeout.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
