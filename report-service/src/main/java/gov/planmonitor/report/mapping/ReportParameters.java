package gov.planmonitor.report.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a report's stored parameters, for the contract only: the service keeps them as the JSON it checked
 * and completed at request time, and returns that JSON as it is.
 */
@Schema(name = "ReportParameters", description = "What the report covers; which fields are set depends on the type.")
public record ReportParameters(
        @Schema(description = "Plan code (all but PROJECT_PROGRESS)", examples = "AP2017") String plan,
        @Schema(description = "Year covered (PROJECT_PROGRESS: only when asked for)", examples = "2017") Integer year,
        @Schema(description = "Department code (DEPARTMENT_SCORECARD)", examples = "DRC") String department,
        @Schema(description = "Project list code (PROJECT_PROGRESS)", examples = "AP2017-KEY") String list) {
}
