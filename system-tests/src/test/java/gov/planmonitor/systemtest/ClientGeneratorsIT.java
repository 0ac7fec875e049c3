package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.client.nativejava.indicator.ApiException;
import gov.planmonitor.client.nativejava.indicator.api.ChangesApi;
import gov.planmonitor.client.nativejava.indicator.api.DepartmentsApi;
import gov.planmonitor.client.nativejava.indicator.api.IndicatorsApi;
import gov.planmonitor.client.nativejava.indicator.api.PlansApi;
import gov.planmonitor.client.nativejava.indicator.model.ChangePage;
import gov.planmonitor.client.nativejava.indicator.model.Department;
import gov.planmonitor.client.nativejava.indicator.model.DepartmentEvent;
import gov.planmonitor.client.nativejava.indicator.model.Event;
import gov.planmonitor.client.nativejava.indicator.model.Observation;
import gov.planmonitor.client.nativejava.indicator.model.Plan;
import gov.planmonitor.client.nativejava.indicator.model.Problem;
import gov.planmonitor.client.nativejava.project.api.ProjectListsApi;
import gov.planmonitor.client.nativejava.project.api.ProjectsApi;
import gov.planmonitor.client.nativejava.project.model.Project;
import gov.planmonitor.client.nativejava.report.api.ReportsApi;
import gov.planmonitor.client.nativejava.report.model.Report;
import gov.planmonitor.client.nativejava.report.model.ReportContent;
import gov.planmonitor.client.nativejava.report.model.ReportDiff;
import gov.planmonitor.client.nativejava.report.model.ReportRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One scenario, the calls an integrating team makes first, through the clients of every generator the README lists,
 * each generated from the three services' contracts by this module's POM and used untouched: openapi-generator's
 * {@code java} with the native library (here, in Java), {@code python}, {@code go} and {@code typescript-fetch}
 * (programs under src/test/clients, run as their users would). (The java okhttp-gson client and openapi-typescript are
 * {@link GeneratedClientsIT}'s, which calls every read.)
 *
 * <p>Each scenario reads typed fields, writes with If-Match and reads the stale write's 412 as a typed Problem, reads
 * a 404 as a typed Problem, finds its own write in the change feed as a typed event (the department's data typed by
 * the event's type), and reads a project list's summary, a report's content and a diff of two reports. Each prints what it found as one JSON
 * line; {@link #assertScenario} checks it against values worked out from the seeds, the same for every generator.
 */
class ClientGeneratorsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite running;
    private static Path clients;
    private static String token;
    private static UUID annual;
    private static UUID evaluation;

    @BeforeAll
    static void reports() throws Exception {
        running = RunningSuite.get();
        clients = running.root.resolve("system-tests");
        token = running.token("admin");
        ReportsApi reports = new ReportsApi(reportClient());
        annual = reports.requestReport(new ReportRequest().type(ReportRequest.TypeEnum.ANNUAL_EXECUTION).year(2017)).getId();
        evaluation = reports.requestReport(new ReportRequest().type(ReportRequest.TypeEnum.PLAN_EVALUATION).plan("FYP12")).getId();
        for (UUID id : List.of(annual, evaluation)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Report report;
            while ((report = reports.getReport(id, null)).getStatus() != Report.StatusEnum.SUCCEEDED) {
                assertTrue(report.getStatus() != Report.StatusEnum.FAILED && System.nanoTime() < deadline, report::toString);
                Thread.sleep(100);
            }
        }
    }

    /** What every scenario must have found, whatever the generator (the values worked out from the seeds by hand). */
    private static void assertScenario(String generator, String name, JsonNode out) {
        String at = generator + " printed " + out;
        // 13th Five-Year Plan: 2016-2020, 专栏2 lists 22 indicators and its text 23 more; AP2017-01 is the 2017 GDP: 3193 亿元, up 6.1%.
        assertEquals("FIVE_YEAR", out.at("/plan/kind").asText(), at);
        assertEquals(2016, out.at("/plan/startYear").asInt(), at);
        assertEquals(45, out.at("/plan/indicatorCount").asInt(), at);
        assertEquals(0, Double.compare(3193, Double.parseDouble(out.at("/observation/value").asText())), at);
        assertEquals(0, Double.compare(6.1, Double.parseDouble(out.at("/observation/growthRate").asText())), at);
        // 附件1's first key project.
        assertEquals("长堤大马路258—266号房屋改造工程", out.at("/project/nameZh").asText(), at);
        assertEquals("FUNCTIONAL_ZONES", out.at("/project/category").asText(), at);
        // The 2017 list as the 2017 execution report printed it: 23.9亿元 completed, 112.5% of the year's plan.
        assertEquals("23.9亿元", out.at("/summary/completedInvestment").asText(), at);
        assertEquals(0, Double.compare(112.5, Double.parseDouble(out.at("/summary/plannedShare").asText())), at);
        // The update with the ETag read took; the same ETag again is stale.
        assertEquals(name + " client bureau, renamed", out.at("/update/nameEn").asText(), at);
        assertEquals(412, out.at("/update/staleStatus").asInt(), at);
        assertEquals(412, out.at("/update/problemStatus").asInt(), at);
        assertEquals("The resource changed since it was read", out.at("/update/problemTitle").asText(), at);
        assertEquals(404, out.at("/notFound/status").asInt(), at);
        assertEquals(404, out.at("/notFound/problemStatus").asInt(), at);
        assertEquals("Not found", out.at("/notFound/title").asText(), at);
        assertEquals("no plan with code NO-SUCH-PLAN", out.at("/notFound/detail").asText(), at);
        // Its department's creation, once in the feed, typed: a DepartmentEvent whose data is a Department.
        assertEquals(1, out.path("events").size(), at);
        assertEquals("DepartmentEvent", out.at("/events/0/eventClass").asText(), at);
        assertTrue(out.at("/events/0/dataClass").asText().endsWith("Department"), at);
        assertEquals("gov.planmonitor.indicator.department.created", out.at("/events/0/type").asText(), at);
        assertEquals(name + "客户端测试局", out.at("/events/0/nameZh").asText(), at);
        // The 2017 execution report: 6 indicators of the 2017 plan; the FYP12 evaluation differs from it.
        assertEquals("AP2017", out.at("/content/plan").asText(), at);
        assertEquals("越秀区2017年国民经济和社会发展计划执行情况报告", out.at("/content/titleZh").asText(), at);
        assertEquals(6, out.at("/content/indicators").asInt(), at);
        assertEquals(false, out.at("/diff/identical").asBoolean(true), at);
        assertEquals("PLAN_EVALUATION", out.at("/diff/toType").asText(), at);
        assertTrue(out.at("/diff/changes").asInt() > 0, at);
    }

    private static Map<String, String> env() {
        return Map.of("TOKEN", token, "RUN", RUN, "REPORT_A", annual.toString(), "REPORT_B", evaluation.toString());
    }

    /** The last line a scenario printed, as JSON. */
    private static JsonNode lastLine(String output) throws Exception {
        List<String> lines = output.strip().lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    // ---- python ----------------------------------------------------------------------------------------------------

    @Test
    void pythonClients() throws Exception {
        assumeTrue(canRun("python3", "-c", "import pydantic, urllib3, dateutil, typing_extensions; assert pydantic.VERSION >= '2'"),
                "python3 with pydantic 2, urllib3, python-dateutil and typing-extensions (the generated requirements.txt)");
        Path generated = clients.resolve("target/generated-clients/python");
        Map<String, String> env = new LinkedHashMap<>(env());
        env.put("PYTHONPATH", String.join(":", generated.resolve("indicator").toString(), generated.resolve("project").toString(),
                generated.resolve("report").toString()));
        String output = running.run("python scenario", List.of("python3", "src/test/clients/python/scenario.py"), clients, env, TIMEOUT);
        assertScenario("python", "Python", lastLine(output));
    }

    // ---- go ------------------------------------------------------------------------------------------------------------

    @Test
    void goClients() throws Exception {
        assumeTrue(canRun("go", "version"), "go on the PATH (Debian: apt-get install golang-go)");
        Path binary = clients.resolve("target/generated-clients/go/scenario");
        // No module is downloaded: the clients need only Go's standard library, and go.mod replaces them by their folders.
        Map<String, String> build = Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off", "GOWORK", "off", "GOTOOLCHAIN", "local");
        running.run("go build", List.of("go", "build", "-o", binary.toString(), "."), clients.resolve("src/test/clients/go"), build, TIMEOUT);
        String output = running.run("go scenario", List.of(binary.toString()), clients, env(), TIMEOUT);
        assertScenario("go", "Go", lastLine(output));
    }

    // ---- typescript-fetch ----------------------------------------------------------------------------------------------

    @Test
    void typeScriptFetchClients() throws Exception {
        Path tsc = running.root.resolve("api-contract/node_modules/.bin/tsc");
        assertTrue(Files.isExecutable(tsc), tsc + " is missing: build api-contract first");
        running.run("tsc typescript-fetch", List.of(tsc.toString(), "-p", "src/test/clients/typescript-fetch/tsconfig.json"), clients, Map.of(), TIMEOUT);
        Path compiled = clients.resolve("target/generated-clients/typescript-fetch/out/src/test/clients/typescript-fetch/scenario.js");
        String output = running.run("typescript-fetch scenario", List.of("node", compiled.toString()), clients, env(), TIMEOUT);
        assertScenario("typescript-fetch", "TypeScript", lastLine(output));
    }

    // ---- java, native library ----------------------------------------------------------------------------------------

    @Test
    void javaNativeClients() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        gov.planmonitor.client.nativejava.indicator.ApiClient indicator = new gov.planmonitor.client.nativejava.indicator.ApiClient();
        indicator.updateBaseUri(running.indicatorUrl);
        indicator.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        gov.planmonitor.client.nativejava.project.ApiClient project = new gov.planmonitor.client.nativejava.project.ApiClient();
        project.updateBaseUri(running.projectUrl);

        Plan plan = new PlansApi(indicator).getPlan("FYP13", null);
        out.put("plan", Map.of("kind", plan.getKind().getValue(), "startYear", plan.getStartYear(), "indicatorCount", plan.getIndicatorCount()));
        Observation observation = new IndicatorsApi(indicator).getObservation("AP2017-01", 2017, null);
        out.put("observation", Map.of("value", observation.getValue().toPlainString(), "growthRate", observation.getGrowthRate().toPlainString()));
        Project p = new ProjectsApi(project).getProject("FYP13-KP-01", null);
        out.put("project", Map.of("nameZh", p.getNameZh(), "category", p.getCategory().getCode()));
        var reported = new ProjectListsApi(project).summarizeProjectList("AP2017-KEY", 2017, null).getList().getReported();
        out.put("summary", Map.of("completedInvestment", reported.getCompletedInvestment().getDisplay(),
                "plannedShare", reported.getPlannedInvestmentShare().toPlainString()));

        DepartmentsApi departments = new DepartmentsApi(indicator);
        String code = "GC_JAVA_" + RUN;
        departments.createDepartment(new Department().code(code).nameZh("Java客户端测试局").nameEn("Java client bureau"));
        String etag = departments.getDepartmentWithHttpInfo(code, null).getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("ETag")).findFirst().orElseThrow().getValue().get(0);
        Department updated = departments.updateDepartment(code, etag, new Department().code(code).nameZh("Java客户端测试局").nameEn("Java client bureau, renamed"));
        Map<String, Object> update = new LinkedHashMap<>(Map.of("nameEn", updated.getNameEn()));
        try {
            departments.updateDepartment(code, etag, new Department().code(code).nameZh("Java客户端测试局").nameEn("stale"));
        } catch (ApiException stale) {
            Problem problem = problem(stale);
            update.putAll(Map.of("staleStatus", stale.getCode(), "problemStatus", problem.getStatus(), "problemTitle", problem.getTitle()));
        }
        out.put("update", update);
        try {
            new PlansApi(indicator).getPlan("NO-SUCH-PLAN", null);
        } catch (ApiException missing) {
            Problem problem = problem(missing);
            out.put("notFound", Map.of("status", missing.getCode(), "problemStatus", problem.getStatus(), "title", problem.getTitle(), "detail", problem.getDetail()));
        }

        List<Map<String, Object>> found = new ArrayList<>();
        ChangesApi feed = new ChangesApi(indicator);
        String after = null;
        while (true) {
            ChangePage page = feed.listChanges(after, 500, "gov.planmonitor.indicator.department.created");
            for (Event item : page.getItems()) {
                if (item.getActualInstance() instanceof DepartmentEvent event && event.getSubject().equals("/api/v1/departments/" + code)) {
                    found.add(Map.of("eventClass", event.getClass().getSimpleName(), "type", event.getType().getValue(),
                            "dataClass", event.getData().getClass().getSimpleName(), "nameZh", event.getData().getNameZh()));
                }
            }
            if (page.getItems().isEmpty()) {
                break;
            }
            after = page.getNext();
        }
        out.put("events", found);

        ReportsApi reports = new ReportsApi(reportClient());
        ReportContent content = reports.getReportContent(annual, null, null);
        out.put("content", Map.of("plan", content.getPlan(), "titleZh", content.getTitleZh(), "indicators", content.getIndicators().size()));
        ReportDiff diff = reports.diffReports(annual, evaluation, null);
        out.put("diff", Map.of("identical", diff.getIdentical(), "toType", diff.getTo().getType(), "changes", diff.getChanges().size()));

        assertScenario("java native", "Java", JSON.valueToTree(out));
    }

    private static gov.planmonitor.client.nativejava.report.ApiClient reportClient() {
        gov.planmonitor.client.nativejava.report.ApiClient client = new gov.planmonitor.client.nativejava.report.ApiClient();
        client.updateBaseUri(running.reportUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static Problem problem(ApiException e) {
        try {
            return new gov.planmonitor.client.nativejava.indicator.JSON().getMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (Exception notAProblem) {
            return fail("not a Problem (" + e.getCode() + "): " + e.getResponseBody(), notAProblem);
        }
    }

    /** Whether the command runs and exits 0 here (a toolchain present). */
    private static boolean canRun(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (Exception absent) {
            return false;
        }
    }
}
