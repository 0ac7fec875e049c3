package gov.planmonitor.report.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "ReportRequest", description = """
        A report to generate, and the data it is built from:
        - ANNUAL_EXECUTION: year (required). The annual plan of that year: main indicator table (target, value, growth, verdict)
          and its key project list's investment roll-up beside the published figures. Example: {"type":"ANNUAL_EXECUTION","year":2017}
        - PLAN_EVALUATION: plan (required), year (default: the plan's last year). Final evaluation at the end of the period,
          mid-term during it; binding (约束性) indicators first. Example: {"type":"PLAN_EVALUATION","plan":"FYP12"}
        - DEPARTMENT_SCORECARD: department and plan (required), year (default: the plan's last year). The indicators the
          department leads or supports, with values and verdicts. Example: {"type":"DEPARTMENT_SCORECARD","department":"DRC","plan":"FYP13","year":2017}
        - PROJECT_PROGRESS: list (required), year (optional; all years when absent). Every project of the list with status,
          progress and investment, and the list's roll-up by category, status and zone. Example: {"type":"PROJECT_PROGRESS","list":"FYP13-KEY"}
        - OVERSIGHT (督查通报): plan (required). The plan's tasks that are late as of the day of asOf in the bureau's time zone
          (Asia/Shanghai; default today), i.e. not started or in progress with a deadline before that day, or lagging (a commitment
          LAGGING or NOT_ACHIEVED), by principal lead unit, with days overdue. Example: {"type":"OVERSIGHT","plan":"AP2018","asOf":"2019-01-02T00:00:00+08:00"}
        ANNUAL_EXECUTION and DEPARTMENT_SCORECARD also show the plan's key work (its tasks), judged as of the same day.
        asOf pins the indicator data to a time (default: now): the same asOf gives the same content.
        Unknown plans, departments and lists are refused with 422 when the report is requested.""")
public record ReportRequest(
        @NotNull @Pattern(regexp = "ANNUAL_EXECUTION|PLAN_EVALUATION|DEPARTMENT_SCORECARD|PROJECT_PROGRESS|OVERSIGHT",
                message = "must be ANNUAL_EXECUTION, PLAN_EVALUATION, DEPARTMENT_SCORECARD, PROJECT_PROGRESS or OVERSIGHT")
        @Schema(examples = "ANNUAL_EXECUTION") String type,
        @Min(1949) @Max(2100) @Schema(examples = "2017") Integer year,
        @Size(max = 40) @Schema(examples = "FYP12") String plan,
        @Size(max = 40) @Schema(examples = "DRC") String department,
        @Size(max = 40) @Schema(examples = "AP2017-KEY") String list,
        @Schema(description = "Read the data as of this time (default: now); OVERSIGHT judges lateness on its day in the bureau's time zone")
        OffsetDateTime asOf) {
}
