package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import gov.planmonitor.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plan tasks through the API: a planner lays out areas and tasks, assigns them and attaches commitments; the lead unit
 * reports progress and a commitment value; a supporting unit reports without moving the status; a planner suspends,
 * returns an update; oversight filters; bad input. (A task going late, announced: TaskDeadlineTest.)
 */
@QuarkusTest
class TaskResourceTest {

    /** The bureau's today (Asia/Shanghai), as the service counts deadlines. */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    static Map<String, Object> task(String code, String plan, String parent, int seq, String textZh) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("code", code);
        t.put("plan", plan);
        t.put("parent", parent);
        t.put("seq", seq);
        t.put("textZh", textZh);
        return t;
    }

    static String create(Map<String, Object> body) {
        as(Tokens.planner()).body(body).when().post("/api/v1/tasks").then().log().ifValidationFails().statusCode(201)
                .header("Location", containsString("/api/v1/tasks/" + body.get("code")));
        return (String) body.get("code");
    }

    static String etag(String code) {
        return given().when().get("/api/v1/tasks/{code}", code).then().statusCode(200).extract().header("ETag");
    }

    /** An area, a sub-area under it and a task under that, in a plan; returns the three codes. */
    private static List<String> outline(String plan) {
        String area = create(task(Fixtures.code("T"), plan, null, 1, "着力深化供给侧结构性改革"));
        String sub = create(task(Fixtures.code("T"), plan, area, 1, "深入推进供给侧结构性改革"));
        String leaf = create(task(Fixtures.code("T"), plan, sub, 1, "关停或搬迁“三不”专业市场3个以上。"));
        return List.of(area, sub, leaf);
    }

    @Test
    void aPlannerAssignsTheLeadUnitReportsProgressAndACommitmentValue() {
        String plan = Fixtures.createPlan("ANNUAL", TODAY.getYear() + 1, TODAY.getYear() + 1);
        String cursor = Fixtures.changeFeedEnd();
        List<String> codes = outline(plan);
        String leaf = codes.get(2);
        String commitment = Fixtures.createIndicator(plan, 101, "关停或搬迁“三不”专业市场", "个", "3个以上");

        // Unassigned: no lead, default deadline the plan's last day, not started.
        given().when().get("/api/v1/tasks/{code}", leaf).then().statusCode(200)
                .body("level", equalTo("TASK")).body("parent", equalTo(codes.get(1))).body("lead", org.hamcrest.Matchers.empty())
                .body("deadline", equalTo((TODAY.getYear() + 1) + "-12-31")).body("deadlineFromPlan", equalTo(true))
                .body("status", equalTo("NOT_STARTED")).body("textEn", equalTo("关停或搬迁“三不”专业市场3个以上。"));
        given().when().get("/api/v1/tasks/{code}", codes.get(0)).then().statusCode(200).body("level", equalTo("AREA")).body("children", equalTo(1));

        Map<String, Object> assigned = task(leaf, plan, codes.get(1), 1, "关停或搬迁“三不”专业市场3个以上。");
        assigned.put("lead", List.of("DRC"));
        assigned.put("supporting", List.of("COMMERCE"));
        assigned.put("commitments", List.of(commitment));
        as(Tokens.planner()).header("If-Match", etag(leaf)).body(assigned).when().put("/api/v1/tasks/{code}", leaf).then().statusCode(200)
                .body("lead.code", contains("DRC")).body("supporting.code", contains("COMMERCE"))
                .body("commitments[0].code", equalTo(commitment)).body("commitments[0].target", equalTo("3个以上"))
                .body("commitments[0].verdict", equalTo("NOT_EVALUABLE"));
        // The commitment's departments followed the task's (it was HEALTH's when created).
        given().when().get("/api/v1/indicators/{code}", commitment).then().statusCode(200)
                .body("departments.code", contains("DRC", "COMMERCE")).body("departments.role", contains("LEAD", "SUPPORT"));

        // The lead unit starts it, reports 40% and 2 markets closed, with evidence.
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("text", "已关停“三不”专业市场2个。");
        report.put("progress", 40);
        report.put("status", "IN_PROGRESS");
        report.put("evidence", List.of("https://www.yuexiu.gov.cn/notice/2018-12"));
        report.put("commitmentValues", List.of(Map.of("indicator", commitment, "year", TODAY.getYear() + 1, "value", 2)));
        int first = as(Tokens.department("DRC")).body(report).when().post("/api/v1/tasks/{code}/updates", leaf).then().log().ifValidationFails()
                .statusCode(201).body("department.code", equalTo("DRC")).body("statusFrom", equalTo("NOT_STARTED"))
                .body("statusTo", equalTo("IN_PROGRESS")).body("commitmentValues[0].value", equalTo(2))
                .body("evidence[0]", equalTo("https://www.yuexiu.gov.cn/notice/2018-12")).extract().path("id");
        // 2 against "3个以上": the plan's year is not over, but an annual target is judged on the value: not achieved.
        given().when().get("/api/v1/tasks/{code}", leaf).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("progress", equalTo(40))
                .body("commitments[0].value", equalTo(2)).body("commitments[0].verdict", equalTo("NOT_ACHIEVED"));
        given().when().get("/api/v1/indicators/{code}/observations", commitment).then().statusCode(200)
                .body("[0].value", equalTo(2)).body("[0].status", equalTo("PRELIMINARY"));

        // A supporting unit reports, but may not move the status.
        as(Tokens.department("COMMERCE")).body(Map.of("text", "配合开展市场摸查。")).when().post("/api/v1/tasks/{code}/updates", leaf)
                .then().statusCode(201).body("statusTo", nullValue()).body("department.code", equalTo("COMMERCE"));
        problem(as(Tokens.department("COMMERCE")).body(Map.of("text", "已完成。", "status", "COMPLETED")).when()
                .post("/api/v1/tasks/{code}/updates", leaf).then(), 403).body("detail", containsString("lead unit"));
        // A unit not on the task may not report on it.
        problem(as(Tokens.department("HEALTH")).body(Map.of("text", "无关。")).when().post("/api/v1/tasks/{code}/updates", leaf).then(), 403)
                .body("detail", containsString("DRC"));
        // The lead unit may not suspend: a planner does, with the reason.
        problem(as(Tokens.department("DRC")).body(Map.of("text", "暂缓。", "status", "SUSPENDED")).when()
                .post("/api/v1/tasks/{code}/updates", leaf).then(), 422).body("detail", containsString("planner"));

        // The planner returns the first update: the task goes back to NOT_STARTED and no progress stands.
        as(Tokens.planner()).body(Map.of("comment", "请补充关停文件。")).when()
                .post("/api/v1/tasks/{code}/updates/{id}/return", leaf, first).then().statusCode(200)
                .body("returned", equalTo(true)).body("returnComment", equalTo("请补充关停文件。"));
        given().when().get("/api/v1/tasks/{code}", leaf).then().statusCode(200)
                .body("status", equalTo("NOT_STARTED")).body("progress", nullValue());
        problem(as(Tokens.planner()).body(Map.of("comment", "again")).when()
                .post("/api/v1/tasks/{code}/updates/{id}/return", leaf, first).then(), 409);
        problem(as(Tokens.department("DRC")).body(Map.of("comment", "自己退回")).when()
                .post("/api/v1/tasks/{code}/updates/{id}/return", leaf, first).then(), 403);

        // Completed by the lead unit: progress 100, completed today, on time.
        as(Tokens.department("DRC")).body(Map.of("text", "已关停3个。", "status", "COMPLETED")).when()
                .post("/api/v1/tasks/{code}/updates", leaf).then().statusCode(201);
        given().when().get("/api/v1/tasks/{code}", leaf).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("progress", equalTo(100)).body("completedOn", equalTo(TODAY.toString()))
                .body("completedLate", equalTo(false));
        given().when().get("/api/v1/tasks/{code}/updates", leaf).then().statusCode(200)
                .body("statusTo", contains("IN_PROGRESS", null, "COMPLETED")).body("returned", contains(true, false, false));
        // Who posted is personal: a reader without a token sees the answerable unit (or role) instead of the person.
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/tasks/{code}/updates", leaf).then().statusCode(200)
                .body("postedBy", contains("DRC", "COMMERCE", "DRC")).body("returnedBy", contains("planner", null, null));
        given().when().get("/api/v1/tasks/{code}/updates/{id}", leaf, first).then().statusCode(200)
                .body("postedBy", not(equalTo("DRC"))).body("returnComment", equalTo("请补充关停文件。"));

        // Every write was announced in the change feed, the task's as task.*, the updates' as taskUpdate.*, and the
        // commitment's new departments and value as the indicator's and observation's own events.
        List<String> types = given().queryParam("after", cursor).queryParam("limit", 500).when().get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.subject == '/api/v1/tasks/" + leaf + "' || it.subject.startsWith('/api/v1/tasks/" + leaf
                        + "/updates/') || it.subject.startsWith('/api/v1/indicators/" + commitment + "') }.type", String.class);
        assertEquals(List.of("task.created", "indicator.created", "task.updated", "indicator.updated", "observation.created", "task.updated",
                "taskUpdate.created", "taskUpdate.created", "taskUpdate.updated", "task.updated", "task.updated", "taskUpdate.created"),
                types.stream().map(t -> t.replace("gov.planmonitor.indicator.", "")).toList());

        // Oversight: DRC leads it, COMMERCE supports it; HEALTH has nothing there.
        given().queryParam("plan", plan).queryParam("department", "DRC").queryParam("role", "LEAD").when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.code", contains(leaf));
        given().queryParam("plan", plan).queryParam("department", "COMMERCE").queryParam("role", "LEAD").when().get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("plan", plan).queryParam("status", "COMPLETED").when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.code", contains(leaf));
        given().queryParam("commitment", commitment).when().get("/api/v1/tasks").then().statusCode(200).body("items.code", contains(leaf));
        given().queryParam("plan", plan).queryParam("unassigned", true).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.code", contains(codes.get(0), codes.get(1)));
    }

    @Test
    void badTasksAreRefusedNamingTheField() {
        String plan = Fixtures.createPlan("ANNUAL", 2030, 2030);
        String other = Fixtures.createPlan("ANNUAL", 2031, 2031);
        List<String> codes = outline(plan);
        Map<String, Object> tooDeep = task(Fixtures.code("T"), plan, codes.get(2), 1, "第四层");
        problem(as(Tokens.planner()).body(tooDeep).when().post("/api/v1/tasks").then(), 422).body("errors[0].field", equalTo("parent"));
        Map<String, Object> unknownUnit = task(Fixtures.code("T"), plan, codes.get(1), 2, "任务");
        unknownUnit.put("lead", List.of("NO_SUCH_UNIT"));
        problem(as(Tokens.planner()).body(unknownUnit).when().post("/api/v1/tasks").then(), 422).body("errors[0].field", equalTo("lead[0]"));
        Map<String, Object> twice = task(Fixtures.code("T"), plan, codes.get(1), 2, "任务");
        twice.put("lead", List.of("DRC"));
        twice.put("supporting", List.of("DRC"));
        problem(as(Tokens.planner()).body(twice).when().post("/api/v1/tasks").then(), 422).body("errors[0].field", equalTo("supporting[0]"));
        String foreign = Fixtures.createIndicator(other, 101, "其他规划的指标", "个", "3个以上");
        Map<String, Object> wrongPlan = task(Fixtures.code("T"), plan, codes.get(1), 2, "任务");
        wrongPlan.put("commitments", List.of(foreign));
        problem(as(Tokens.planner()).body(wrongPlan).when().post("/api/v1/tasks").then(), 422).body("errors[0].field", equalTo("commitments[0]"));
        Map<String, Object> farDeadline = task(Fixtures.code("T"), plan, codes.get(1), 2, "任务");
        farDeadline.put("deadline", "2090-01-01");
        problem(as(Tokens.planner()).body(farDeadline).when().post("/api/v1/tasks").then(), 422).body("errors[0].field", equalTo("deadline"));
        problem(as(Tokens.planner()).body(task("lower-case", plan, null, 1, "任务")).when().post("/api/v1/tasks").then(), 400);
        problem(as(Tokens.planner()).body(task(codes.get(0), plan, null, 1, "重复")).when().post("/api/v1/tasks").then(), 409);
        problem(as(Tokens.department("DRC")).body(task(Fixtures.code("T"), plan, null, 2, "部门不能建任务")).when().post("/api/v1/tasks").then(), 403);

        // An indicator quantifies one task at most.
        String shared = Fixtures.createIndicator(plan, 102, "新增养老床位", "张", "350张");
        Map<String, Object> first = task(Fixtures.code("T"), plan, codes.get(1), 3, "新增养老床位350张。");
        first.put("commitments", List.of(shared));
        create(first);
        Map<String, Object> second = task(Fixtures.code("T"), plan, codes.get(1), 4, "再次引用。");
        second.put("commitments", List.of(shared));
        problem(as(Tokens.planner()).body(second).when().post("/api/v1/tasks").then(), 422).body("detail", containsString((String) first.get("code")));

        // Bad queries.
        problem(given().queryParam("status", "LATE").when().get("/api/v1/tasks").then(), 400).body("errors[0].field", equalTo("status"));
        problem(given().queryParam("role", "LEAD").when().get("/api/v1/tasks").then(), 400).body("errors[0].field", equalTo("role"));
        problem(given().queryParam("deadlineFrom", "2030-02-01").queryParam("deadlineTo", "2030-01-01").when().get("/api/v1/tasks").then(), 400);

        // A task with updates or sub-tasks is not deleted; a mistaken one is.
        problem(given().when().delete("/api/v1/tasks/{code}", codes.get(0)).then(), 409);
        as(Tokens.planner()).body(Map.of("text", "开始。", "status", "IN_PROGRESS")).when().post("/api/v1/tasks/{code}/updates", codes.get(2)).then().statusCode(201);
        problem(given().when().delete("/api/v1/tasks/{code}", codes.get(2)).then(), 409).body("detail", containsString("cancel"));
        String mistake = create(task(Fixtures.code("T"), plan, codes.get(1), 9, "误录。"));
        given().when().delete("/api/v1/tasks/{code}", mistake).then().statusCode(204);
        problem(given().when().get("/api/v1/tasks/{code}", mistake).then(), 404);

        // Cancelled is final.
        as(Tokens.planner()).body(Map.of("text", "取消。", "status", "CANCELLED")).when().post("/api/v1/tasks/{code}/updates", codes.get(2)).then().statusCode(201);
        problem(as(Tokens.planner()).body(Map.of("text", "恢复。", "status", "IN_PROGRESS")).when().post("/api/v1/tasks/{code}/updates", codes.get(2)).then(), 422)
                .body("detail", containsString("cancelled"));
        problem(as(Tokens.planner()).body(Map.of("text", "", "evidence", List.of("ftp://x"))).when().post("/api/v1/tasks/{code}/updates", codes.get(2)).then(), 400);
    }
}
