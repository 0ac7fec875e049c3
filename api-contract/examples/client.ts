// A typed client of the suite as a frontend would write it: openapi-fetch over the types that openapi-typescript
// generates from each service's contract (target/ts/<service>.d.ts), one client and base URL per service. Paths,
// parameters, bodies and responses are all checked by tsc, so a contract change that breaks this code fails the build.
//
//   TOKEN=$(./run token reporter) INDICATOR_URL=http://localhost:8081 REPORT_URL=http://localhost:8083 node target/ts-out/client.js
//
// Prints one JSON line per step (system-tests' SuiteIT runs it against the running suite and reads them).
import createClient from "openapi-fetch";
import type { components, paths as ReportPaths } from "../target/ts/report-service.js";
import type { paths as IndicatorPaths } from "../target/ts/indicator-service.js";

type Problem = components["schemas"]["Problem"];
type Report = components["schemas"]["Report"];

const indicatorUrl = process.env.INDICATOR_URL ?? "http://localhost:8081";
const reportUrl = process.env.REPORT_URL ?? "http://localhost:8083";
// A bearer token (./run token reporter locally, the identity provider's in production): reads need none, writes do.
const token = process.env.TOKEN;
const pollMillis = Number(process.env.POLL_MILLIS ?? 250);
const reportTimeoutMillis = Number(process.env.REPORT_TIMEOUT_MILLIS ?? 60_000);

// One client per service, typed by that service's contract: each answers its own paths.
const indicators = createClient<IndicatorPaths>({ baseUrl: indicatorUrl });
const reports = createClient<ReportPaths>({
  baseUrl: reportUrl,
  headers: token ? { Authorization: `Bearer ${token}` } : {},
});

function print(step: string, fields: object): void {
  console.log(JSON.stringify({ step, ...fields }));
}

function failure(what: string, problem: Problem | undefined, response: Response): Error {
  return new Error(`${what}: ${response.status} ${problem?.title ?? ""} ${problem?.detail ?? ""}`.trim());
}

async function listFyp13Indicators(): Promise<void> {
  const { data, error, response } = await indicators.GET("/api/v1/plans/{code}/indicators", {
    params: { path: { code: "FYP13" }, query: { size: 100 } },
  });
  if (!data) throw failure("FYP13 indicators", error, response);
  print("indicators", {
    plan: "FYP13",
    total: data.total,
    items: (data.items ?? []).map((indicator) => ({
      code: indicator.code,
      nameZh: indicator.nameZh,
      attribute: indicator.attribute, // BINDING (约束性) or EXPECTED (预期性)
      departments: (indicator.departments ?? []).map((d) => ({ code: d.code, role: d.role })),
    })),
  });
}

async function readFyp12Evaluation(): Promise<void> {
  const { data, error, response } = await indicators.GET("/api/v1/plans/{code}/evaluation", {
    params: { path: { code: "FYP12" } },
  });
  if (!data) throw failure("FYP12 evaluation", error, response);
  print("evaluation", { plan: "FYP12", year: data.year, stage: data.stage, total: data.summary?.total, byVerdict: data.summary?.byVerdict });
}

async function requestAnnualExecutionReport(): Promise<void> {
  const requested = await reports.POST("/api/v1/reports", {
    body: { type: "ANNUAL_EXECUTION", year: 2017 },
  });
  if (!requested.data) throw failure("report request", requested.error, requested.response);
  const id = requested.data.id;
  if (!id) throw new Error("report request: no id in the answer");

  const deadline = Date.now() + reportTimeoutMillis;
  let report: Report = requested.data;
  let polls = 0;
  while (report.status !== "SUCCEEDED") {
    if (report.status === "FAILED") throw new Error(`report ${id} FAILED: ${report.failureReason}`);
    if (Date.now() > deadline) throw new Error(`report ${id} still ${report.status} after ${reportTimeoutMillis} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMillis));
    const { data, error, response } = await reports.GET("/api/v1/reports/{id}", { params: { path: { id } } });
    if (!data) throw failure(`report ${id}`, error, response);
    report = data;
    polls++;
  }
  print("report", { id, type: report.type, status: report.status, polls, contentHash: report.contentHash });
}

try {
  await listFyp13Indicators();
  await readFyp12Evaluation();
  await requestAnnualExecutionReport();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
