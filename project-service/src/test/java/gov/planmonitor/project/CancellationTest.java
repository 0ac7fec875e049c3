package gov.planmonitor.project;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cancelling a project is final, so it is a planner's decision: a department responsible for the project, lead or
 * support, cannot move it to CANCELLED but asks for it; a planner approves (the project is CANCELLED, its history names
 * the request) or refuses (the status stays). One open request at a time; a decision is final.
 */
@QuarkusTest
class CancellationTest {

    private static final String LEAD = "CONSTRUCTION";
    private static final String SUPPORT = "DRC";
    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    /** A project CONSTRUCTION leads and DRC supports. */
    private static String project() {
        String id = Fixtures.code("CX");
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"nameZh\":\"测试项目\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\","
                        + "\"departments\":[{\"code\":\"" + LEAD + "\",\"role\":\"LEAD\"},{\"code\":\"" + SUPPORT + "\",\"role\":\"SUPPORT\"}]}")
                .when().post("/api/v1/projects").then().statusCode(201);
        return id;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static ValidatableResponse move(String token, String project, String to, String reason) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"date\":\"" + today() + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}")
                .when().post("/api/v1/projects/" + project + "/status").then();
    }

    private static ValidatableResponse ask(String token, String project, String reason) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/v1/projects/" + project + "/cancellation-requests").then();
    }

    private static ValidatableResponse decide(String token, String project, Object request, String decision, String comment) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .when().post("/api/v1/projects/" + project + "/cancellation-requests/" + request + "/" + decision).then();
    }

    private static JsonPath status(String project) {
        return given().when().get("/api/v1/projects/" + project + "/status").then().statusCode(200).extract().jsonPath();
    }

    private static String department(String code) {
        return Tokens.bearer(Tokens.department(code));
    }

    private static String planner() {
        return Tokens.bearer(Tokens.planner());
    }

    @Test
    void noDepartmentMovesAProjectToCancelledNotEvenItsLead() {
        String p = project();
        for (String code : List.of(SUPPORT, LEAD)) {
            move(department(code), p, "CANCELLED", "无法实施").statusCode(403).contentType(PROBLEM)
                    .body("detail", containsString("planner"))
                    .body("detail", containsString("POST /api/v1/projects/" + p + "/cancellation-requests"));
        }
        JsonPath status = status(p);
        assertEquals("IDENTIFICATION", status.getString("current"));
        assertEquals(1, status.getList("history").size());
        // Their other steps are as before.
        move(department(SUPPORT), p, "PREPARATION", null).statusCode(201).body("current", equalTo("PREPARATION"));
        move(planner(), p, "CANCELLED", "规划调整取消").statusCode(201).body("current", equalTo("CANCELLED"))
                .body("history[2].cancellationRequest", nullValue());
    }

    @Test
    void aDepartmentAsksAndAPlannerRefusesOrApproves() {
        String p = project();
        // The supporting department asks: 201, the request open.
        var first = ask(department(SUPPORT), p, "征地条件发生变化，项目无法继续实施").statusCode(201)
                .body("state", equalTo("OPEN")).body("project", equalTo(p)).body("requestedBy", containsString(SUPPORT))
                .body("comment", nullValue()).body("decidedBy", nullValue()).extract();
        long refused = first.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(first.header("Location"), endsWith("/api/v1/projects/" + p + "/cancellation-requests/" + refused));
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/" + refused).then().statusCode(200).body("state", equalTo("OPEN"));
        // One open request at a time, whoever asks.
        ask(department(LEAD), p, "同一项目再次申请").statusCode(409).contentType(PROBLEM).body("detail", containsString("open cancellation request"));
        ask(planner(), p, "同一项目再次申请").statusCode(409);

        // Refused: the status stays, the request keeps the comment, and cannot be decided again.
        decide(planner(), p, refused, "refusal", "项目仍在规划内，不同意取消").statusCode(200)
                .body("state", equalTo("REFUSED")).body("comment", equalTo("项目仍在规划内，不同意取消"))
                .body("decidedBy", equalTo("规划科 李明 (u-planner)")).body("decidedAt", notNullValue());
        assertEquals("IDENTIFICATION", status(p).getString("current"));
        decide(planner(), p, refused, "approval", "改为同意").statusCode(409).contentType(PROBLEM).body("detail", containsString("refused"));
        decide(planner(), p, refused, "refusal", "再次拒绝").statusCode(409);
        assertEquals("IDENTIFICATION", status(p).getString("current"));

        // A new request, by the lead department, approved: the project is CANCELLED through its lifecycle.
        long approved = ask(department(LEAD), p, "资金来源取消").statusCode(201).extract().jsonPath().getLong("id");
        decide(planner(), p, approved, "approval", "规划调整，同意取消").statusCode(200)
                .body("state", equalTo("APPROVED")).body("comment", equalTo("规划调整，同意取消"));
        JsonPath status = status(p);
        assertEquals("CANCELLED", status.getString("current"));
        assertEquals(List.of(), status.getList("allowedNext"));
        assertEquals(2, status.getList("history").size());
        assertEquals("CANCELLED", status.getString("history[1].to"));
        assertEquals("IDENTIFICATION", status.getString("history[1].from"));
        assertEquals(approved, status.getLong("history[1].cancellationRequest"));
        assertEquals("资金来源取消 (cancellation request " + approved + " approved: 规划调整，同意取消)", status.getString("history[1].reason"));
        assertEquals("规划科 李明 (u-planner)", status.getString("history[1].author"));
        given().when().get("/api/v1/projects/" + p).then().body("status", equalTo("CANCELLED"));

        // Decided once and for all; and a cancelled project takes no new request.
        decide(planner(), p, approved, "approval", "再次同意").statusCode(409);
        decide(Tokens.bearer(Tokens.admin()), p, approved, "refusal", "撤回").statusCode(409);
        ask(department(LEAD), p, "再次申请").statusCode(409).body("detail", containsString("CANCELLED is final"));
        assertEquals(2, status(p).getList("history").size());

        // Both requests, in the order made, readable without a token as the history is (who is answerable instead of people).
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/projects/" + p + "/cancellation-requests").then().statusCode(200)
                .body("$", hasSize(2)).body("id", equalTo(List.of((int) refused, (int) approved)))
                .body("state", equalTo(List.of("REFUSED", "APPROVED")))
                .body("requestedBy", equalTo(List.of(LEAD, LEAD))).body("decidedBy", equalTo(List.of("planner", "planner")));
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests").then().statusCode(200)
                .body("requestedBy", equalTo(List.of("部门填报员 DRC (u-dept-drc)", "部门填报员 CONSTRUCTION (u-dept-construction)")));
    }

    @Test
    void onlyTheResponsibleDepartmentsAndPlannersAskAndOnlyPlannersDecide() {
        String p = project();
        ask(department("EDU"), p, "不相关的部门").statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("asking to cancel project " + p + " is for departments CONSTRUCTION, DRC; your token speaks for EDU"));
        ask(Tokens.bearer(Tokens.reporter()), p, "报告员").statusCode(403).contentType(PROBLEM);
        ask(Tokens.ANONYMOUS, p, "匿名").statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests").then().statusCode(200).body("$", hasSize(0));

        long request = ask(planner(), p, "规划科提出取消").statusCode(201).extract().jsonPath().getLong("id");
        for (String token : List.of(department(LEAD), department(SUPPORT), Tokens.bearer(Tokens.reporter()))) {
            decide(token, p, request, "approval", "部门自行批准").statusCode(403).contentType(PROBLEM);
            decide(token, p, request, "refusal", "部门自行拒绝").statusCode(403).contentType(PROBLEM);
        }
        decide(Tokens.ANONYMOUS, p, request, "approval", "匿名").statusCode(401).contentType(PROBLEM);
        decide(Tokens.ANONYMOUS, p, request, "refusal", "匿名").statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/" + request).then().statusCode(200).body("state", equalTo("OPEN"));
        assertEquals("IDENTIFICATION", status(p).getString("current"));
        // A reason and a comment are required.
        ask(department(LEAD), p, " ").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/projects/" + p + "/cancellation-requests/" + request + "/refusal")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("comment"));
    }

    @Test
    void unknownProjectsAndRequestsAre404Problems() {
        String p = project();
        String other = project();
        long request = ask(department(LEAD), p, "资金来源取消").statusCode(201).extract().jsonPath().getLong("id");
        String missing = "/api/v1/projects/NO-SUCH-PROJECT/cancellation-requests";
        given().when().get(missing).then().statusCode(404).contentType(PROBLEM).body("detail", containsString("NO-SUCH-PROJECT"));
        ask(planner(), "NO-SUCH-PROJECT", "不存在").statusCode(404).contentType(PROBLEM);
        decide(planner(), "NO-SUCH-PROJECT", request, "approval", "不存在").statusCode(404).contentType(PROBLEM);
        // The request is the other project's: not found under this one, and nothing is decided.
        given().when().get("/api/v1/projects/" + other + "/cancellation-requests/" + request).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("project " + other + " has no cancellation request " + request));
        decide(planner(), other, request, "approval", "错误的项目").statusCode(404).contentType(PROBLEM);
        decide(planner(), p, 999_999_999L, "refusal", "不存在").statusCode(404).contentType(PROBLEM);
        // A request id that is no number is malformed (400, as every numeric path parameter of the API), not unknown.
        decide(planner(), p, "abc", "refusal", "不是数字").statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/abc").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/" + request).then().statusCode(200).body("state", equalTo("OPEN"));
        assertEquals("IDENTIFICATION", status(other).getString("current"));
    }

    /** A planner who cancels the project directly settles the open request too: the step names it, the request is approved. */
    @Test
    void aDirectCancellationApprovesTheOpenRequest() {
        String p = project();
        long request = ask(department(SUPPORT), p, "资金来源取消").statusCode(201).extract().jsonPath().getLong("id");
        move(planner(), p, "CANCELLED", "规划调整取消").statusCode(201).body("history[1].cancellationRequest", equalTo((int) request))
                .body("history[1].reason", equalTo("规划调整取消"));
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/" + request).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("comment", equalTo("规划调整取消"));
    }

    /** So does a planner's import that moves the project to CANCELLED. */
    @Test
    void aCancellationByImportApprovesTheOpenRequest() {
        String p = project();
        long request = ask(department(LEAD), p, "资金来源取消").statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", planner()).contentType("text/csv").queryParam("entity", "projects")
                .body(("code,list,seq,category,nameZh,nameEn,tasksZh,tasksEn,zone,investmentType,departments,status,indicators,note\n"
                        + p + ",,,PEOPLES_LIVELIHOOD,测试项目,Test project,,,,," + LEAD + ":LEAD;" + SUPPORT + ":SUPPORT,CANCELLED,,\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(200).body("counts.projects.UPDATED", equalTo(1));
        assertEquals(request, status(p).getLong("history[1].cancellationRequest"));
        given().when().get("/api/v1/projects/" + p + "/cancellation-requests/" + request).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("comment", equalTo("cancelled by an import"));
    }

    /** Every write is audited and announced in the change feed: the request (created) and its decision (updated). */
    @Test
    void requestsAndDecisionsAreAuditedAndInTheChangeFeed() {
        String p = project();
        long request = ask(department(SUPPORT), p, "资金来源取消").statusCode(201).extract().jsonPath().getLong("id");
        decide(planner(), p, request, "approval", "同意取消").statusCode(200);
        JsonPath audit = given().queryParam("resourceType", "cancellation-request").queryParam("resource", p + "/" + request)
                .queryParam("sort", "occurredAt").when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(2, audit.getInt("total"));
        assertEquals(List.of("requestProjectCancellation", "approveCancellationRequest"), audit.getList("items.operation"));
        assertEquals("OPEN", audit.getString("items[1].before.state"));
        assertEquals("APPROVED", audit.getString("items[1].after.state"));
        assertEquals(1, given().queryParam("resourceType", "project-status").queryParam("resource", p).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getInt("total"));

        String subject = "/api/v1/projects/" + p + "/cancellation-requests/" + request;
        List<String> types = new ArrayList<>();
        String cursor = null;
        while (true) {
            var call = given().queryParam("limit", 500)
                    .queryParam("types", "gov.planmonitor.project.cancellation-request.created,gov.planmonitor.project.cancellation-request.updated");
            if (cursor != null) {
                call.queryParam("after", cursor);
            }
            JsonPath page = call.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                break;
            }
            items.stream().filter(e -> subject.equals(e.get("subject"))).forEach(e -> types.add((String) e.get("type")));
            cursor = page.getString("next");
        }
        assertEquals(List.of("gov.planmonitor.project.cancellation-request.created", "gov.planmonitor.project.cancellation-request.updated"), types);
    }
}
