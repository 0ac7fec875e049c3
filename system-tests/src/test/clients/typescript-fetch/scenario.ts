// The calls an integrating team makes, through the TypeScript clients openapi-generator's typescript-fetch generator
// makes from the three contracts (untouched). GeneratedClientsIT runs it against the suite and checks the one JSON line
// it prints; any unexpected error exits 1.
//
// Environment: INDICATOR_URL, PROJECT_URL, REPORT_URL, TOKEN (an admin's), RUN (unique per run), REPORT_A (an annual
// execution report for 2017), REPORT_B (an evaluation of FYP12), both SUCCEEDED.
import * as indicator from "../../../../target/generated-clients/typescript-fetch/indicator";
import * as project from "../../../../target/generated-clients/typescript-fetch/project";
import * as report from "../../../../target/generated-clients/typescript-fetch/report";

const env = process.env as Record<string, string>;
const out: Record<string, unknown> = {};

/** The typed Problem of a failed call, and its status. */
async function problem(e: unknown): Promise<{ status: number; problem: indicator.Problem }> {
  if (!(e instanceof indicator.ResponseError)) {
    throw e;
  }
  return { status: e.response.status, problem: indicator.ProblemFromJSON(await e.response.json()) };
}

async function main(): Promise<void> {
  const ic = new indicator.Configuration({ basePath: env.INDICATOR_URL, accessToken: env.TOKEN });
  const pc = new project.Configuration({ basePath: env.PROJECT_URL, accessToken: env.TOKEN });
  const rc = new report.Configuration({ basePath: env.REPORT_URL, accessToken: env.TOKEN });

  // A read: typed fields.
  const plan = await new indicator.PlansApi(ic).getPlan({ code: "FYP13" });
  out.plan = { kind: plan.kind, startYear: plan.startYear, indicatorCount: plan.indicatorCount };
  const observation = await new indicator.IndicatorsApi(ic).getObservation({ code: "AP2017-01", year: 2017 });
  out.observation = { value: String(observation.value), growthRate: String(observation.growthRate) };
  const p = await new project.ProjectsApi(pc).getProject({ id: "FYP13-KP-01" });
  out.project = { nameZh: p.nameZh, category: p.category?.code };
  const summary = await new project.ProjectListsApi(pc).summarizeProjectList({ code: "AP2017-KEY", year: 2017 });
  out.summary = { completedInvestment: summary.list?.reported?.completedInvestment?.display,
    plannedShare: String(summary.list?.reported?.plannedInvestmentShare) };

  // A write with If-Match: create, read the ETag, update with it; the same ETag again is stale: a typed Problem.
  const departments = new indicator.DepartmentsApi(ic);
  const code = "GC_TS_" + env.RUN;
  await departments.createDepartment({ department: { code, nameZh: "TypeScript客户端测试局", nameEn: "TypeScript client bureau" } });
  const etag = (await departments.getDepartmentRaw({ code })).raw.headers.get("ETag")!;
  const updated = await departments.updateDepartment({ code, ifMatch: etag,
    department: { code, nameZh: "TypeScript客户端测试局", nameEn: "TypeScript client bureau, renamed" } });
  const update: Record<string, unknown> = { nameEn: updated.nameEn };
  try {
    await departments.updateDepartment({ code, ifMatch: etag, department: { code, nameZh: "TypeScript客户端测试局", nameEn: "stale" } });
  } catch (e) {
    const stale = await problem(e);
    Object.assign(update, { staleStatus: stale.status, problemStatus: stale.problem.status, problemTitle: stale.problem.title });
  }
  out.update = update;

  // A 4xx read as a typed Problem.
  try {
    await new indicator.PlansApi(ic).getPlan({ code: "NO-SUCH-PLAN" });
  } catch (e) {
    const missing = await problem(e);
    out.notFound = { status: missing.status, problemStatus: missing.problem.status, title: missing.problem.title, detail: missing.problem.detail };
  }

  // The change feed: the department's creation, its data typed by the event's type (the union narrows on it).
  const feed = new indicator.ChangesApi(ic);
  const found: unknown[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await feed.listChanges({ after, limit: 500, types: "gov.planmonitor.indicator.department.created" });
    const items = page.items ?? [];
    for (const event of items) {
      if (event.type === "gov.planmonitor.indicator.department.created" && event.subject === "/api/v1/departments/" + code) {
        const data: indicator.Department | undefined = event.data;
        found.push({ eventClass: "DepartmentEvent", type: event.type, dataClass: "Department", nameZh: data?.nameZh });
      }
    }
    if (items.length === 0) {
      break;
    }
    after = page.next;
  }
  out.events = found;

  // The report content (JSON, typed) and a diff of two reports.
  const reports = new report.ReportsApi(rc);
  const content = await reports.getReportContent({ id: env.REPORT_A });
  out.content = { plan: content.plan, titleZh: content.titleZh, indicators: content.indicators?.length };
  const diff = await reports.diffReports({ id: env.REPORT_A, otherId: env.REPORT_B });
  out.diff = { identical: diff.identical, toType: diff.to?.type, changes: diff.changes?.length };

  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
