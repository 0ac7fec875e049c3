package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import gov.planmonitor.client.indicator.api.AuditApi;
import gov.planmonitor.client.indicator.api.ChangesApi;
import gov.planmonitor.client.indicator.api.DepartmentsApi;
import gov.planmonitor.client.indicator.api.ImportAndExportApi;
import gov.planmonitor.client.indicator.api.IndicatorsApi;
import gov.planmonitor.client.indicator.api.PlansApi;
import gov.planmonitor.client.indicator.api.TasksApi;
import gov.planmonitor.client.indicator.model.Department;
import gov.planmonitor.client.indicator.model.DepartmentIndicator;
import gov.planmonitor.client.indicator.model.Evaluation;
import gov.planmonitor.client.indicator.model.EvaluationItem;
import gov.planmonitor.client.indicator.model.Indicator;
import gov.planmonitor.client.indicator.model.Observation;
import gov.planmonitor.client.indicator.model.Plan;
import gov.planmonitor.client.indicator.model.Target;
import gov.planmonitor.client.project.api.ProjectListsApi;
import gov.planmonitor.client.project.api.ProjectsApi;
import gov.planmonitor.client.project.model.CancellationRequest;
import gov.planmonitor.client.project.model.CancellationRequestInput;
import gov.planmonitor.client.project.model.CodeName;
import gov.planmonitor.client.project.model.DepartmentRole;
import gov.planmonitor.client.project.model.Investment;
import gov.planmonitor.client.project.model.InvestmentInput;
import gov.planmonitor.client.project.model.ListSummary;
import gov.planmonitor.client.project.model.Milestone;
import gov.planmonitor.client.project.model.MilestoneInput;
import gov.planmonitor.client.project.model.ProgressUpdate;
import gov.planmonitor.client.project.model.ProgressUpdateInput;
import gov.planmonitor.client.project.model.Project;
import gov.planmonitor.client.project.model.ProjectInput;
import gov.planmonitor.client.project.model.ProjectList;
import gov.planmonitor.client.project.model.ProjectStatus;
import gov.planmonitor.client.report.api.ReportsApi;
import gov.planmonitor.client.report.model.Report;
import gov.planmonitor.client.report.model.ReportDiff;
import gov.planmonitor.client.report.model.ReportRequest;
import gov.planmonitor.testsupport.ContractConformance;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The clients an integrating team generates from the committed contracts, against the packaged suite: the Java clients
 * of the three per-service contracts (openapi-generator's {@code java} generator, default library okhttp-gson, generated
 * by this module's POM) and api-contract's TypeScript client (openapi-typescript + openapi-fetch). Each client has one
 * base URL per service, as the README's "For integrating systems" says.
 *
 * <p>Both call every GET operation of the three contracts with real parameters and check typed fields, request a report
 * and follow it to SUCCEEDED, and read errors as RFC 9457 Problems. Which operations they called is taken from the
 * requests they sent, not from what the test says, and compared with the contracts: a GET added to a contract fails
 * this test until both clients call it: a line in {@link #reads} here, an entry in {@code indicatorReads},
 * {@code projectReads} or {@code reportReads} of api-contract/examples/every-read.ts.
 */
class GeneratedClientsIT {

    private static final List<String> SERVICES = List.of("indicator-service", "project-service", "report-service");
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(60);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    private static RunningSuite running;
    private static Contracts contracts;
    /** What the Java clients sent: one entry per answered request, with the operation it matched in the contract. */
    private static final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    /** Answers that did not conform to the contract, whichever test received them. */
    private static final List<String> nonConforming = Collections.synchronizedList(new ArrayList<>());

    private static PlansApi plans;
    private static IndicatorsApi indicators;
    private static gov.planmonitor.client.indicator.api.UnitsApi units;
    private static DepartmentsApi departments;
    private static ImportAndExportApi indicatorFiles;
    private static AuditApi indicatorAudit;
    private static ChangesApi indicatorChanges;
    private static TasksApi tasks;
    private static ProjectsApi projects;
    private static ProjectListsApi projectLists;
    private static gov.planmonitor.client.project.api.ImportAndExportApi projectFiles;
    private static gov.planmonitor.client.project.api.AuditApi projectAudit;
    private static gov.planmonitor.client.project.api.ChangesApi projectChanges;
    private static ReportsApi reports;
    private static gov.planmonitor.client.report.ApiClient reportApiClient;
    private static gov.planmonitor.client.report.api.AuditApi reportAudit;
    private static gov.planmonitor.client.report.api.ChangesApi reportChanges;
    private static gov.planmonitor.client.indicator.api.WebhooksApi indicatorWebhooks;
    private static gov.planmonitor.client.project.api.WebhooksApi projectWebhooks;
    private static gov.planmonitor.client.report.api.WebhooksApi reportWebhooks;
    /** Where the fixtures' subscriptions point: a closed local port (./run and the tests allow loopback targets). */
    private static final String HOOK = "http://127.0.0.1:9/generated-clients";
    private static final String HOOK_SECRET = "generated-client-secret-of-32-chars";

    @BeforeAll
    static void startSuite() throws Exception {
        running = RunningSuite.get();
        contracts = Contracts.read(running.root);
        // One ApiClient per service: its base URL, an admin's token (the audit trail and the change feed need one), and
        // an interceptor that records each answer and checks it against the service's contract.
        String admin = running.token("admin");
        gov.planmonitor.client.indicator.ApiClient indicator = new gov.planmonitor.client.indicator.ApiClient();
        indicator.setBasePath(running.indicatorUrl).setBearerToken(admin);
        indicator.setHttpClient(recorded(indicator.getHttpClient(), "indicator-service"));
        gov.planmonitor.client.project.ApiClient project = new gov.planmonitor.client.project.ApiClient();
        project.setBasePath(running.projectUrl).setBearerToken(admin);
        project.setHttpClient(recorded(project.getHttpClient(), "project-service"));

        plans = new PlansApi(indicator);
        indicators = new IndicatorsApi(indicator);
        units = new gov.planmonitor.client.indicator.api.UnitsApi(indicator);
        departments = new DepartmentsApi(indicator);
        indicatorFiles = new ImportAndExportApi(indicator);
        indicatorAudit = new AuditApi(indicator);
        indicatorChanges = new ChangesApi(indicator);
        tasks = new TasksApi(indicator);
        projects = new ProjectsApi(project);
        projectLists = new ProjectListsApi(project);
        projectFiles = new gov.planmonitor.client.project.api.ImportAndExportApi(project);
        projectAudit = new gov.planmonitor.client.project.api.AuditApi(project);
        projectChanges = new gov.planmonitor.client.project.api.ChangesApi(project);
        gov.planmonitor.client.report.ApiClient report = reportClient(admin);
        reportApiClient = report;
        reports = new ReportsApi(report);
        reportAudit = new gov.planmonitor.client.report.api.AuditApi(report);
        reportChanges = new gov.planmonitor.client.report.api.ChangesApi(report);
        indicatorWebhooks = new gov.planmonitor.client.indicator.api.WebhooksApi(indicator);
        projectWebhooks = new gov.planmonitor.client.project.api.WebhooksApi(project);
        reportWebhooks = new gov.planmonitor.client.report.api.WebhooksApi(report);
    }

    private static gov.planmonitor.client.report.ApiClient reportClient(String token) {
        gov.planmonitor.client.report.ApiClient client = new gov.planmonitor.client.report.ApiClient();
        client.setBasePath(running.reportUrl);
        if (token != null) {
            client.setBearerToken(token);
        }
        return client.setHttpClient(recorded(client.getHttpClient(), "report-service"));
    }

    // ---- every read -----------------------------------------------------------------------------------------------

    @Test
    void javaClientReadsEveryGetOperation() throws Exception {
        Fixtures f = Fixtures.make();
        Map<String, Read> reads = reads(f);
        List<String> failures = new ArrayList<>();
        Set<String> answered = new TreeSet<>();
        for (Map.Entry<String, Read> read : reads.entrySet()) {
            int before = calls.size();
            try {
                read.getValue().run();
                List<Call> made;
                synchronized (calls) {
                    made = List.copyOf(calls.subList(before, calls.size()));
                }
                made.stream().filter(c -> c.status() < 300).forEach(c -> answered.add(c.operation()));
                // The line's key says which operation it reads; the requests it sent must show it.
                if (made.stream().noneMatch(c -> c.operation().equals(read.getKey()) && c.status() < 300)) {
                    failures.add(read.getKey() + ": no 2xx answer of that operation among " + made);
                }
            } catch (Throwable e) {
                failures.add(read.getKey() + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), () -> "generated Java client reads that failed:\n" + String.join("\n", failures));
        // Only what the reads sent counts (not the setup's or another test's requests).
        assertEquals(Set.of(), missing(contracts.gets(), answered),
                "GET operations of the contracts the Java client did not call: add a line for each to GeneratedClientsIT.reads");
        assertTrue(nonConforming.isEmpty(), () -> String.join("\n", nonConforming));
    }

    /**
     * One line per GET operation of the three contracts, keyed "service operationId": the call with real parameters and
     * what its typed answer must hold. A new GET operation gets its line here (and in every-read.ts).
     */
    private static Map<String, Read> reads(Fixtures f) {
        Map<String, Read> r = new LinkedHashMap<>();
        // indicator-service
        r.put("indicator-service listPlans", () -> assertTrue(codes(plans.listPlans(null, null, null, 200, null, null, null, null).getItems(), Plan::getCode).containsAll(List.of("FYP12", "FYP13", "AP2017", "AP2018"))));
        r.put("indicator-service getPlan", () -> { Plan p = plans.getPlan("FYP13", null); assertEquals(Plan.KindEnum.FIVE_YEAR, p.getKind()); assertEquals(2016, p.getStartYear()); assertEquals(45L, p.getIndicatorCount()); });
        r.put("indicator-service listPlanIndicators", () -> { List<Indicator> items = plans.listPlanIndicators("FYP13", null, null, null, null, null, 100, null, null, null).getItems(); assertEquals(45, items.size()); assertEquals(22, items.stream().filter(i -> i.getAttribute() != null).count(), "专栏2's attributes"); assertTrue(items.stream().allMatch(i -> !i.getDepartments().isEmpty()), "departments"); });
        r.put("indicator-service evaluatePlan", () -> { Evaluation e = plans.evaluatePlan("FYP12", null, null, null); assertEquals(Evaluation.StageEnum.FINAL, e.getStage()); assertEquals(24, e.getItems().size()); assertEquals(Map.of("ACHIEVED", 19, "NOT_ACHIEVED", 4, "NOT_COMPARABLE", 1), e.getSummary().getByVerdict()); assertEquals(EvaluationItem.VerdictEnum.ACHIEVED, e.getItems().get(0).getVerdict()); });
        r.put("indicator-service getIndicator", () -> { Indicator i = indicators.getIndicator("AP2017-01", null); assertEquals("AP2017", i.getPlan()); assertEquals("亿元", i.getUnit().getPrinted()); assertEquals("6.5%左右", i.getTarget().getText()); });
        r.put("indicator-service listTargets", () -> assertEquals("7左右", indicators.listTargets("FYP13-01", null).get(0).getText()));
        r.put("indicator-service listObservations", () -> assertEquals(List.of(2017), indicators.listObservations("AP2017-01", null, null).stream().map(Observation::getYear).toList()));
        r.put("indicator-service getObservation", () -> { Observation o = indicators.getObservation("AP2017-01", 2017, null); assertDecimal("3193", o.getValue()); assertDecimal("6.1", o.getGrowthRate()); assertEquals(Observation.StatusEnum.FINAL, o.getStatus()); });
        r.put("indicator-service observationHistory", () -> assertEquals(1, indicators.observationHistory("AP2017-01", 2017, null).get(0).getRevision()));
        r.put("indicator-service listCategories", () -> assertTrue(codes(indicators.listCategories(null), gov.planmonitor.client.indicator.model.Category::getCode).contains("ECONOMY")));
        r.put("indicator-service getCategory", () -> assertEquals("经济发展", indicators.getCategory("ECONOMY", null).getNameZh()));
        r.put("indicator-service listUnits", () -> assertTrue(codes(units.listUnits(null), gov.planmonitor.client.indicator.model.Unit::getCode).contains("YUAN_100M")));
        r.put("indicator-service getUnit", () -> assertEquals("亿元", units.getUnit("YUAN_100M", null).getPrinted()));
        r.put("indicator-service listDepartments", () -> assertTrue(codes(departments.listDepartments(null, null, 200, null, null, null).getItems(), Department::getCode).contains("DRC")));
        r.put("indicator-service getDepartment", () -> assertEquals("区发改局", departments.getDepartment("DRC", null).getNameZh()));
        r.put("indicator-service listDepartmentIndicators", () -> { List<DepartmentIndicator> led = departments.listDepartmentIndicators("DRC", null); assertTrue(led.stream().anyMatch(d -> d.getCode().equals("AP2017-01") && d.getRole() == DepartmentIndicator.RoleEnum.LEAD), "DRC leads AP2017-01"); });
        r.put("indicator-service exportData", () -> assertTrue(indicatorFiles.exportData("indicators", "csv", "AP2017").contains("AP2017-01"), "CSV export of AP2017's indicators"));
        r.put("indicator-service listAuditEntries", () -> assertEquals(List.of("createDepartment"), indicatorAudit.listAuditEntries(null, null, f.department(), "department", null, null, null, null).getItems().stream().map(a -> a.getOperation()).toList()));
        r.put("indicator-service verifyAuditTrail", () -> assertEquals(Boolean.TRUE, indicatorAudit.verifyAuditTrail().getIntact(), "the audit trail's hash chain is intact"));
        r.put("indicator-service listSubscriptions", () -> assertTrue(indicatorWebhooks.listSubscriptions(null, 200, null).getItems().stream().anyMatch(x -> x.getId().equals(f.indicatorSubscription()))));
        r.put("indicator-service getSubscription", () -> assertEquals(HOOK, indicatorWebhooks.getSubscription(f.indicatorSubscription()).getTargetUrl()));
        r.put("indicator-service listDeliveries", () -> assertTrue(indicatorWebhooks.listDeliveries(f.indicatorSubscription(), null, null, null, null).getTotal() >= 0));
        // AP2018's seeded outline (seeds/indicators/tasks.csv): areas AP2018-T1 to T5; AP2018-T1-1 is the first sub-area of T1,
        // unassigned, so its deadline is the plan's end (AP2018 is the 2018 annual plan: 2018-12-31).
        r.put("indicator-service listTasks", () -> { var page = tasks.listTasks(null, null, null, null, "AREA", null, null, null, "AP2018", null, 200, null, null, null); assertEquals(5L, page.getTotal()); assertEquals("AP2018-T1", page.getItems().get(0).getCode()); });
        r.put("indicator-service getTask", () -> { var t = tasks.getTask("AP2018-T1-1"); assertEquals("加快建设现代化产业体系", t.getTextZh()); assertEquals("AP2018-T1", t.getParent()); assertEquals(LocalDate.of(2018, 12, 31), t.getDeadline()); });
        r.put("indicator-service listTaskUpdates", () -> assertEquals(List.of(f.taskUpdate()), tasks.listTaskUpdates(f.task()).stream().map(gov.planmonitor.client.indicator.model.TaskUpdate::getId).toList()));
        r.put("indicator-service getTaskUpdate", () -> assertEquals("已完成现场踏勘", tasks.getTaskUpdate(f.task(), f.taskUpdate()).getText()));
        r.put("indicator-service exportTaskAssignments", () -> { String csv = tasks.exportTaskAssignments("AP2018", "csv"); assertTrue(csv.contains("序号,任务,牵头单位,配合单位,完成时限") && csv.contains("AP2018-T1-1,加快建设现代化产业体系,,,2018-12-31"), csv); });
        r.put("indicator-service listChanges", () -> onceInFeed(indicatorChanges::listChanges, "gov.planmonitor.indicator.department.created", "/api/v1/departments/" + f.department()));
        // project-service
        r.put("project-service listProjectLists", () -> assertTrue(codes(projectLists.listProjectLists(null, 200, null, null, null, null).getItems(), ProjectList::getCode).containsAll(List.of("FYP13-KEY", "AP2017-KEY"))));
        r.put("project-service getProjectList", () -> { ProjectList l = projectLists.getProjectList("AP2017-KEY", null); assertEquals(2017, l.getYear()); assertEquals(43, l.getReported().getProjectCount()); });
        r.put("project-service summarizeProjectList", () -> { ListSummary s = projectLists.summarizeProjectList("AP2017-KEY", 2017, null); assertEquals("23.9亿元", s.getList().getReported().getCompletedInvestment().getDisplay()); assertDecimal("112.5", s.getList().getReported().getPlannedInvestmentShare()); });
        r.put("project-service listProjects", () -> assertEquals(70, projects.listProjects(null, null, "FYP13-KEY", null, null, null, 100, null, null, null, null, null, null).getTotal()));
        r.put("project-service getProject", () -> { Project p = projects.getProject("FYP13-KP-01", null); assertEquals("FUNCTIONAL_ZONES", p.getCategory().getCode()); assertEquals("长堤大马路258—266号房屋改造工程", p.getNameZh()); });
        r.put("project-service getProjectStatus", () -> assertEquals(f.project().getStatus().getValue(), projects.getProjectStatus(f.project().getId(), null).getCurrent()));
        r.put("project-service listInvestments", () -> assertEquals(List.of(2022), projects.listInvestments(f.project().getId(), null).stream().map(Investment::getYear).toList()));
        r.put("project-service getInvestment", () -> assertDecimal("12000000", projects.getInvestment(f.project().getId(), 2022, null).getPlanned().getYuan()));
        r.put("project-service listMilestones", () -> assertEquals(List.of(f.milestone().getId()), projects.listMilestones(f.project().getId(), null).stream().map(Milestone::getId).toList()));
        r.put("project-service getMilestone", () -> { Milestone m = projects.getMilestone(f.project().getId(), f.milestone().getId(), null); assertEquals("主体结构封顶", m.getNameZh()); assertEquals(LocalDate.of(2022, 6, 30), m.getPlannedDate()); });
        r.put("project-service listCancellationRequests", () -> assertEquals(List.of(f.cancellation().getId()), projects.listCancellationRequests(f.project().getId(), null).stream().map(CancellationRequest::getId).toList()));
        r.put("project-service getCancellationRequest", () -> { CancellationRequest c = projects.getCancellationRequest(f.project().getId(), f.cancellation().getId(), null); assertEquals(CancellationRequest.StateEnum.OPEN, c.getState()); assertEquals("资金来源取消，申请取消项目", c.getReason()); });
        r.put("project-service listProgressUpdates", () -> assertEquals(List.of(f.update().getId()), projects.listProgressUpdates(f.project().getId(), null).stream().map(ProgressUpdate::getId).toList()));
        r.put("project-service listProjectCategories", () -> assertTrue(codes(projects.listProjectCategories(null), gov.planmonitor.client.project.model.Category::getCode).containsAll(List.of("FUNCTIONAL_ZONES", "MAJOR_INFRASTRUCTURE", "SCI_TECH_INNOVATION", "PRODUCTIVE_CAPACITY", "PEOPLES_LIVELIHOOD"))));
        r.put("project-service listZones", () -> assertFalse(codes(projects.listZones(null), gov.planmonitor.client.project.model.Zone::getCode).isEmpty()));
        r.put("project-service getZone", () -> assertEquals(gov.planmonitor.client.project.model.Zone.class, projects.getZone(projects.listZones(null).get(0).getCode(), null).getClass()));
        r.put("project-service getProjectCategory", () -> assertEquals("FUNCTIONAL_ZONES", projects.getProjectCategory("FUNCTIONAL_ZONES", null).getCode()));
        r.put("project-service exportProjectData", () -> { String csv = projectFiles.exportProjectData("projects", "csv", "FYP13-KEY"); assertTrue(csv.contains("FYP13-KP-01") && csv.contains("FYP13-KP-70"), "CSV export of FYP13-KEY's 70 projects"); });
        r.put("project-service listAuditEntries", () -> assertEquals(List.of("createProject"), projectAudit.listAuditEntries(null, null, f.project().getId(), "project", null, null, null, null).getItems().stream().map(a -> a.getOperation()).toList()));
        r.put("project-service verifyAuditTrail", () -> assertEquals(Boolean.TRUE, projectAudit.verifyAuditTrail().getIntact(), "the audit trail's hash chain is intact"));
        r.put("project-service listSubscriptions", () -> assertTrue(projectWebhooks.listSubscriptions(null, 200, null).getItems().stream().anyMatch(x -> x.getId().equals(f.projectSubscription()))));
        r.put("project-service getSubscription", () -> assertEquals(List.of("gov.planmonitor.project.project.created"), projectWebhooks.getSubscription(f.projectSubscription()).getTypes()));
        r.put("project-service listDeliveries", () -> assertTrue(projectWebhooks.listDeliveries(f.projectSubscription(), null, null, null, null).getTotal() >= 0));
        r.put("project-service listChanges", () -> onceInFeed(projectChanges::listChanges, "gov.planmonitor.project.project.created", "/api/v1/projects/" + f.project().getId()));
        // report-service
        r.put("report-service getReport", () -> assertEquals(Report.StatusEnum.SUCCEEDED, reports.getReport(f.annual(), null).getStatus()));
        r.put("report-service listReports", () -> assertTrue(reports.listReports(null, 200, null, "SUCCEEDED", "ANNUAL_EXECUTION", null, null).getItems().stream().anyMatch(x -> x.getId().equals(f.annual()))));
        r.put("report-service getReportContent", () -> { JsonObject content = json(reports.getReportContent(f.annual(), null, null)); assertEquals("AP2017", content.get("plan").getAsString()); assertEquals(6, content.getAsJsonArray("indicators").size()); });
        r.put("report-service diffReports", () -> { ReportDiff d = reports.diffReports(f.annual(), f.evaluation(), null); assertFalse(d.getIdentical()); assertEquals("PLAN_EVALUATION", d.getTo().getType()); assertFalse(d.getChanges().isEmpty()); });
        r.put("report-service listAuditEntries", () -> assertEquals(List.of("requestReport"), reportAudit.listAuditEntries(null, null, f.annual().toString(), "report", null, null, null, null).getItems().stream().filter(a -> !"WORKER".equals(a.getHttpMethod())).map(a -> a.getOperation()).toList()));
        r.put("report-service verifyAuditTrail", () -> assertEquals(Boolean.TRUE, reportAudit.verifyAuditTrail().getIntact(), "the audit trail's hash chain is intact"));
        r.put("report-service listSubscriptions", () -> assertTrue(reportWebhooks.listSubscriptions(null, 200, null).getItems().stream().anyMatch(x -> x.getId().equals(f.reportSubscription()))));
        r.put("report-service getSubscription", () -> assertEquals(HOOK, reportWebhooks.getSubscription(f.reportSubscription()).getTargetUrl()));
        r.put("report-service listDeliveries", () -> assertTrue(reportWebhooks.listDeliveries(f.reportSubscription(), null, null, null, null).getTotal() >= 0));
        r.put("report-service listChanges", () -> onceInFeed(reportChanges::listChanges, "gov.planmonitor.report.report.succeeded", "/api/v1/reports/" + f.annual()));
        return r;
    }

    // ---- a report, and errors -------------------------------------------------------------------------------------

    @Test
    void javaClientRequestsAReportUntilItSucceeds() throws Exception {
        // A reporter's token, as a portal that publishes reports would have; requestReport lists a Problem response too,
        // and the generated client's Accept header must still get the 202.
        ReportsApi asReporter = new ReportsApi(reportClient(running.token("reporter")));
        Report queued = asReporter.requestReport(new ReportRequest().type(ReportRequest.TypeEnum.ANNUAL_EXECUTION).year(2017));
        assertEquals(Report.StatusEnum.QUEUED, queued.getStatus());
        Report done = awaitSucceeded(queued.getId());
        assertTrue(done.getContentHash().matches("[0-9a-f]{64}"), done::toString);
        assertEquals(2017, done.getParameters().getYear());
        JsonObject content = json(reports.getReportContent(done.getId(), null, null));
        assertEquals("越秀区2017年国民经济和社会发展计划执行情况报告", content.get("titleZh").getAsString());
        assertEquals("AP2017-KEY", content.getAsJsonObject("list").get("code").getAsString());
        // Formats other than JSON: the generated method's return type is the JSON one, so take the call and read a String (or byte[]).
        String markdown = reportApiClient.<String>execute(reports.getReportContentCall(done.getId(), "markdown", null, null), String.class).getData();
        assertTrue(markdown.startsWith("# 越秀区2017年"), markdown);
        assertTrue(nonConforming.isEmpty(), () -> String.join("\n", nonConforming));
    }

    @Test
    void javaClientReadsErrorsAsProblems() {
        // 404: an unknown plan.
        gov.planmonitor.client.indicator.ApiException notFound = assertThrows(gov.planmonitor.client.indicator.ApiException.class,
                () -> plans.getPlan("NO-SUCH-PLAN", null));
        assertEquals(404, notFound.getCode());
        assertTrue(notFound.getResponseHeaders().get("Content-Type").get(0).startsWith("application/problem+json"));
        gov.planmonitor.client.indicator.model.Problem problem = parse(notFound.getResponseBody(), gov.planmonitor.client.indicator.model.Problem::fromJson);
        assertEquals(404, problem.getStatus());
        assertEquals("Not found", problem.getTitle());
        assertTrue(problem.getDetail().contains("NO-SUCH-PLAN"), problem::toString);

        // 400 with the fields at fault: a project without its English name.
        gov.planmonitor.client.project.ApiException invalid = assertThrows(gov.planmonitor.client.project.ApiException.class,
                () -> projects.createProject(new ProjectInput().id("GC-" + RUN + "-BAD").nameZh("缺英文名的项目").category("FUNCTIONAL_ZONES")));
        assertEquals(400, invalid.getCode());
        gov.planmonitor.client.project.model.Problem fields = parse(invalid.getResponseBody(), gov.planmonitor.client.project.model.Problem::fromJson);
        assertEquals(400, fields.getStatus());
        assertTrue(fields.getErrors().stream().anyMatch(e -> "nameEn".equals(e.getField())), fields::toString);

        // 401: a report request without a token.
        gov.planmonitor.client.report.ApiException anonymous = assertThrows(gov.planmonitor.client.report.ApiException.class,
                () -> new ReportsApi(reportClient(null)).requestReport(new ReportRequest().type(ReportRequest.TypeEnum.ANNUAL_EXECUTION).year(2017)));
        assertEquals(401, anonymous.getCode());
        gov.planmonitor.client.report.model.Problem unauthorized = parse(anonymous.getResponseBody(), gov.planmonitor.client.report.model.Problem::fromJson);
        assertEquals(401, unauthorized.getStatus());
        assertNotNull(unauthorized.getTitle());
        assertTrue(nonConforming.isEmpty(), () -> String.join("\n", nonConforming));
    }

    // ---- the TypeScript client -------------------------------------------------------------------------------------

    /** api-contract's every-read.ts, compiled by its build, against the same suite; it exits non-zero on any failure. */
    @Test
    void typeScriptClientReadsEveryGetOperation() throws Exception {
        String output = running.runTypeScript("every-read.js", Map.of("TOKEN", running.token("admin"), "RUN", RUN,
                "REPORT_TIMEOUT_MILLIS", String.valueOf(REPORT_TIMEOUT.toMillis())), REPORT_TIMEOUT.plusSeconds(30));

        // Its last line lists the requests its reads sent (service, method, path template, status), from openapi-fetch's middleware.
        List<String> lines = output.lines().toList();
        JsonNode sent = new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("reads");
        assertTrue(sent.isArray() && !sent.isEmpty(), () -> "no list of calls at the end of:\n" + output);
        Set<String> answered = new TreeSet<>();
        for (JsonNode call : sent) {
            if (call.path("status").asInt() < 300) {
                String operation = contracts.operation(call.path("service").asText(), call.path("method").asText(), call.path("path").asText());
                assertNotNull(operation, () -> "every-read.js called " + call + ", which no contract has");
                answered.add(operation);
            }
        }
        assertEquals(Set.of(), missing(contracts.gets(), answered),
                "GET operations of the contracts the TypeScript client did not call: add them to reads in api-contract/examples/every-read.ts\n" + output);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    /**
     * What the reads need besides the seeds, made through the generated clients: nothing seeded has a milestone, an
     * investment figure, a progress update, a cancellation request or a report. The project is on no list, so no other
     * test's counts change.
     */
    record Fixtures(String department, Project project, Milestone milestone, ProgressUpdate update, CancellationRequest cancellation,
                    UUID annual, UUID evaluation, UUID indicatorSubscription, UUID projectSubscription, UUID reportSubscription,
                    String task, long taskUpdate) {

        private static Fixtures made;

        static synchronized Fixtures make() throws Exception {
            if (made != null) {
                return made;
            }
            // Both reports first: the worker makes them while the rest is set up.
            UUID annual = reports.requestReport(new ReportRequest().type(ReportRequest.TypeEnum.ANNUAL_EXECUTION).year(2017)).getId();
            UUID evaluation = reports.requestReport(new ReportRequest().type(ReportRequest.TypeEnum.PLAN_EVALUATION).plan("FYP12")).getId();
            String department = departments.createDepartment(new Department().code("GC_" + RUN).nameZh("客户端测试局").nameEn("Client test bureau " + RUN)).getCode();
            Project project = projects.createProject(new ProjectInput().id("GC-" + RUN).nameZh("生成客户端测试项目").nameEn("Generated client test project")
                    .category("FUNCTIONAL_ZONES").addDepartmentsItem(new DepartmentRole().code("DRC").role(DepartmentRole.RoleEnum.LEAD)));
            Milestone milestone = projects.addMilestone(project.getId(), new MilestoneInput().nameZh("主体结构封顶").plannedDate(LocalDate.of(2022, 6, 30)));
            projects.putInvestment(project.getId(), 2022, new InvestmentInput().planned(new BigDecimal("12000000")), null);
            ProgressUpdate update = projects.addProgressUpdate(project.getId(), new ProgressUpdateInput().date(LocalDate.of(2022, 7, 1)).textZh("主体结构已封顶"));
            CancellationRequest cancellation = projects.requestProjectCancellation(project.getId(), new CancellationRequestInput().reason("资金来源取消，申请取消项目"));
            awaitSucceeded(annual);
            awaitSucceeded(evaluation);
            UUID indicatorSubscription = indicatorWebhooks.createSubscription(new gov.planmonitor.client.indicator.model.SubscriptionInput()
                    .targetUrl(HOOK).secret(HOOK_SECRET).description("GeneratedClientsIT")).getId();
            UUID projectSubscription = projectWebhooks.createSubscription(new gov.planmonitor.client.project.model.SubscriptionInput()
                    .targetUrl(HOOK).secret(HOOK_SECRET).addTypesItem("gov.planmonitor.project.project.created")).getId();
            UUID reportSubscription = reportWebhooks.createSubscription(new gov.planmonitor.client.report.model.SubscriptionInput()
                    .targetUrl(HOOK).secret(HOOK_SECRET)).getId();
            // No seeded task has a progress update: a task of its own plan (seeded plans stay as other tests read them), led by DRC.
            String plan = plans.createPlan(new gov.planmonitor.client.indicator.model.PlanInput().code("GCP-" + RUN)
                    .kind(gov.planmonitor.client.indicator.model.PlanInput.KindEnum.FIVE_YEAR).startYear(2021).endYear(2025)
                    .titleZh("生成客户端测试规划").titleEn("Generated client test plan")).getCode();
            String task = tasks.createTask(new gov.planmonitor.client.indicator.model.TaskInput().code("GCT-" + RUN).plan(plan).seq(1)
                    .textZh("生成客户端测试任务").textEn("Generated client test task").addLeadItem("DRC")).getCode();
            long taskUpdate = tasks.postTaskUpdate(task, new gov.planmonitor.client.indicator.model.TaskUpdateInput().text("已完成现场踏勘")).getId();
            made = new Fixtures(department, project, milestone, update, cancellation, annual, evaluation, indicatorSubscription, projectSubscription, reportSubscription,
                    task, taskUpdate);
            return made;
        }
    }

    private static Report awaitSucceeded(UUID id) throws Exception {
        long deadline = System.nanoTime() + REPORT_TIMEOUT.toNanos();
        while (true) {
            Report report = reports.getReport(id, null);
            switch (report.getStatus()) {
                case SUCCEEDED -> {
                    return report;
                }
                case FAILED -> fail("report " + id + " FAILED: " + report.getFailureReason());
                default -> assertTrue(System.nanoTime() < deadline, () -> "report " + id + " still " + report.getStatus() + " after " + REPORT_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Read {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Feed<P> {
        P listChanges(String after, Integer limit, String types) throws Exception;
    }

    /** The event of a type about a subject is in the change feed once (followed page by page, as a consumer does). */
    private static <P> void onceInFeed(Feed<P> feed, String type, String subject) throws Exception {
        List<String> found = new ArrayList<>();
        String after = null;
        for (int page = 0; ; page++) {
            JsonObject answer = json(feed.listChanges(after, 500, type));
            var items = answer.getAsJsonArray("items");
            for (var item : items) {
                if (item.getAsJsonObject().get("subject").getAsString().equals(subject)) {
                    found.add("page " + page + " after " + after + ": " + item);
                }
            }
            if (items.isEmpty()) {
                break;
            }
            after = answer.get("next").getAsString();
        }
        assertEquals(1, found.size(), () -> type + " events about " + subject + ":\n" + String.join("\n", found));
    }

    /** A generated model (or the Map a bare object schema gives) as a Gson tree, written by its own client's Gson (java.time adapters). */
    private static JsonObject json(Object value) {
        String model = value.getClass().getPackageName();
        Gson gson = model.startsWith("gov.planmonitor.client.indicator.") ? gov.planmonitor.client.indicator.JSON.getGson()
                : model.startsWith("gov.planmonitor.client.project.") ? gov.planmonitor.client.project.JSON.getGson()
                : gov.planmonitor.client.report.JSON.getGson();
        return gson.toJsonTree(value).getAsJsonObject();
    }

    private static <T> Set<String> codes(Collection<T> items, Function<T, String> code) {
        Set<String> codes = new TreeSet<>();
        items.forEach(item -> codes.add(code.apply(item)));
        return codes;
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @FunctionalInterface
    interface Parser<T> {
        T parse(String json) throws java.io.IOException;
    }

    private static <T> T parse(String body, Parser<T> parser) {
        try {
            return parser.parse(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a Problem: " + body, e);
        }
    }

    private static Set<String> missing(Set<String> expected, Set<String> called) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(called);
        return missing;
    }

    record Call(String operation, int status) {
    }

    /** The client's HTTP client with an interceptor that records each answer and checks it against the contract. */
    private static OkHttpClient recorded(OkHttpClient client, String service) {
        Interceptor recorder = chain -> {
            var request = chain.request();
            Response response = chain.proceed(request);
            String path = request.url().encodedPath();
            byte[] body = response.peekBody(Long.MAX_VALUE).bytes();
            List<String> problems = contracts.conformance(service).check(request.method(), path, response.code(),
                    response.header("Content-Type"), response::header, body);
            problems.forEach(p -> nonConforming.add(service + ": " + p));
            String operation = contracts.operation(service, request.method(), path);
            calls.add(new Call(operation == null ? service + " " + request.method() + " " + path : operation, response.code()));
            return response;
        };
        return client.newBuilder().addInterceptor(recorder).build();
    }

    /** The operations of the three committed contracts, and each one's conformance check. */
    record Contracts(Map<String, List<Operation>> byService, Map<String, ContractConformance> conformance) {

        record Operation(String key, String method, String template, Pattern pattern) {
        }

        static Contracts read(Path root) throws Exception {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, List<Operation>> byService = new LinkedHashMap<>();
            Map<String, ContractConformance> conformance = new LinkedHashMap<>();
            for (String service : SERVICES) {
                Path file = root.resolve(service).resolve("src/main/resources/openapi/openapi.yaml");
                List<Operation> operations = new ArrayList<>();
                for (Map.Entry<String, JsonNode> path : yaml.readTree(file.toFile()).path("paths").properties()) {
                    // /api/v1/plans/{code} matches /api/v1/plans/FYP13 and nothing longer.
                    Pattern pattern = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
                    for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                        if (operation.getValue().has("operationId")) {
                            operations.add(new Operation(service + " " + operation.getValue().get("operationId").asText(),
                                    operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern));
                        }
                    }
                }
                byService.put(service, operations);
                conformance.put(service, ContractConformance.ofYaml(file));
            }
            return new Contracts(byService, conformance);
        }

        Set<String> gets() {
            Set<String> gets = new TreeSet<>();
            byService.values().forEach(ops -> ops.stream().filter(o -> o.method().equals("GET")).forEach(o -> gets.add(o.key())));
            return gets;
        }

        ContractConformance conformance(String service) {
            return conformance.get(service);
        }

        /** "service operationId" of a request path (as sent, or as a template), null when the contract has none. */
        String operation(String service, String method, String path) {
            for (Operation o : byService.getOrDefault(service, List.of())) {
                if (o.method().equals(method) && (o.template().equals(path) || o.pattern().matcher(path).matches())) {
                    return o.key();
                }
            }
            return null;
        }
    }
}
