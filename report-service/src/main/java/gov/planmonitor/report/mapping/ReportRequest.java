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
        asOf pins the indicator data to a time (default: now): the same asOf gives the same content.
        Unknown plans, departments and lists are refused with 422 when the report is requested.""")
public record ReportRequest(
        @NotNull @Pattern(regexp = "ANNUAL_EXECUTION|PLAN_EVALUATION|DEPARTMENT_SCORECARD|PROJECT_PROGRESS",
                message = "must be ANNUAL_EXECUTION, PLAN_EVALUATION, DEPARTMENT_SCORECARD or PROJECT_PROGRESS")
        @Schema(examples = "ANNUAL_EXECUTION") String type,
        @Min(1949) @Max(2100) @Schema(examples = "2017") Integer year,
        @Size(max = 40) @Schema(examples = "FYP12") String plan,
        @Size(max = 40) @Schema(examples = "DRC") String department,
        @Size(max = 40) @Schema(examples = "AP2017-KEY") String list,
        @Schema(description = "Read the data as of this time (default: now)") OffsetDateTime asOf) {
}
