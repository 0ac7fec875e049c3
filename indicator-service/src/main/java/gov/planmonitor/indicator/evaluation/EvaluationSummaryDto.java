package gov.planmonitor.indicator.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "EvaluationSummary", description = "Counts of verdicts overall and by category, attribute (NONE where unset) and department.")
public record EvaluationSummaryDto(
        @Schema(examples = "24") int total,
        @Schema(examples = "{\"ACHIEVED\": 19, \"NOT_ACHIEVED\": 4, \"NOT_COMPARABLE\": 1}") Map<String, Integer> byVerdict,
        Map<String, Map<String, Integer>> byCategory,
        Map<String, Map<String, Integer>> byAttribute,
        Map<String, Map<String, Integer>> byDepartment) {
}
