package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "ImportReport", description = "What an import did (or, for a dry run, would do). A dry run with errors lists them and writes nothing.")
public record ImportReportDto(
        @Schema(examples = "false") boolean dryRun,
        @Schema(description = "True when the data was written", examples = "true") boolean applied,
        @Schema(description = "Rows created, updated and unchanged per entity",
                examples = "{\"indicators\": {\"CREATED\": 22, \"UPDATED\": 0, \"UNCHANGED\": 0}}") Map<String, Map<String, Integer>> counts,
        List<FieldError> errors) {
}
