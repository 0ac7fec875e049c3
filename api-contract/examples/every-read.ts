// Every GET operation of the three services' contracts through openapi-fetch clients typed by openapi-typescript
// (target/ts/<service>.d.ts), one client and one base URL per service; a report requested and followed to SUCCEEDED;
// errors read as typed RFC 9457 Problems. Exits non-zero on any failure.
//
//   TOKEN=$(./run token admin) INDICATOR_URL=http://localhost:8081 PROJECT_URL=http://localhost:8082 \
//     REPORT_URL=http://localhost:8083 node target/ts-out/every-read.js
//
// An admin's token, since the audit trail needs one; the reads of published data need none. It writes a department,
// a project (on no list) with a milestone, an investment figure, a progress update and a cancellation request, and two
// reports, to read them.
// The last line it prints lists the requests its reads sent (service, method, path template, status): system-tests'
// GeneratedClientsIT runs it against the packaged suite and fails when a GET operation of a contract is not among them.
import createClient, { type Client, type ClientPathsWithMethod, type Middleware } from "openapi-fetch";
import type { components as IndicatorTypes, paths as IndicatorPaths } from "../target/ts/indicator-service.js";
import type { components as ProjectTypes, paths as ProjectPaths } from "../target/ts/project-service.js";
import type { components as ReportTypes, paths as ReportPaths } from "../target/ts/report-service.js";

type Problem = ReportTypes["schemas"]["Problem"];
type Report = ReportTypes["schemas"]["Report"];

const token = process.env.TOKEN;
const run = process.env.RUN ?? Date.now().toString(36).toUpperCase();
const reportTimeoutMillis = Number(process.env.REPORT_TIMEOUT_MILLIS ?? 60_000);

// ---- one client per service ------------------------------------------------------------------------------------------

interface Call {
  service: string;
  method: string;
  path: string;
  status: number;
}
const calls: Call[] = [];

// Records what was sent, by the contract's path template, so that the caller can tell which operations were called.
function recorder(service: string): Middleware {
  return {
    onResponse({ request, schemaPath, response }) {
      calls.push({ service, method: request.method, path: schemaPath, status: response.status });
    },
  };
}

function client<Paths extends {}>(service: string, baseUrl: string | undefined) {
  if (!baseUrl) throw new Error(`no base URL for ${service}: set INDICATOR_URL, PROJECT_URL and REPORT_URL`);
  const created = createClient<Paths>({ baseUrl, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  created.use(recorder(service));
  return created;
}

const indicators = client<IndicatorPaths>("indicator-service", process.env.INDICATOR_URL);
const projects = client<ProjectPaths>("project-service", process.env.PROJECT_URL);
const reports = client<ReportPaths>("report-service", process.env.REPORT_URL);

// ---- helpers ---------------------------------------------------------------------------------------------------------

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The answer's data, or an error that carries the Problem the service answered with. */
function ok<D>(result: { data?: D; error?: unknown; response: Response }, what: string): D {
  if (result.data === undefined) {
    const problem = result.error as Problem | undefined;
    throw new Error(`${what}: ${result.response.status} ${problem?.title ?? ""} ${problem?.detail ?? ""}`.trim());
  }
  return result.data;
}

function same<T>(actual: T, expected: T, what: string): void {
  check(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function awaitSucceeded(id: string): Promise<Report> {
  const deadline = Date.now() + reportTimeoutMillis;
  for (;;) {
    const report = ok(await reports.GET("/api/v1/reports/{id}", { params: { path: { id } } }), `report ${id}`);
    if (report.status === "SUCCEEDED") return report;
    check(report.status !== "FAILED", `report ${id} FAILED: ${report.failureReason}`);
    check(Date.now() < deadline, `report ${id} still ${report.status} after ${reportTimeoutMillis} ms`);
    await sleep(100);
  }
}

/** The event of a type about a subject is in the change feed once (followed page by page, as a consumer does). */
async function onceInFeed(
  get: (query: { after?: string; limit?: number; types?: string }) => Promise<{
    data?: { items?: { subject?: string }[]; next?: string };
    error?: unknown;
    response: Response;
  }>,
  types: string,
  subject: string,
): Promise<void> {
  const found: string[] = [];
  let after: string | undefined;
  for (;;) {
    const { items = [], next } = ok(await get({ after, limit: 500, types }), "listChanges");
    items.filter((event) => event.subject === subject).forEach((event) => found.push(`after ${after}: ${JSON.stringify(event)}`));
    if (items.length === 0) break;
    after = next;
  }
  check(found.length === 1, `${types} events about ${subject} in the change feed, expected one:\n${found.join("\n")}`);
}

// ---- what the reads need besides the seeds ---------------------------------------------------------------------------

interface Fixtures {
  department: string;
  project: ProjectTypes["schemas"]["Project"];
  milestone: number;
  update: number;
  cancellation: number;
  annual: string;
  evaluation: string;
  subscriptions: { indicator: string; project: string; report: string };
  task: string;
  taskUpdate: number;
}

// The fixtures' subscriptions point at a closed local port (./run and the tests allow loopback targets).
const hook = "http://127.0.0.1:9/every-read";
const hookSecret = "every-read-secret-of-at-least-24-chars";

// Nothing seeded has a milestone, an investment figure, a progress update, a cancellation request or a report: made here,
// through the clients.
async function makeFixtures(): Promise<Fixtures> {
  // Both reports first: the worker makes them while the rest is set up.
  const annual = ok(await reports.POST("/api/v1/reports", { body: { type: "ANNUAL_EXECUTION", year: 2017 } }), "requestReport");
  const evaluation = ok(await reports.POST("/api/v1/reports", { body: { type: "PLAN_EVALUATION", plan: "FYP12" } }), "requestReport");
  same(annual.status, "QUEUED", "a requested report");
  const department = ok(
    await indicators.POST("/api/v1/departments", { body: { code: `TS_${run}`, nameZh: "类型客户端测试局", nameEn: `TypeScript client test bureau ${run}` } }),
    "createDepartment",
  );
  const id = `TS-${run}`;
  const project = ok(
    await projects.POST("/api/v1/projects", {
      body: { id, nameZh: "类型客户端测试项目", nameEn: "TypeScript client test project", category: "FUNCTIONAL_ZONES", departments: [{ code: "DRC", role: "LEAD" }] },
    }),
    "createProject",
  );
  const path = { id };
  const milestone = ok(await projects.POST("/api/v1/projects/{id}/milestones", { params: { path }, body: { nameZh: "主体结构封顶", plannedDate: "2022-06-30" } }), "addMilestone");
  ok(await projects.PUT("/api/v1/projects/{id}/investments/{year}", { params: { path: { id, year: 2022 } }, body: { planned: 12_000_000 } }), "putInvestment");
  const update = ok(await projects.POST("/api/v1/projects/{id}/updates", { params: { path }, body: { date: "2022-07-01", textZh: "主体结构已封顶" } }), "addProgressUpdate");
  const cancellation = ok(
    await projects.POST("/api/v1/projects/{id}/cancellation-requests", { params: { path }, body: { reason: "资金来源取消，申请取消项目" } }),
    "requestProjectCancellation",
  );
  check(annual.id && evaluation.id && milestone.id && update.id && cancellation.id, "ids in the answers");
  await awaitSucceeded(annual.id);
  await awaitSucceeded(evaluation.id);
  const subscriptions = {
    indicator: ok(await indicators.POST("/api/v1/subscriptions", { body: { targetUrl: hook, secret: hookSecret } }), "createSubscription").id,
    project: ok(await projects.POST("/api/v1/subscriptions", { body: { targetUrl: hook, secret: hookSecret, types: ["gov.planmonitor.project.project.created"] } }), "createSubscription").id,
    report: ok(await reports.POST("/api/v1/subscriptions", { body: { targetUrl: hook, secret: hookSecret } }), "createSubscription").id,
  };
  check(subscriptions.indicator && subscriptions.project && subscriptions.report, "subscription ids");
  // No seeded task has a progress update: a task of its own plan (seeded plans stay as other tests read them), led by DRC.
  const plan = `TSP-${run}`;
  const task = `TST-${run}`;
  ok(
    await indicators.POST("/api/v1/plans", {
      body: { code: plan, kind: "FIVE_YEAR", startYear: 2021, endYear: 2025, titleZh: "类型客户端测试规划", titleEn: "TypeScript client test plan" },
    }),
    "createPlan",
  );
  ok(
    await indicators.POST("/api/v1/tasks", {
      body: { code: task, plan, seq: 1, textZh: "类型客户端测试任务", textEn: "TypeScript client test task", lead: ["DRC"] },
    }),
    "createTask",
  );
  const taskUpdate = ok(
    await indicators.POST("/api/v1/tasks/{code}/updates", { params: { path: { code: task } }, body: { text: "已完成现场踏勘" } }),
    "postTaskUpdate",
  );
  check(taskUpdate.id, "the update's id");
  return {
    department: department.code, project, milestone: milestone.id, update: update.id, cancellation: cancellation.id, annual: annual.id, evaluation: evaluation.id,
    subscriptions: subscriptions as Fixtures["subscriptions"],
    task,
    taskUpdate: taskUpdate.id,
  };
}

// ---- every read: one entry per GET path of each contract -------------------------------------------------------------

type Read = () => Promise<void>;
// The keys are typed: tsc rejects a path the contract has no GET for. A GET path missing here fails GeneratedClientsIT.
type Reads<C extends Client<any, any>> = Partial<Record<ClientPathsWithMethod<C, "get">, Read>>;

function indicatorReads(f: Fixtures): Reads<typeof indicators> {
  const code = (c: string) => ({ params: { path: { code: c } } });
  return {
    "/api/v1/plans": async () => {
      const page = ok(await indicators.GET("/api/v1/plans", { params: { query: { size: 200 } } }), "listPlans");
      check(["FYP12", "FYP13", "AP2017", "AP2018"].every((p) => page.items.some((plan) => plan.code === p)), "the seeded plans");
    },
    "/api/v1/plans/{code}": async () => {
      const plan = ok(await indicators.GET("/api/v1/plans/{code}", code("FYP13")), "getPlan");
      same([plan.kind, plan.startYear, plan.indicatorCount], ["FIVE_YEAR", 2016, 45], "FYP13 (专栏2's 22 and 23 its text prints)");
    },
    "/api/v1/plans/{code}/indicators": async () => {
      const page = ok(await indicators.GET("/api/v1/plans/{code}/indicators", { params: { path: { code: "FYP13" }, query: { size: 100 } } }), "listPlanIndicators");
      same(page.items.length, 45, "FYP13's indicators");
      check(page.items.filter((i) => (i.seq ?? 0) <= 22).every((i) => i.attribute), "专栏2's attribute on each of its 22");
      check(page.items.every((i) => (i.departments ?? []).length > 0), "departments on each");
    },
    "/api/v1/plans/{code}/evaluation": async () => {
      const evaluation = ok(await indicators.GET("/api/v1/plans/{code}/evaluation", code("FYP12")), "evaluatePlan");
      same([evaluation.stage, evaluation.items?.length], ["FINAL", 24], "FYP12's final evaluation");
      same(evaluation.summary?.byVerdict, { ACHIEVED: 19, NOT_ACHIEVED: 4, NOT_COMPARABLE: 1 }, "verdicts of 专栏1");
    },
    "/api/v1/indicators/{code}": async () => {
      const indicator = ok(await indicators.GET("/api/v1/indicators/{code}", code("AP2017-01")), "getIndicator");
      same([indicator.plan, indicator.unit?.printed, indicator.target?.text], ["AP2017", "亿元", "6.5%左右"], "AP2017-01");
    },
    "/api/v1/indicators/{code}/targets": async () => {
      const targets = ok(await indicators.GET("/api/v1/indicators/{code}/targets", code("FYP13-01")), "listTargets");
      same(targets[0]?.text, "7左右", "FYP13-01's target");
    },
    "/api/v1/indicators/{code}/observations": async () => {
      const observations = ok(await indicators.GET("/api/v1/indicators/{code}/observations", code("AP2017-01")), "listObservations");
      same(observations.map((o) => o.year), [2017], "AP2017-01's years");
    },
    "/api/v1/indicators/{code}/observations/{year}": async () => {
      const o = ok(await indicators.GET("/api/v1/indicators/{code}/observations/{year}", { params: { path: { code: "AP2017-01", year: 2017 } } }), "getObservation");
      same([o.value, o.growthRate, o.status], [3193, 6.1, "FINAL"], "AP2017-01 in 2017");
    },
    "/api/v1/indicators/{code}/observations/{year}/history": async () => {
      const history = ok(
        await indicators.GET("/api/v1/indicators/{code}/observations/{year}/history", { params: { path: { code: "AP2017-01", year: 2017 } } }),
        "observationHistory",
      );
      same(history[0]?.revision, 1, "the first revision");
    },
    "/api/v1/categories": async () => {
      const categories = ok(await indicators.GET("/api/v1/categories"), "listCategories");
      check(categories.some((c) => c.code === "ECONOMY"), "ECONOMY among the categories");
    },
    "/api/v1/categories/{code}": async () => {
      same(ok(await indicators.GET("/api/v1/categories/{code}", code("ECONOMY")), "getCategory").nameZh, "经济发展", "ECONOMY");
    },
    "/api/v1/units": async () => {
      const units = ok(await indicators.GET("/api/v1/units"), "listUnits");
      check(units.some((u) => u.code === "YUAN_100M" && u.printed === "亿元"), "亿元 among the units");
    },
    "/api/v1/units/{code}": async () => {
      same(ok(await indicators.GET("/api/v1/units/{code}", code("PERCENT")), "getUnit").rate, true, "% is a rate");
    },
    "/api/v1/departments": async () => {
      const page = ok(await indicators.GET("/api/v1/departments", { params: { query: { size: 200 } } }), "listDepartments");
      check(page.items.some((d) => d.code === "DRC"), "DRC among the departments");
    },
    "/api/v1/departments/{code}": async () => {
      same(ok(await indicators.GET("/api/v1/departments/{code}", code("DRC")), "getDepartment").nameZh, "区发改局", "DRC");
    },
    "/api/v1/departments/{code}/indicators": async () => {
      const led = ok(await indicators.GET("/api/v1/departments/{code}/indicators", code("DRC")), "listDepartmentIndicators");
      check(led.some((i) => i.code === "AP2017-01" && i.role === "LEAD"), "DRC leads AP2017-01");
    },
    // AP2018's seeded outline (seeds/indicators/tasks.csv): areas AP2018-T1 to T5; AP2018-T1-1 is the first sub-area of T1,
    // unassigned, so its deadline is the plan's end (AP2018 is the 2018 annual plan: 2018-12-31).
    "/api/v1/tasks": async () => {
      const page = ok(await indicators.GET("/api/v1/tasks", { params: { query: { plan: "AP2018", level: "AREA", size: 200 } } }), "listTasks");
      same(page.total, 5, "AP2018's areas");
      same(page.items[0]?.code, "AP2018-T1", "the first area");
    },
    "/api/v1/tasks/{code}": async () => {
      const task = ok(await indicators.GET("/api/v1/tasks/{code}", code("AP2018-T1-1")), "getTask");
      same([task.textZh, task.parent, task.deadline], ["加快建设现代化产业体系", "AP2018-T1", "2018-12-31"], "AP2018-T1-1");
    },
    "/api/v1/tasks/{code}/updates": async () => {
      const updates = ok(await indicators.GET("/api/v1/tasks/{code}/updates", code(f.task)), "listTaskUpdates");
      same(updates.map((u) => u.id), [f.taskUpdate], "the task's updates");
    },
    "/api/v1/tasks/{code}/updates/{id}": async () => {
      const update = ok(await indicators.GET("/api/v1/tasks/{code}/updates/{id}", { params: { path: { code: f.task, id: f.taskUpdate } } }), "getTaskUpdate");
      same(update.text, "已完成现场踏勘", "the update's text");
    },
    "/api/v1/plans/{code}/task-assignments": async () => {
      const csv = ok(
        await indicators.GET("/api/v1/plans/{code}/task-assignments", { params: { path: { code: "AP2018" }, query: { format: "csv" } }, parseAs: "text" }),
        "exportTaskAssignments",
      );
      check(csv.includes("序号,任务,牵头单位,配合单位,完成时限") && csv.includes("AP2018-T1-1,加快建设现代化产业体系,,,2018-12-31"), "AP2018's division table");
    },
    "/api/v1/exports": async () => {
      const csv = ok(
        await indicators.GET("/api/v1/exports", { params: { query: { entity: "indicators", format: "csv", plan: "AP2017" } }, parseAs: "text" }),
        "exportData",
      );
      check(csv.includes("AP2017-01"), "AP2017-01 in the CSV export");
    },
    "/api/v1/audit": async () => {
      const page = ok(await indicators.GET("/api/v1/audit", { params: { query: { resourceType: "department", resource: f.department } } }), "listAuditEntries");
      same(page.items.map((e) => e.operation), ["createDepartment"], "the department's audit trail");
    },
    "/api/v1/audit/verification": async () => {
      check(ok(await indicators.GET("/api/v1/audit/verification"), "verifyAuditTrail").intact, "the audit trail's hash chain is intact");
    },
    "/api/v1/changes": () => onceInFeed((query) => indicators.GET("/api/v1/changes", { params: { query } }), "gov.planmonitor.indicator.department.created", `/api/v1/departments/${f.department}`),
    "/api/v1/subscriptions": async () => {
      const page = ok(await indicators.GET("/api/v1/subscriptions", { params: { query: { size: 200 } } }), "listSubscriptions");
      check(page.items.some((s) => s.id === f.subscriptions.indicator), "the subscription in the list");
    },
    "/api/v1/subscriptions/{id}": async () => {
      const subscription = ok(await indicators.GET("/api/v1/subscriptions/{id}", { params: { path: { id: f.subscriptions.indicator } } }), "getSubscription");
      same(subscription.targetUrl, hook, "the subscription's target");
    },
    "/api/v1/subscriptions/{id}/deliveries": async () => {
      const page = ok(await indicators.GET("/api/v1/subscriptions/{id}/deliveries", { params: { path: { id: f.subscriptions.indicator } } }), "listDeliveries");
      check(page.total >= 0 && Array.isArray(page.items), "a page of deliveries");
    },
  };
}

function projectReads(f: Fixtures): Reads<typeof projects> {
  const id = f.project.id ?? "";
  const project = { params: { path: { id } } };
  return {
    "/api/v1/project-lists": async () => {
      const page = ok(await projects.GET("/api/v1/project-lists", { params: { query: { size: 200 } } }), "listProjectLists");
      check(["FYP13-KEY", "AP2017-KEY"].every((l) => page.items.some((list) => list.code === l)), "the seeded lists");
    },
    "/api/v1/project-lists/{code}": async () => {
      const list = ok(await projects.GET("/api/v1/project-lists/{code}", { params: { path: { code: "AP2017-KEY" } } }), "getProjectList");
      same([list.year, list.reported?.projectCount], [2017, 43], "AP2017-KEY");
    },
    "/api/v1/project-lists/{code}/summary": async () => {
      const summary = ok(
        await projects.GET("/api/v1/project-lists/{code}/summary", { params: { path: { code: "AP2017-KEY" }, query: { year: 2017 } } }),
        "summarizeProjectList",
      );
      same([summary.list?.reported?.completedInvestment?.display, summary.list?.reported?.plannedInvestmentShare], ["23.9亿元", 112.5], "AP2017-KEY's reported figures");
    },
    "/api/v1/projects": async () => {
      const page = ok(await projects.GET("/api/v1/projects", { params: { query: { list: "FYP13-KEY", size: 100 } } }), "listProjects");
      same(page.total, 70, "FYP13-KEY's projects");
    },
    "/api/v1/projects/{id}": async () => {
      const seeded = ok(await projects.GET("/api/v1/projects/{id}", { params: { path: { id: "FYP13-KP-01" } } }), "getProject");
      same([seeded.category?.code, seeded.nameZh], ["FUNCTIONAL_ZONES", "长堤大马路258—266号房屋改造工程"], "FYP13-KP-01");
    },
    "/api/v1/projects/{id}/status": async () => {
      same(ok(await projects.GET("/api/v1/projects/{id}/status", project), "getProjectStatus").current, f.project.status, "the project's status");
    },
    "/api/v1/projects/{id}/investments": async () => {
      same(ok(await projects.GET("/api/v1/projects/{id}/investments", project), "listInvestments").map((i) => i.year), [2022], "investment years");
    },
    "/api/v1/projects/{id}/investments/{year}": async () => {
      const investment = ok(await projects.GET("/api/v1/projects/{id}/investments/{year}", { params: { path: { id, year: 2022 } } }), "getInvestment");
      same(investment.planned?.yuan, 12_000_000, "planned investment in yuan");
    },
    "/api/v1/projects/{id}/milestones": async () => {
      same(ok(await projects.GET("/api/v1/projects/{id}/milestones", project), "listMilestones").map((m) => m.id), [f.milestone], "milestones");
    },
    "/api/v1/projects/{id}/milestones/{milestoneId}": async () => {
      const m = ok(await projects.GET("/api/v1/projects/{id}/milestones/{milestoneId}", { params: { path: { id, milestoneId: f.milestone } } }), "getMilestone");
      same([m.nameZh, m.plannedDate], ["主体结构封顶", "2022-06-30"], "the milestone");
    },
    "/api/v1/projects/{id}/cancellation-requests": async () => {
      const requests = ok(await projects.GET("/api/v1/projects/{id}/cancellation-requests", project), "listCancellationRequests");
      same(requests.map((r) => r.id), [f.cancellation], "cancellation requests");
    },
    "/api/v1/projects/{id}/cancellation-requests/{requestId}": async () => {
      const request = ok(
        await projects.GET("/api/v1/projects/{id}/cancellation-requests/{requestId}", { params: { path: { id, requestId: f.cancellation } } }),
        "getCancellationRequest",
      );
      same([request.state, request.reason], ["OPEN", "资金来源取消，申请取消项目"], "the cancellation request");
    },
    "/api/v1/projects/{id}/updates": async () => {
      same(ok(await projects.GET("/api/v1/projects/{id}/updates", project), "listProgressUpdates").map((u) => u.id), [f.update], "progress updates");
    },
    "/api/v1/categories": async () => {
      const categories = ok(await projects.GET("/api/v1/categories"), "listProjectCategories");
      check(categories.some((c) => c.code === "PEOPLES_LIVELIHOOD"), "PEOPLES_LIVELIHOOD among the project categories");
    },
    "/api/v1/categories/{code}": async () => {
      same(ok(await projects.GET("/api/v1/categories/{code}", { params: { path: { code: "PEOPLES_LIVELIHOOD" } } }), "getProjectCategory").code,
        "PEOPLES_LIVELIHOOD", "a project category");
    },
    "/api/v1/zones": async () => {
      check(ok(await projects.GET("/api/v1/zones"), "listZones").length > 0, "zones");
    },
    "/api/v1/zones/{code}": async () => {
      same(ok(await projects.GET("/api/v1/zones/{code}", { params: { path: { code: "BEIJING_ROAD_CULTURAL_CORE" } } }), "getZone").code,
        "BEIJING_ROAD_CULTURAL_CORE", "a zone");
    },
    "/api/v1/exports": async () => {
      const csv = ok(
        await projects.GET("/api/v1/exports", { params: { query: { entity: "projects", format: "csv", list: "FYP13-KEY" } }, parseAs: "text" }),
        "exportProjectData",
      );
      check(csv.includes("FYP13-KP-01") && csv.includes("FYP13-KP-70"), "FYP13-KEY's 70 projects in the CSV export");
    },
    "/api/v1/audit": async () => {
      const page = ok(await projects.GET("/api/v1/audit", { params: { query: { resourceType: "project", resource: id } } }), "listAuditEntries");
      same(page.items.map((e) => e.operation), ["createProject"], "the project's audit trail");
    },
    "/api/v1/audit/verification": async () => {
      check(ok(await projects.GET("/api/v1/audit/verification"), "verifyAuditTrail").intact, "the audit trail's hash chain is intact");
    },
    "/api/v1/changes": () => onceInFeed((query) => projects.GET("/api/v1/changes", { params: { query } }), "gov.planmonitor.project.project.created", `/api/v1/projects/${id}`),
    "/api/v1/subscriptions": async () => {
      const page = ok(await projects.GET("/api/v1/subscriptions", { params: { query: { size: 200 } } }), "listSubscriptions");
      check(page.items.some((s) => s.id === f.subscriptions.project), "the subscription in the list");
    },
    "/api/v1/subscriptions/{id}": async () => {
      const subscription = ok(await projects.GET("/api/v1/subscriptions/{id}", { params: { path: { id: f.subscriptions.project } } }), "getSubscription");
      same(subscription.targetUrl, hook, "the subscription's target");
    },
    "/api/v1/subscriptions/{id}/deliveries": async () => {
      const page = ok(await projects.GET("/api/v1/subscriptions/{id}/deliveries", { params: { path: { id: f.subscriptions.project } } }), "listDeliveries");
      check(page.total >= 0 && Array.isArray(page.items), "a page of deliveries");
    },
  };
}

function reportReads(f: Fixtures): Reads<typeof reports> {
  const annual = { params: { path: { id: f.annual } } };
  return {
    "/api/v1/reports": async () => {
      const page = ok(await reports.GET("/api/v1/reports", { params: { query: { size: 200, status: "SUCCEEDED", type: "ANNUAL_EXECUTION" } } }), "listReports");
      check(page.items.some((r) => r.id === f.annual), "the annual report among the succeeded ones");
    },
    "/api/v1/reports/{id}": async () => {
      same(ok(await reports.GET("/api/v1/reports/{id}", annual), "getReport").status, "SUCCEEDED", "the annual report");
    },
    "/api/v1/reports/{id}/content": async () => {
      // The JSON content's schema is a bare object in the contract: read as such until it has a schema of its own.
      const content = ok(await reports.GET("/api/v1/reports/{id}/content", annual), "getReportContent") as unknown as { plan?: string; indicators?: unknown[] };
      same([content.plan, content.indicators?.length], ["AP2017", 6], "the annual report's content");
      const markdown = ok(await reports.GET("/api/v1/reports/{id}/content", { params: { path: { id: f.annual }, query: { format: "markdown" } }, parseAs: "text" }), "getReportContent");
      check(markdown.startsWith("# 越秀区2017年"), "the Markdown content's title");
    },
    "/api/v1/reports/{id}/diff/{otherId}": async () => {
      const diff = ok(await reports.GET("/api/v1/reports/{id}/diff/{otherId}", { params: { path: { id: f.annual, otherId: f.evaluation } } }), "diffReports");
      same([diff.identical, diff.to?.type], [false, "PLAN_EVALUATION"], "annual report against the evaluation");
      check((diff.changes ?? []).length > 0, "changes between the two");
    },
    "/api/v1/audit": async () => {
      const page = ok(await reports.GET("/api/v1/audit", { params: { query: { resourceType: "report", resource: f.annual } } }), "listAuditEntries");
      same(page.items.filter((e) => e.httpMethod !== "WORKER").map((e) => e.operation), ["requestReport"], "the report's audit trail");
    },
    "/api/v1/audit/verification": async () => {
      check(ok(await reports.GET("/api/v1/audit/verification"), "verifyAuditTrail").intact, "the audit trail's hash chain is intact");
    },
    "/api/v1/changes": () => onceInFeed((query) => reports.GET("/api/v1/changes", { params: { query } }), "gov.planmonitor.report.report.succeeded", `/api/v1/reports/${f.annual}`),
    "/api/v1/subscriptions": async () => {
      const page = ok(await reports.GET("/api/v1/subscriptions", { params: { query: { size: 200 } } }), "listSubscriptions");
      check(page.items.some((s) => s.id === f.subscriptions.report), "the subscription in the list");
    },
    "/api/v1/subscriptions/{id}": async () => {
      const subscription = ok(await reports.GET("/api/v1/subscriptions/{id}", { params: { path: { id: f.subscriptions.report } } }), "getSubscription");
      same(subscription.targetUrl, hook, "the subscription's target");
    },
    "/api/v1/subscriptions/{id}/deliveries": async () => {
      const page = ok(await reports.GET("/api/v1/subscriptions/{id}/deliveries", { params: { path: { id: f.subscriptions.report } } }), "listDeliveries");
      check(page.total >= 0 && Array.isArray(page.items), "a page of deliveries");
    },
  };
}

// ---- errors as Problems ----------------------------------------------------------------------------------------------

async function errorsAreProblems(): Promise<void> {
  // openapi-fetch types error from the operation's error responses: here the contract's Problem.
  const { data, error, response } = await indicators.GET("/api/v1/plans/{code}", { params: { path: { code: "NO-SUCH-PLAN" } } });
  const notFound: IndicatorTypes["schemas"]["Problem"] | undefined = error;
  check(data === undefined && notFound, "an unknown plan is an error");
  same([response.status, notFound.status, notFound.title], [404, 404, "Not found"], "the unknown plan's Problem");
  check(notFound.detail?.includes("NO-SUCH-PLAN"), `the Problem's detail names the plan: ${notFound.detail}`);
  check(response.headers.get("Content-Type")?.startsWith("application/problem+json"), "Content-Type application/problem+json");

  const invalid = await projects.POST("/api/v1/projects", {
    // nameEn left out on purpose: the type says it is required, the service says which field is wrong.
    body: { id: `TS-${run}-BAD`, nameZh: "缺英文名的项目", category: "FUNCTIONAL_ZONES" } as ProjectTypes["schemas"]["ProjectInput"],
  });
  const fields: ProjectTypes["schemas"]["Problem"] | undefined = invalid.error;
  check(fields, "a project without nameEn is an error");
  same(fields.status, 400, "the invalid project's Problem status");
  check((fields.errors ?? []).some((e) => e.field === "nameEn"), `the Problem names nameEn: ${JSON.stringify(fields)}`);
  console.log(JSON.stringify({ step: "problems", statuses: [notFound.status, fields.status] }));
}

// ---- the run -----------------------------------------------------------------------------------------------------------

const failures: string[] = [];
const readCalls: Call[] = [];
try {
  const fixtures = await makeFixtures();
  const report = await awaitSucceeded(fixtures.annual);
  check(/^[0-9a-f]{64}$/.test(report.contentHash ?? ""), "a SHA-256 content hash");
  console.log(JSON.stringify({ step: "report", id: report.id, type: report.type, status: report.status }));
  const all: [string, Partial<Record<string, Read>>][] = [
    ["indicator-service", indicatorReads(fixtures)],
    ["project-service", projectReads(fixtures)],
    ["report-service", reportReads(fixtures)],
  ];
  for (const [service, reads] of all) {
    for (const [path, read] of Object.entries(reads)) {
      const before = calls.length;
      try {
        await read?.();
        const made = calls.slice(before);
        readCalls.push(...made);
        // The entry's key says which path it reads; the requests it sent must show it.
        check(made.some((c) => c.service === service && c.method === "GET" && c.path === path && c.status < 300), `no 2xx answer of GET ${path} among ${JSON.stringify(made)}`);
      } catch (e) {
        failures.push(`${service} GET ${path}: ${e instanceof Error ? e.message : e}`);
      }
    }
  }
  await errorsAreProblems();
} catch (e) {
  failures.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
}
failures.forEach((failure) => console.error(failure));
process.exitCode = failures.length === 0 ? 0 : 1;
// Only what the reads sent, not the setup's requests: GeneratedClientsIT compares it with the contracts' GET operations.
console.log(JSON.stringify({ step: "reads", reads: readCalls }));
