package gov.planmonitor.report.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report's parameters as checked and completed at request time: stored with the report as this record's JSON and
 * served as they were stored. A parameter the report type does not take is null and left out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportParameters", description = "What the report covers; which fields are set depends on the type.")
public record ReportParameters(
        @Schema(description = "Plan code (all but PROJECT_PROGRESS)", examples = "AP2017") String plan,
        @Schema(description = "Year covered (PROJECT_PROGRESS: only when asked for)", examples = "2017") Integer year,
        @Schema(description = "Department code (DEPARTMENT_SCORECARD)", examples = "DRC") String department,
        @Schema(description = "Project list code (PROJECT_PROGRESS)", examples = "AP2017-KEY") String list) {
}
