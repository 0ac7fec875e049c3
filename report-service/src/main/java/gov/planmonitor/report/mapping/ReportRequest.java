package gov.planmonitor.report.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "ReportRequest", description = """
        A report to generate. ANNUAL_EXECUTION needs year (the annual plan's main indicators and its key project list);
        PLAN_EVALUATION needs plan (mid-term or final by year, binding indicators first). asOf pins the data to a time.""")
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
