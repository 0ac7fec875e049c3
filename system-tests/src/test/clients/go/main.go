// The calls an integrating team makes, through the Go clients generated from the three contracts (untouched).
// GeneratedClientsIT runs it against the suite and checks the one JSON line it prints; any unexpected error exits 1.
//
// Environment: INDICATOR_URL, PROJECT_URL, REPORT_URL, TOKEN (an admin's), RUN (unique per run), REPORT_A (an annual
// execution report for 2017), REPORT_B (an evaluation of FYP12), both SUCCEEDED.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	indicator "github.com/planmonitor/indicator-client"
	project "github.com/planmonitor/project-client"
	report "github.com/planmonitor/report-client"
)

func must(err error, what string) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", what, err)
		os.Exit(1)
	}
}

// problem reads the typed Problem of a failed call.
func problem(err error) (*indicator.Problem, error) {
	var generic *indicator.GenericOpenAPIError
	if !errors.As(err, &generic) {
		return nil, fmt.Errorf("not an API error: %v", err)
	}
	var p indicator.Problem
	if e := json.Unmarshal(generic.Body(), &p); e != nil {
		return nil, e
	}
	return &p, nil
}

func main() {
	ctx := context.WithValue(context.Background(), indicator.ContextAccessToken, os.Getenv("TOKEN"))
	out := map[string]any{}

	ic := indicator.NewConfiguration()
	ic.Servers = indicator.ServerConfigurations{{URL: os.Getenv("INDICATOR_URL")}}
	ind := indicator.NewAPIClient(ic)
	pc := project.NewConfiguration()
	pc.Servers = project.ServerConfigurations{{URL: os.Getenv("PROJECT_URL")}}
	pc.AddDefaultHeader("Authorization", "Bearer "+os.Getenv("TOKEN"))
	proj := project.NewAPIClient(pc)
	rc := report.NewConfiguration()
	rc.Servers = report.ServerConfigurations{{URL: os.Getenv("REPORT_URL")}}
	rc.AddDefaultHeader("Authorization", "Bearer "+os.Getenv("TOKEN"))
	rep := report.NewAPIClient(rc)

	// A read: typed fields.
	plan, _, err := ind.PlansAPI.GetPlan(ctx, "FYP13").Execute()
	must(err, "getPlan")
	out["plan"] = map[string]any{"kind": plan.GetKind(), "startYear": plan.GetStartYear(), "indicatorCount": plan.GetIndicatorCount()}
	observation, _, err := ind.IndicatorsAPI.GetObservation(ctx, "AP2017-01", 2017).Execute()
	must(err, "getObservation")
	out["observation"] = map[string]any{"value": fmt.Sprint(observation.GetValue()), "growthRate": fmt.Sprint(observation.GetGrowthRate())}
	p, _, err := proj.ProjectsAPI.GetProject(context.Background(), "FYP13-KP-01").Execute()
	must(err, "getProject")
	out["project"] = map[string]any{"nameZh": p.GetNameZh(), "category": p.Category.GetCode()}
	summary, _, err := proj.ProjectListsAPI.SummarizeProjectList(context.Background(), "AP2017-KEY").Year(2017).Execute()
	must(err, "summarizeProjectList")
	reported := summary.List.Reported
	completed := reported.GetCompletedInvestment()
	out["summary"] = map[string]any{"completedInvestment": completed.GetDisplay(), "plannedShare": fmt.Sprint(reported.GetPlannedInvestmentShare())}

	// A write with If-Match: create, read the ETag, update with it; the same ETag again is stale: a typed Problem.
	code := "GC_GO_" + os.Getenv("RUN")
	_, _, err = ind.DepartmentsAPI.CreateDepartment(ctx).Department(*indicator.NewDepartment(code, "Go客户端测试局", "Go client bureau")).Execute()
	must(err, "createDepartment")
	_, read, err := ind.DepartmentsAPI.GetDepartment(ctx, code).Execute()
	must(err, "getDepartment")
	etag := read.Header.Get("ETag")
	updated, _, err := ind.DepartmentsAPI.UpdateDepartment(ctx, code).IfMatch(etag).
		Department(*indicator.NewDepartment(code, "Go客户端测试局", "Go client bureau, renamed")).Execute()
	must(err, "updateDepartment")
	update := map[string]any{"nameEn": updated.GetNameEn()}
	_, stale, err := ind.DepartmentsAPI.UpdateDepartment(ctx, code).IfMatch(etag).
		Department(*indicator.NewDepartment(code, "Go客户端测试局", "stale")).Execute()
	if err != nil && stale != nil {
		pr, perr := problem(err)
		must(perr, "stale update's Problem")
		update["staleStatus"] = stale.StatusCode
		update["problemStatus"] = pr.GetStatus()
		update["problemTitle"] = pr.GetTitle()
	}
	out["update"] = update

	// A 4xx read as a typed Problem.
	_, missing, err := ind.PlansAPI.GetPlan(ctx, "NO-SUCH-PLAN").Execute()
	if err != nil && missing != nil {
		pr, perr := problem(err)
		must(perr, "404's Problem")
		out["notFound"] = map[string]any{"status": missing.StatusCode, "problemStatus": pr.GetStatus(), "title": pr.GetTitle(), "detail": pr.GetDetail()}
	}

	// The change feed: the department's creation, its data typed by the event's type.
	found := []map[string]any{}
	after := ""
	for {
		request := ind.ChangesAPI.ListChanges(ctx).Limit(500).Types("gov.planmonitor.indicator.department.created")
		if after != "" {
			request = request.After(after)
		}
		page, _, err := request.Execute()
		must(err, "listChanges")
		for _, item := range page.GetItems() {
			if e := item.DepartmentEvent; e != nil && e.Subject == "/api/v1/departments/"+code {
				found = append(found, map[string]any{"eventClass": "DepartmentEvent", "type": e.Type,
					"dataClass": fmt.Sprintf("%T", *e.Data), "nameZh": e.Data.GetNameZh()})
			}
		}
		if len(page.GetItems()) == 0 {
			break
		}
		after = page.GetNext()
	}
	out["events"] = found

	// The report content (JSON, typed) and a diff of two reports.
	content, _, err := rep.ReportsAPI.GetReportContent(context.Background(), os.Getenv("REPORT_A")).Execute()
	must(err, "getReportContent")
	out["content"] = map[string]any{"plan": content.GetPlan(), "titleZh": content.GetTitleZh(), "indicators": len(content.GetIndicators())}
	diff, _, err := rep.ReportsAPI.DiffReports(context.Background(), os.Getenv("REPORT_A"), os.Getenv("REPORT_B")).Execute()
	must(err, "diffReports")
	to := diff.GetTo()
	out["diff"] = map[string]any{"identical": diff.GetIdentical(), "toType": to.GetType(), "changes": len(diff.GetChanges())}

	line, err := json.Marshal(out)
	must(err, "output")
	fmt.Println(string(line))
}
