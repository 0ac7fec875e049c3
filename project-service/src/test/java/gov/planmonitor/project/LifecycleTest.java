package gov.planmonitor.project;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Lifecycle transitions are validated, dated, explained when refused, and kept as history. */
@QuarkusTest
class LifecycleTest {

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    /** A status change sent with the project's current ETag, as a client that has just read it does. */
    private static io.restassured.response.ValidatableResponse move(String project, String to, String date, String reason) {
        return move(project, to, date, reason, etag(project));
    }

    private static String etag(String project) {
        return given().when().get("/api/v1/projects/" + project).then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.response.ValidatableResponse move(String project, String to, String date, String reason, String ifMatch) {
        var request = given().contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request
                .header("Authorization", Tokens.bearer(Tokens.of("u-water", "区建设水务局", java.util.List.of("planner"), java.util.List.of())))
                .body("{\"to\":\"" + to + "\",\"date\":\"" + date + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}")
                .when().post("/api/v1/projects/" + project + "/status").then();
    }

    @Test
    void aProjectMovesThroughItsLifecycleAndKeepsTheHistory() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        given().when().get("/api/v1/projects/" + p + "/status").then().statusCode(200)
                .body("current", equalTo("IDENTIFICATION"))
                .body("allowedNext", hasItems("PREPARATION", "SUSPENDED", "CANCELLED"));
        move(p, "PREPARATION", "2018-01-10", null).statusCode(201).body("current", equalTo("PREPARATION"));
        move(p, "IMPLEMENTATION", "2018-03-01", null).statusCode(201);
        move(p, "SUSPENDED", "2018-05-01", "征地拆迁未完成").statusCode(201).body("allowedNext", equalTo(java.util.List.of("IMPLEMENTATION", "CANCELLED")));
        move(p, "IMPLEMENTATION", "2018-07-01", "恢复施工").statusCode(201);
        move(p, "COMPLETION", "2018-10-01", null).statusCode(201);
        move(p, "COMPLETED", "2018-12-20", null).statusCode(201)
                .body("allowedNext", hasSize(0))
                .body("history", hasSize(7))
                .body("history[3].to", equalTo("SUSPENDED"))
                .body("history[3].reason", equalTo("征地拆迁未完成"))
                .body("history[3].author", equalTo("区建设水务局 (u-water)"))
                .body("history[6].from", equalTo("COMPLETION"));
        given().when().get("/api/v1/projects/" + p).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void aRefusedTransitionSaysWhy() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        move(p, "COMPLETED", "2018-01-10", null).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"))
                .body("detail", containsString("cannot move to COMPLETED"))
                .body("detail", containsString("allowed"));
        given().when().get("/api/v1/projects/" + p + "/status").then().body("history", hasSize(1));
    }

    @Test
    void suspendingOrCancellingNeedsAReason() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        move(p, "CANCELLED", "2018-01-10", null).statusCode(422).body("errors[0].field", equalTo("reason"));
        move(p, "CANCELLED", "2018-01-10", "规划调整取消").statusCode(201);
        move(p, "PREPARATION", "2018-02-10", null).statusCode(422).body("detail", containsString("final"));
    }

    @Test
    void datesOutOfOrderAreRejected() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        move(p, "PREPARATION", "2018-06-01", null).statusCode(201);
        move(p, "IMPLEMENTATION", "2018-05-01", null).statusCode(422).body("errors[0].field", equalTo("date"))
                .body("detail", containsString("out of order"));
        move(p, "IMPLEMENTATION", "2999-01-01", null).statusCode(422).body("errors[0].field", equalTo("date"));
        move(p, "FINISHED", "2018-07-01", null).statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void aPutCannotChangeTheStatusAroundTheRules() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"id\":\"" + p + "\",\"nameZh\":\"测试项目\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\",\"status\":\"COMPLETED\"}")
                .when().put("/api/v1/projects/" + p).then().statusCode(422).body("errors[0].field", equalTo("status"));
    }

    @Test
    void milestoneAndProgressDatesAreChecked() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"开工\",\"plannedDate\":\"2018-03-01\",\"actualDate\":\"2999-01-01\"}")
                .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(422).body("errors[0].field", equalTo("actualDate"));
        // A date is a string: an array (empty, or the [year, month, day] java.time would read) is a 400, never "no date".
        for (String notADate : new String[]{"[]", "[2018,3,15]", "20180315"}) {
            given().contentType(ContentType.JSON).body("{\"nameZh\":\"开工\",\"plannedDate\":\"2018-03-01\",\"actualDate\":" + notADate + "}")
                    .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(400).body("errors[0].field", equalTo("actualDate"));
        }
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"开工\",\"plannedDate\":\"2018-03-01\",\"state\":\"REACHED\"}")
                .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(422).body("errors[0].field", equalTo("actualDate"));
        long id = given().contentType(ContentType.JSON).body("{\"nameZh\":\"开工\",\"plannedDate\":\"2018-03-01\"}")
                .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"nameZh\":\"开工\",\"plannedDate\":\"2018-03-01\",\"actualDate\":\"2018-03-15\"}")
                .when().put("/api/v1/projects/" + p + "/milestones/" + id).then().statusCode(200)
                .body("state", equalTo("REACHED")).body("overdue", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"date\":\"2999-01-01\",\"textZh\":\"进展\"}")
                .when().post("/api/v1/projects/" + p + "/updates").then().statusCode(422).body("errors[0].field", equalTo("date"));
        given().contentType(ContentType.JSON)
                .header("Authorization", Tokens.bearer(Tokens.of("u-drc", "区发改局", java.util.List.of("admin"), java.util.List.of())))
                .body("{\"date\":\"2018-06-30\",\"textZh\":\"主体结构完成60%\",\"progressPercent\":60,\"links\":[\"https://example.gov/doc/1\"]}")
                .when().post("/api/v1/projects/" + p + "/updates").then().statusCode(201).body("author", equalTo("区发改局 (u-drc)"));
        given().contentType(ContentType.JSON).body("{\"date\":\"2018-03-30\",\"textZh\":\"较早的进展\",\"progressPercent\":20}")
                .when().post("/api/v1/projects/" + p + "/updates").then().statusCode(201);
        given().when().get("/api/v1/projects/" + p).then().body("progressPercent", equalTo(60));
        given().when().get("/api/v1/projects/" + p + "/updates").then().body("$", hasSize(2)).body("[0].links[0]", equalTo("https://example.gov/doc/1"));
    }

    @Test
    void suspendingNeedsAReasonToo() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        move(p, "SUSPENDED", "2018-02-01", null).statusCode(422).body("errors[0].field", equalTo("reason"));
        move(p, "CANCELLED", "2018-02-01", " ").statusCode(422).body("errors[0].field", equalTo("reason"));
        given().when().get("/api/v1/projects/" + p + "/status").then().body("current", equalTo("IDENTIFICATION")).body("history", hasSize(1));
    }

    @Test
    void completedAndCancelledAreFinal() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        move(p, "PREPARATION", "2018-01-10", null).statusCode(201);
        move(p, "IMPLEMENTATION", "2018-02-10", null).statusCode(201);
        move(p, "COMPLETION", "2018-03-10", null).statusCode(201);
        move(p, "COMPLETED", "2018-04-10", null).statusCode(201).body("allowedNext", hasSize(0));
        for (String to : java.util.List.of("IMPLEMENTATION", "SUSPENDED", "CANCELLED", "IDENTIFICATION")) {
            move(p, to, "2018-05-10", "再次变更").statusCode(422).body("detail", containsString("COMPLETED is final"));
        }
        String q = Fixtures.project(Fixtures.list(2018), 2, "测试项目");
        move(q, "CANCELLED", "2018-01-10", "规划调整取消").statusCode(201);
        move(q, "PREPARATION", "2018-02-10", null).statusCode(422).body("detail", containsString("CANCELLED is final"));
    }

    /** Two people move the same project from the same read: only the first change counts; the second is told to read again. */
    @Test
    void twoChangesFromTheSameReadCannotBothPass() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        String read = etag(p);
        move(p, "PREPARATION", "2018-01-10", null, read).statusCode(201).header("ETag", org.hamcrest.Matchers.not(read));
        move(p, "CANCELLED", "2018-01-11", "另一人同时取消", read).statusCode(412).contentType("application/problem+json");
        given().when().get("/api/v1/projects/" + p + "/status").then().body("current", equalTo("PREPARATION")).body("history", hasSize(2));
    }

    /** Without If-Match, changes sent at the same moment still cannot both pass: the version check when saving stops all but one. */
    @Test
    void simultaneousChangesWithoutIfMatchLeaveOneWinner() throws Exception {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String to = i % 2 == 0 ? "PREPARATION" : "CANCELLED";
            results.add(pool.submit(() -> {
                start.await();
                return move(p, to, "2018-01-10", "并发变更", null).extract().statusCode();
            }));
        }
        start.countDown();
        int created = 0;
        for (java.util.concurrent.Future<Integer> result : results) {
            int status = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
            org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 412 || status == 409 || status == 422, "status " + status);
            created += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        // Whoever won, the history shows exactly the changes that were answered 201, each from the state before it.
        given().when().get("/api/v1/projects/" + p + "/status").then().body("history", hasSize(1 + created));
        org.junit.jupiter.api.Assertions.assertTrue(created >= 1);
    }
}
