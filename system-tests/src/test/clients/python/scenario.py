"""The calls an integrating team makes, through the Python clients openapi-generator's python generator makes from the
three contracts, untouched (PYTHONPATH holds the three generated folders). GeneratedClientsIT runs it against the
suite and checks what it prints: one JSON line of what the typed answers held. Any unexpected exception exits non-zero.

Environment: INDICATOR_URL, PROJECT_URL, REPORT_URL, TOKEN (an admin's), RUN (unique per run), REPORT_A (an annual
execution report for 2017), REPORT_B (an evaluation of FYP12), both SUCCEEDED.
"""
import json
import os
import sys
from uuid import UUID

import indicator_client
import project_client
import report_client
from indicator_client.exceptions import ApiException as IndicatorApiException

env = os.environ
out = {}


def client(package, url):
    return package.ApiClient(package.Configuration(host=url, access_token=env["TOKEN"]))


indicators = client(indicator_client, env["INDICATOR_URL"])
projects = client(project_client, env["PROJECT_URL"])
reports = client(report_client, env["REPORT_URL"])

# A read: typed fields.
plan = indicator_client.PlansApi(indicators).get_plan("FYP13")
out["plan"] = {"kind": plan.kind, "startYear": plan.start_year, "indicatorCount": plan.indicator_count}
observation = indicator_client.IndicatorsApi(indicators).get_observation("AP2017-01", 2017)
out["observation"] = {"value": str(observation.value), "growthRate": str(observation.growth_rate)}
project = project_client.ProjectsApi(projects).get_project("FYP13-KP-01")
out["project"] = {"nameZh": project.name_zh, "category": project.category.code}
summary = project_client.ProjectListsApi(projects).summarize_project_list("AP2017-KEY", year=2017)
out["summary"] = {"completedInvestment": summary.list.reported.completed_investment.display,
                  "plannedShare": str(summary.list.reported.planned_investment_share)}

# A write with If-Match: create, read the ETag, update with it; the same ETag again is stale: a typed Problem.
departments = indicator_client.DepartmentsApi(indicators)
code = "GC_PY_" + env["RUN"]
departments.create_department(indicator_client.Department(code=code, name_zh="Python客户端测试局", name_en="Python client bureau"))
etag = departments.get_department_with_http_info(code).headers["ETag"]
updated = departments.update_department(code, etag, indicator_client.Department(code=code, name_zh="Python客户端测试局", name_en="Python client bureau, renamed"))
try:
    departments.update_department(code, etag, indicator_client.Department(code=code, name_zh="Python客户端测试局", name_en="stale"))
    stale = None
except IndicatorApiException as e:
    stale = e
problem = indicator_client.Problem.from_json(stale.body) if stale else None
out["update"] = {"nameEn": updated.name_en, "staleStatus": stale.status if stale else None,
                 "problemStatus": problem.status if problem else None, "problemTitle": problem.title if problem else None}

# A 4xx read as a typed Problem.
try:
    indicator_client.PlansApi(indicators).get_plan("NO-SUCH-PLAN")
    out["notFound"] = None
except IndicatorApiException as e:
    problem = indicator_client.Problem.from_json(e.body)
    out["notFound"] = {"status": e.status, "problemStatus": problem.status, "title": problem.title, "detail": problem.detail}

# The change feed: the department's creation, its data typed by the event's type.
feed = indicator_client.ChangesApi(indicators)
after, found = None, []
while True:
    page = feed.list_changes(after=after, limit=500, types="gov.planmonitor.indicator.department.created")
    for item in page.items:
        event = item.actual_instance
        if event.subject == "/api/v1/departments/" + code:
            found.append({"eventClass": type(event).__name__, "type": event.type, "dataClass": type(event.data).__name__,
                          "nameZh": event.data.name_zh})
    if not page.items:
        break
    after = page.next
out["events"] = found

# The report content (JSON, typed) and a diff of two reports.
reports_api = report_client.ReportsApi(reports)
content = reports_api.get_report_content(UUID(env["REPORT_A"]))
out["content"] = {"plan": content.plan, "titleZh": content.title_zh, "indicators": len(content.indicators)}
diff = reports_api.diff_reports(UUID(env["REPORT_A"]), UUID(env["REPORT_B"]))
out["diff"] = {"identical": diff.identical, "toType": diff.to.type, "changes": len(diff.changes)}

print(json.dumps(out, ensure_ascii=False, default=str))
sys.exit(0)
