package gov.planmonitor.systemtest;

import gov.planmonitor.launcher.DevelopmentKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may write what: every write operation of the three services, called by every kind of caller, against the
 * packaged suite. Each cell works on resources made for it, with a token whose subject no other cell uses, and then
 * reads that subject's audit trail: a successful write left exactly its entries (right operation, resource, before
 * and after), a refused one none. The expected table is in the README (between the authorization-matrix markers);
 * {@code -Dmatrix.update=true} writes it there.
 */
class AuthorizationMatrixIT {

    /** The department that leads every indicator and project the cells write to, and one that has nothing to do with them. */
    static final String OWNER = "DRC";
    static final String OTHER = "EDU";

    enum Caller {
        ANONYMOUS("anonymous"), PLANNER("planner"), OWN_DEPARTMENT("own department"), OTHER_DEPARTMENT("other department"),
        REPORTER("reporter"), ADMIN("admin"), EXPIRED("expired token"), FOREIGN_KEY("token signed by another key"), ALG_NONE("`alg: none` token");

        final String label;

        Caller(String label) {
            this.label = label;
        }

        boolean invalid() {
            return this == ANONYMOUS || this == EXPIRED || this == FOREIGN_KEY || this == ALG_NONE;
        }
    }

    /** A request ready to send: everything but the caller's token. */
    record Request(String method, String url, String contentType, Object body, String ifMatch) {
    }

    /**
     * One write operation: the service and operationId, the status a permitted caller gets, who is permitted, the
     * resource kind its audit entry names and whether it creates (no "before"), and how to set up a fresh target.
     */
    record Operation(String service, String method, String path, String operationId, String variant, int success, Set<Caller> allowed,
                     String resourceType, boolean creates, Supplier<Request> setup) {

        String label() {
            return "`" + method + " " + path + "` " + operationId + (variant == null ? "" : " (" + variant + ")");
        }

        int expected(Caller caller) {
            return caller.invalid() ? 401 : allowed.contains(caller) ? success : 403;
        }

        @Override
        public String toString() {
            return service + " " + operationId + (variant == null ? "" : " " + variant);
        }
    }

    private static final Set<Caller> PLANNERS = EnumSet.of(Caller.PLANNER, Caller.ADMIN);
    private static final Set<Caller> OWNERS = EnumSet.of(Caller.OWN_DEPARTMENT, Caller.ADMIN);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    private static final Path README_MARKER_DIR = Path.of("..");

    private static RunningSuite running;
    private static DevelopmentKeys foreignKeys;

    @BeforeAll
    static void start() throws Exception {
        running = RunningSuite.get();
        foreignKeys = DevelopmentKeys.in(Files.createTempDirectory("foreign-keys"));
    }

    static List<Operation> operations() {
        return List.of(
                op("indicator-service", "POST", "/api/v1/plans", "createPlan", null, 201, PLANNERS, "plan", true,
                        () -> post(ind("/api/v1/plans"), plan(code("P")))),
                op("indicator-service", "PUT", "/api/v1/plans/{code}", "updatePlan", null, 200, PLANNERS, "plan", false, () -> {
                    String plan = newPlan();
                    Map<String, Object> body = plan(plan);
                    body.put("titleEn", "Renamed plan " + plan);
                    return put(ind("/api/v1/plans/" + plan), body, etag(ind("/api/v1/plans/" + plan)));
                }),
                op("indicator-service", "POST", "/api/v1/plans/{code}/indicators", "createIndicator", null, 201, PLANNERS, "indicator", true,
                        () -> post(ind("/api/v1/plans/" + newPlan() + "/indicators"), indicator(code("I")))),
                op("indicator-service", "PUT", "/api/v1/indicators/{code}", "updateIndicator", null, 200, PLANNERS, "indicator", false, () -> {
                    String code = newIndicator(newPlan());
                    Map<String, Object> body = indicator(code);
                    body.put("nameEn", "Renamed indicator " + code);
                    return put(ind("/api/v1/indicators/" + code), body, etag(ind("/api/v1/indicators/" + code)));
                }),
                op("indicator-service", "POST", "/api/v1/indicators/{code}/targets", "reviseTarget", null, 201, PLANNERS, "indicator", false,
                        () -> post(ind("/api/v1/indicators/" + newIndicator(newPlan()) + "/targets"),
                                Map.of("text", "8左右", "effectiveFrom", "2023-01-01", "reason", "规划中期调整 mid-term adjustment"))),
                op("indicator-service", "PUT", "/api/v1/indicators/{code}/observations/{year}", "putObservation", null, 201, OWNERS, "observation", true,
                        () -> put(ind("/api/v1/indicators/" + newIndicator(newPlan()) + "/observations/2022"),
                                Map.of("value", 6.5, "status", "FINAL"), null)),
                op("indicator-service", "POST", "/api/v1/departments", "createDepartment", null, 201, PLANNERS, "department", true,
                        () -> post(ind("/api/v1/departments"), department(departmentCode()))),
                op("indicator-service", "PUT", "/api/v1/departments/{code}", "updateDepartment", null, 200, PLANNERS, "department", false, () -> {
                    String code = departmentCode();
                    admin(post(ind("/api/v1/departments"), department(code)), 201);
                    Map<String, Object> body = department(code);
                    body.put("nameEn", "Renamed bureau " + code);
                    return put(ind("/api/v1/departments/" + code), body, etag(ind("/api/v1/departments/" + code)));
                }),
                op("indicator-service", "POST", "/api/v1/imports", "importData", "plans", 200, PLANNERS, "plan", true, () -> csv(
                        ind("/api/v1/imports?entity=plans"), "code,kind,startYear,endYear,titleZh,titleEn,parent\n"
                                + code("P") + ",FIVE_YEAR,2021,2025,导入的规划,Imported plan,\n")),
                op("indicator-service", "POST", "/api/v1/imports", "importData", "observations", 200, OWNERS, "observation", true, () -> csv(
                        ind("/api/v1/imports?entity=observations"), "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,"
                                + "qualitativeEn,comparable,source,note\n" + newIndicator(newPlan()) + ",2022,,6.5,,,FINAL,,,true,统计公报,\n")),
                // Tasks carry no commitments here: a commitment's departments follow its task's, which would add indicator entries.
                op("indicator-service", "POST", "/api/v1/tasks", "createTask", null, 201, PLANNERS, "task", true,
                        () -> post(ind("/api/v1/tasks"), task(code("T"), newPlan(), List.of(OWNER), List.of()))),
                op("indicator-service", "PUT", "/api/v1/tasks/{code}", "replaceTask", null, 200, PLANNERS, "task", false, () -> {
                    String plan = newPlan();
                    String code = newTask(plan, List.of(OWNER), List.of());
                    Map<String, Object> body = task(code, plan, List.of(OWNER), List.of());
                    body.put("deadline", "2023-06-30");
                    return put(ind("/api/v1/tasks/" + code), body, etag(ind("/api/v1/tasks/" + code)));
                }),
                op("indicator-service", "DELETE", "/api/v1/tasks/{code}", "deleteTask", null, 204, PLANNERS, "task", false,
                        () -> new Request("DELETE", ind("/api/v1/tasks/" + newTask(newPlan(), List.of(OWNER), List.of())), null, null, null)),
                // Text only: with progress or a status the task moves too, which writes a task entry beside the update's.
                op("indicator-service", "POST", "/api/v1/tasks/{code}/updates", "postTaskUpdate", "own department leads", 201,
                        EnumSet.of(Caller.PLANNER, Caller.OWN_DEPARTMENT, Caller.ADMIN), "taskUpdate", true,
                        () -> post(ind("/api/v1/tasks/" + newTask(newPlan(), List.of(OWNER), List.of()) + "/updates"),
                                Map.of("text", "已完成现场踏勘，方案编制中 site survey done, plan being drafted"))),
                op("indicator-service", "POST", "/api/v1/tasks/{code}/updates", "postTaskUpdate", "own department supports", 201,
                        EnumSet.of(Caller.PLANNER, Caller.OWN_DEPARTMENT, Caller.ADMIN), "taskUpdate", true,
                        () -> post(ind("/api/v1/tasks/" + newTask(newPlan(), List.of("COMMERCE"), List.of(OWNER)) + "/updates"),
                                Map.of("text", "配合提供用地资料 land data supplied"))),
                // Only the lead unit or a planner moves the status; a planner's move also writes the task's entry.
                op("indicator-service", "POST", "/api/v1/tasks/{code}/updates", "postTaskUpdate", "status move; own department supports", 201, PLANNERS,
                        "taskUpdate", true,
                        () -> post(ind("/api/v1/tasks/" + newTask(newPlan(), List.of("COMMERCE"), List.of(OWNER)) + "/updates"),
                                Map.of("text", "项目已开工 work started", "status", "IN_PROGRESS"))),
                op("indicator-service", "POST", "/api/v1/tasks/{code}/updates/{id}/return", "returnTaskUpdate", null, 200, PLANNERS, "taskUpdate", false,
                        () -> {
                            String code = newTask(newPlan(), List.of(OWNER), List.of());
                            long update = admin(post(ind("/api/v1/tasks/" + code + "/updates"), Map.of("text", "已完成 done")), 201)
                                    .jsonPath().getLong("id");
                            return post(ind("/api/v1/tasks/" + code + "/updates/" + update + "/return"), Map.of("comment", "请补充佐证材料 evidence missing"));
                        }),
                op("indicator-service", "POST", "/api/v1/plans/{code}/task-assignments", "importTaskAssignments", null, 200, PLANNERS, "task", false,
                        () -> {
                            String plan = newPlan();
                            String code = newTask(plan, List.of(), List.of());
                            return csv(ind("/api/v1/plans/" + plan + "/task-assignments"), "序号,任务,牵头单位,配合单位,完成时限\n"
                                    + code + ",,区发改局,,2023年6月底\n");
                        }),
                op("indicator-service", "POST", "/api/v1/imports", "importData", "tasks", 200, PLANNERS, "task", true, () -> csv(
                        ind("/api/v1/imports?entity=tasks"), "code,plan,parent,seq,textZh,textEn,lead,supporting,deadline,commitments,source\n"
                                + code("T") + "," + newPlan() + ",,1,导入的任务,Imported task," + OWNER + ",,2023-12-31,,\n")),

                op("project-service", "POST", "/api/v1/project-lists", "createProjectList", null, 201, PLANNERS, "project-list", true,
                        () -> post(prj("/api/v1/project-lists"), projectList(code("L")))),
                op("project-service", "PUT", "/api/v1/project-lists/{code}", "updateProjectList", null, 200, PLANNERS, "project-list", false, () -> {
                    String list = code("L");
                    admin(post(prj("/api/v1/project-lists"), projectList(list)), 201);
                    Map<String, Object> body = projectList(list);
                    body.put("nameEn", "Renamed list " + list);
                    return put(prj("/api/v1/project-lists/" + list), body, etag(prj("/api/v1/project-lists/" + list)));
                }),
                op("project-service", "POST", "/api/v1/projects", "createProject", null, 201, PLANNERS, "project", true,
                        () -> post(prj("/api/v1/projects"), project(code("KP")))),
                op("project-service", "PUT", "/api/v1/projects/{id}", "updateProject", null, 200, PLANNERS, "project", false, () -> {
                    String id = newProject();
                    Map<String, Object> body = project(id);
                    body.put("nameEn", "Renamed project " + id);
                    return put(prj("/api/v1/projects/" + id), body, etag(prj("/api/v1/projects/" + id)));
                }),
                op("project-service", "POST", "/api/v1/projects/{id}/status", "changeProjectStatus", null, 201,
                        EnumSet.of(Caller.PLANNER, Caller.OWN_DEPARTMENT, Caller.ADMIN), "project-status", false,
                        () -> {
                            String id = newProject();
                            return new Request("POST", prj("/api/v1/projects/" + id + "/status"), "application/json",
                                    Map.of("to", "PREPARATION", "date", LocalDate.now().toString()), etag(prj("/api/v1/projects/" + id)));
                        }),
                // CANCELLED is final: a planner's decision; the project's departments ask for it (requestProjectCancellation).
                op("project-service", "POST", "/api/v1/projects/{id}/status", "changeProjectStatus", "to CANCELLED", 201, PLANNERS, "project-status", false,
                        () -> {
                            String id = newProject();
                            return new Request("POST", prj("/api/v1/projects/" + id + "/status"), "application/json",
                                    Map.of("to", "CANCELLED", "date", LocalDate.now().toString(), "reason", "规划调整取消"), etag(prj("/api/v1/projects/" + id)));
                        }),
                op("project-service", "POST", "/api/v1/projects/{id}/cancellation-requests", "requestProjectCancellation", null, 201,
                        EnumSet.of(Caller.PLANNER, Caller.OWN_DEPARTMENT, Caller.ADMIN), "cancellation-request", true,
                        () -> post(prj("/api/v1/projects/" + newProject() + "/cancellation-requests"), Map.of("reason", "资金来源取消，申请取消项目"))),
                op("project-service", "POST", "/api/v1/projects/{id}/cancellation-requests/{requestId}/approval", "approveCancellationRequest", null, 200,
                        PLANNERS, "cancellation-request", false,
                        () -> post(newCancellationRequest() + "/approval", Map.of("comment", "规划调整，同意取消"))),
                op("project-service", "POST", "/api/v1/projects/{id}/cancellation-requests/{requestId}/refusal", "refuseCancellationRequest", null, 200,
                        PLANNERS, "cancellation-request", false,
                        () -> post(newCancellationRequest() + "/refusal", Map.of("comment", "项目仍在规划内，不同意取消"))),
                op("project-service", "PUT", "/api/v1/projects/{id}/investments/{year}", "putInvestment", null, 201, OWNERS, "investment", true,
                        () -> put(prj("/api/v1/projects/" + newProject() + "/investments/2022"), Map.of("planned", 12_000_000, "completed", 3_000_000), null)),
                op("project-service", "POST", "/api/v1/projects/{id}/milestones", "addMilestone", null, 201, OWNERS, "milestone", true,
                        () -> post(prj("/api/v1/projects/" + newProject() + "/milestones"), Map.of("nameZh", "主体结构封顶", "plannedDate", "2022-06-30"))),
                op("project-service", "PUT", "/api/v1/projects/{id}/milestones/{milestoneId}", "updateMilestone", null, 200, OWNERS, "milestone", false, () -> {
                    String id = newProject();
                    long milestone = admin(post(prj("/api/v1/projects/" + id + "/milestones"), Map.of("nameZh", "竣工验收", "plannedDate", "2022-06-30")), 201)
                            .jsonPath().getLong("id");
                    String url = prj("/api/v1/projects/" + id + "/milestones/" + milestone);
                    return put(url, Map.of("nameZh", "竣工验收", "plannedDate", "2022-09-30"), etag(url));
                }),
                op("project-service", "POST", "/api/v1/projects/{id}/updates", "addProgressUpdate", null, 201, OWNERS, "progress-update", true,
                        () -> post(prj("/api/v1/projects/" + newProject() + "/updates"), Map.of("date", "2022-06-30", "textZh", "完成主体结构60%", "progressPercent", 60))),
                op("project-service", "POST", "/api/v1/imports", "importProjectData", "lists", 200, PLANNERS, "project-list", true, () -> csv(
                        prj("/api/v1/imports?entity=lists"), "code,nameZh,nameEn,year,plan,reportedProjectCount,reportedCompletedInvestmentYuan,"
                                + "reportedPlannedInvestmentShare,reportedNote\n" + code("L") + ",导入的清单,Imported list,2022,,,,,\n")),
                op("project-service", "POST", "/api/v1/imports", "importProjectData", "investments", 200, OWNERS, "investment", true, () -> csv(
                        prj("/api/v1/imports?entity=investments"), "project,year,plannedYuan,completedYuan,note\n" + newProject() + ",2022,5000000,1000000,\n")),

                op("report-service", "POST", "/api/v1/reports", "requestReport", null, 202, EnumSet.of(Caller.REPORTER, Caller.ADMIN), "report", true,
                        () -> post(rep("/api/v1/reports"), Map.of("type", "PLAN_EVALUATION", "plan", "FYP12"))));
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Operation operation : operations()) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(operation, caller));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void onlyThePermittedCallerWrites(Operation operation, Caller caller) {
        Request request = operation.setup().get();
        String subject = "matrix-" + RUN + "-" + SEQUENCE.incrementAndGet();
        Response response = send(request, token(caller, subject));

        int expected = operation.expected(caller);
        assertEquals(expected, response.statusCode(), () -> operation + " by " + caller.label + ": " + response.asString());
        if (expected >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            assertFalse(response.jsonPath().getString("detail").isBlank());
        }

        JsonPath audit = given().header("Authorization", "Bearer " + running.token("admin"))
                .queryParam("subject", subject).queryParam("size", 50)
                .get(baseUrl(operation.service()) + "/api/v1/audit").then().statusCode(200).extract().jsonPath();
        if (expected >= 400) {
            assertEquals(0, audit.getInt("total"), () -> "a refused write left an audit entry: " + audit.prettify());
            return;
        }
        List<Map<String, Object>> entries = audit.getList("items");
        assertFalse(entries.isEmpty(), () -> operation + " by " + caller.label + " left no audit entry");
        for (Map<String, Object> entry : entries) {
            assertEquals(operation.operationId(), entry.get("operation"));
            assertEquals(subject, entry.get("subject"));
            assertNotNull(entry.get("requestId"));
        }
        Map<String, Object> main = entries.stream().filter(e -> operation.resourceType().equals(e.get("resourceType"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operation.resourceType() + " entry in " + audit.prettify()));
        if (operation.method().equals("DELETE")) {
            assertNotNull(main.get("before"), "the state before a delete");
            assertNull(main.get("after"), "nothing after a delete");
            return;
        }
        assertNotNull(main.get("after"), "the state after the write");
        if (operation.creates()) {
            assertNull(main.get("before"), "nothing before a create");
        } else {
            assertNotNull(main.get("before"), "the state before an update");
            assertTrue(!main.get("before").equals(main.get("after")), "before and after differ");
        }
    }

    @Test
    void theReadmeShowsTheMatrix() throws Exception {
        Path readme = running.root.resolve("README.md");
        String text = Files.readString(readme);
        String begin = "<!-- authorization-matrix: generated by AuthorizationMatrixIT; -Dmatrix.update=true rewrites it -->\n";
        String end = "<!-- /authorization-matrix -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md has no authorization-matrix markers");
        String table = table();
        if (Boolean.getBoolean("matrix.update")) {
            Files.writeString(readme, text.substring(0, from + begin.length()) + table + text.substring(to));
            return;
        }
        assertEquals(table, text.substring(from + begin.length(), to), "the README's matrix differs from the test's; run with -Dmatrix.update=true");
    }

    /** The expected statuses as a Markdown table, one row per operation, one column per caller. */
    static String table() {
        StringBuilder sb = new StringBuilder("| Service | Operation |");
        for (Caller caller : Caller.values()) {
            sb.append(' ').append(caller.label).append(" |");
        }
        sb.append("\n|---|---|");
        sb.append("---|".repeat(Caller.values().length)).append('\n');
        for (Operation operation : operations()) {
            sb.append("| ").append(operation.service()).append(" | ").append(operation.label()).append(" |");
            for (Caller caller : Caller.values()) {
                sb.append(' ').append(operation.expected(caller)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    private static String token(Caller caller, String subject) {
        DevelopmentKeys keys = running.suite.keys();
        Duration hour = Duration.ofHours(1);
        return switch (caller) {
            case ANONYMOUS -> null;
            case PLANNER -> keys.token(subject, "规划科 " + subject, List.of("planner"), List.of(), hour);
            case OWN_DEPARTMENT -> keys.token(subject, "区发改局 " + subject, List.of("department"), List.of(OWNER), hour);
            case OTHER_DEPARTMENT -> keys.token(subject, "区教育局 " + subject, List.of("department"), List.of(OTHER), hour);
            case REPORTER -> keys.token(subject, "报告员 " + subject, List.of("reporter"), List.of(), hour);
            case ADMIN -> keys.token(subject, "管理员 " + subject, List.of("admin"), List.of(), hour);
            case EXPIRED -> keys.token(subject, "管理员 " + subject, List.of("admin"), List.of(), Duration.ofHours(-1));
            case FOREIGN_KEY -> foreignKeys.token(subject, "管理员 " + subject, List.of("admin"), List.of(), hour);
            case ALG_NONE -> unsigned(keys.token(subject, "管理员 " + subject, List.of("admin"), List.of(), hour));
        };
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String signed) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + signed.split("\\.")[1] + ".";
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    private static Response send(Request request, String token) {
        RequestSpecification spec = given();
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (request.ifMatch() != null) {
            spec = spec.header("If-Match", request.ifMatch());
        }
        if (request.body() == null) {
            // A DELETE: no body to send.
        } else if (request.contentType().equals("text/csv")) {
            spec = spec.contentType("text/csv; charset=UTF-8").body(((String) request.body()).getBytes(StandardCharsets.UTF_8));
        } else {
            spec = spec.contentType(ContentType.JSON).body(request.body());
        }
        return spec.request(request.method(), request.url());
    }

    private static Response admin(Request request, int status) {
        Response response = send(request, running.token("admin"));
        assertEquals(status, response.statusCode(), () -> "setup " + request + ": " + response.asString());
        return response;
    }

    private static Operation op(String service, String method, String path, String operationId, String variant, int success,
                                Set<Caller> allowed, String resourceType, boolean creates, Supplier<Request> setup) {
        return new Operation(service, method, path, operationId, variant, success, allowed, resourceType, creates, setup);
    }

    private static Request post(String url, Object body) {
        return new Request("POST", url, "application/json", body, null);
    }

    private static Request put(String url, Object body, String ifMatch) {
        return new Request("PUT", url, "application/json", body, ifMatch);
    }

    private static Request csv(String url, String body) {
        return new Request("POST", url, "text/csv", body, null);
    }

    private static String etag(String url) {
        return given().get(url).then().statusCode(200).extract().header("ETag");
    }

    private static String baseUrl(String service) {
        return switch (service) {
            case "indicator-service" -> running.indicatorUrl;
            case "project-service" -> running.projectUrl;
            default -> running.reportUrl;
        };
    }

    private static String ind(String path) {
        return running.indicatorUrl + path;
    }

    private static String prj(String path) {
        return running.projectUrl + path;
    }

    private static String rep(String path) {
        return running.reportUrl + path;
    }

    // ---- fresh resources, made by an admin ----------------------------------------------------------------------

    private static String code(String prefix) {
        return "M" + prefix + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    private static String departmentCode() {
        return "MD_" + RUN + "_" + SEQUENCE.incrementAndGet();
    }

    private static Map<String, Object> plan(String code) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", code);
        plan.put("kind", "FIVE_YEAR");
        plan.put("startYear", 2021);
        plan.put("endYear", 2025);
        plan.put("titleZh", "授权测试规划" + code);
        plan.put("titleEn", "Authorization test plan " + code);
        return plan;
    }

    private static String newPlan() {
        String code = code("P");
        admin(post(ind("/api/v1/plans"), plan(code)), 201);
        return code;
    }

    /** An indicator led by {@link #OWNER}. */
    private static Map<String, Object> indicator(String code) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", code);
        indicator.put("seq", 1);
        indicator.put("nameZh", "地区生产总值年均增长率");
        indicator.put("nameEn", "Average annual growth rate of regional GDP");
        indicator.put("category", "ECONOMY");
        indicator.put("unit", "%");
        indicator.put("attribute", "EXPECTED");
        indicator.put("direction", "INCREASE");
        indicator.put("departments", List.of(Map.of("code", OWNER, "role", "LEAD")));
        indicator.put("target", Map.of("text", "7左右"));
        return indicator;
    }

    private static String newIndicator(String plan) {
        String code = code("I");
        admin(post(ind("/api/v1/plans/" + plan + "/indicators"), indicator(code)), 201);
        return code;
    }

    private static Map<String, Object> department(String code) {
        Map<String, Object> department = new LinkedHashMap<>();
        department.put("code", code);
        department.put("nameZh", "测试局" + code);
        department.put("nameEn", "Test bureau " + code);
        return department;
    }

    private static Map<String, Object> projectList(String code) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("code", code);
        list.put("nameZh", "授权测试清单");
        list.put("nameEn", "Authorization test list");
        list.put("year", 2022);
        return list;
    }

    /** A task of the plan (an area, so it needs no parent) with these lead and supporting units. */
    private static Map<String, Object> task(String code, String plan, List<String> lead, List<String> supporting) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("code", code);
        task.put("plan", plan);
        task.put("seq", 1);
        task.put("textZh", "关停或搬迁“三不”专业市场3个以上。");
        task.put("textEn", "Close or relocate at least 3 \"three-no\" wholesale markets.");
        task.put("lead", lead);
        task.put("supporting", supporting);
        return task;
    }

    private static String newTask(String plan, List<String> lead, List<String> supporting) {
        String code = code("T");
        admin(post(ind("/api/v1/tasks"), task(code, plan, lead, supporting)), 201);
        return code;
    }

    /** A project {@link #OWNER} is responsible for. */
    private static Map<String, Object> project(String id) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("id", id);
        project.put("nameZh", "授权测试项目" + id);
        project.put("nameEn", "Authorization test project " + id);
        project.put("category", "PEOPLES_LIVELIHOOD");
        project.put("departments", List.of(Map.of("code", OWNER, "role", "LEAD")));
        return project;
    }

    private static String newProject() {
        String id = code("KP");
        admin(post(prj("/api/v1/projects"), project(id)), 201);
        return id;
    }

    /** The URL of an open cancellation request of a new project. */
    private static String newCancellationRequest() {
        String id = newProject();
        long request = admin(post(prj("/api/v1/projects/" + id + "/cancellation-requests"), Map.of("reason", "资金来源取消，申请取消项目")), 201)
                .jsonPath().getLong("id");
        return prj("/api/v1/projects/" + id + "/cancellation-requests/" + request);
    }
}
