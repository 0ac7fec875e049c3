package gov.planmonitor.systemtest;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 25's scenario on the packaged suite with the seeds: a planner assigns a task of 2018's key work through the
 * division table, the lead unit reports progress and a commitment value, the task is late (its task.delayed event is
 * in the change feed), and report-service's oversight bulletin and annual execution report show it.
 */
class PlanTasksIT {

    /** 000:172: 实现全年城镇新增就业人数4万名以上，帮扶1.8万名就业困难人员再就业。 Its commitments: AP2018-122 and AP2018-123. */
    private static final String TASK = "AP2018-T5-1-4";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSuite running;

    @BeforeAll
    static void start() throws Exception {
        running = RunningSuite.get();
    }

    @Test
    void aPlannerAssignsTheUnitReportsTheTaskIsLateAndTheReportsShowIt() throws Exception {
        String ind = running.indicatorUrl;
        // 1. The planner assigns it to 区人社局 (HRSS) with 区发改局 supporting, by the names the table prints.
        String table = "序号,任务,牵头单位,配合单位,完成时限\n" + TASK + ",,区人社局,区发改局,2018年12月31日\n";
        given().header("Authorization", "Bearer " + running.token("planner")).contentType("text/csv").body(table.getBytes(StandardCharsets.UTF_8))
                .post(ind + "/api/v1/plans/AP2018/task-assignments").then().statusCode(200)
                .body("counts.task-assignments.UPDATED", equalTo(1));
        // Its commitments now belong to HRSS too.
        given().get(ind + "/api/v1/indicators/AP2018-122").then().statusCode(200).body("departments.code", contains("HRSS", "DRC"));

        // 2. HRSS reports: in progress, 4.21万名 new urban jobs (the target: 4万名以上).
        given().header("Authorization", "Bearer " + running.token("department", "HRSS")).contentType("application/json")
                .body(Map.of("text", "全年城镇新增就业4.21万名。", "progress", 90, "status", "IN_PROGRESS",
                        "commitmentValues", List.of(Map.of("indicator", "AP2018-122", "year", 2018, "value", 4.21))))
                .post(ind + "/api/v1/tasks/" + TASK + "/updates").then().statusCode(201);
        given().get(ind + "/api/v1/tasks/" + TASK).then().statusCode(200)
                .body("lead.code", contains("HRSS")).body("recordedStatus", equalTo("IN_PROGRESS")).body("status", equalTo("DELAYED"))
                .body("progress", equalTo(90))
                .body("commitments.find { it.code == 'AP2018-122' }.verdict", equalTo("ACHIEVED"));

        // 3. Late since 2019-01-01: announced once as task.delayed (by the deadline watch, within its first look).
        awaitDelayedEvent(ind, TASK);

        // 4. The oversight bulletin as of 2 January 2019 lists it under HRSS, 2 days overdue.
        JsonPath bulletin = content(Map.of("type", "OVERSIGHT", "plan", "AP2018", "asOf", "2019-01-02T00:00:00+08:00"));
        assertEquals("越秀区2018年重点工作督查通报", bulletin.getString("titleZh"));
        Map<String, Object> row = bulletin.getMap("oversight.groups.find { it.lead?.code == 'HRSS' }.tasks.find { it.code == '" + TASK + "' }");
        assertEquals(2, ((Number) row.get("daysOverdue")).intValue(), "days overdue of " + row);
        assertEquals("DELAYED", row.get("status"));

        // 5. The annual execution report of 2018: the task in its key work with its commitment's verdict; the commitments
        //    are not counted among the plan's main targets (its seven printed ones).
        JsonPath annual = content(Map.of("type", "ANNUAL_EXECUTION", "year", 2018));
        List<String> indicators = annual.getList("indicators.code", String.class);
        assertFalse(indicators.contains("AP2018-122"), "commitments are in the key work, not the main table: " + indicators);
        assertTrue(indicators.containsAll(List.of("AP2018-01", "AP2018-07")), indicators.toString());
        String verdict = annual.getString("keyWork.areas.subAreas.flatten().tasks.flatten().find { it.code == '" + TASK
                + "' }.commitments.find { it.code == 'AP2018-122' }.verdict");
        assertEquals("ACHIEVED", verdict);
        String markdown = given().accept("text/markdown").get(running.reportUrl + "/api/v1/reports/" + lastReport + "/content").then()
                .statusCode(200).extract().asString();
        assertTrue(markdown.contains("区人社局") && markdown.contains("重点工作"), "the Markdown names the unit and the section");
    }

    private static void awaitDelayedEvent(String ind, String task) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String admin = "Bearer " + running.token("admin");
        while (true) {
            List<String> subjects = given().header("Authorization", admin)
                    .queryParam("types", "gov.planmonitor.indicator.task.delayed").queryParam("limit", 500)
                    .get(ind + "/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items.subject", String.class);
            long announced = subjects.stream().filter(s -> s.equals("/api/v1/tasks/" + task)).count();
            if (announced == 1) {
                return;
            }
            if (announced > 1) {
                fail(task + " was announced " + announced + " times");
            }
            if (System.nanoTime() > deadline) {
                fail("no task.delayed event for " + task + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static String lastReport;

    /** A report's JSON content, requested as a reporter and awaited. */
    private static JsonPath content(Map<String, Object> request) throws InterruptedException {
        String rep = running.reportUrl;
        String id = given().header("Authorization", "Bearer " + running.token("reporter")).contentType("application/json").body(request)
                .post(rep + "/api/v1/reports").then().statusCode(202).header("Location", containsString("/api/v1/reports/")).extract().path("id");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath state = given().get(rep + "/api/v1/reports/" + id).then().statusCode(200).extract().jsonPath();
            if (state.getString("status").equals("SUCCEEDED")) {
                break;
            }
            if (state.getString("status").equals("FAILED")) {
                fail("report " + request + " failed: " + state.getString("failureReason"));
            }
            if (System.nanoTime() > deadline) {
                fail("report " + request + " still " + state.getString("status"));
            }
            Thread.sleep(200);
        }
        lastReport = id;
        return given().accept("application/json").get(rep + "/api/v1/reports/" + id + "/content").then().statusCode(200).extract().jsonPath();
    }
}
