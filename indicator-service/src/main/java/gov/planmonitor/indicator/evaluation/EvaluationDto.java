package gov.planmonitor.indicator.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import gov.planmonitor.indicator.plans.PlanDto;

@Schema(name = "Evaluation", description = "Verdicts on every indicator of a plan for a year, with the numbers and rule behind each.")
public record EvaluationDto(
        PlanDto plan,
        @Schema(examples = "2015") int year,
        @Schema(enumeration = {"FINAL", "PROGRESS"}, description = "FINAL at the end of the period; PROGRESS during a five-year plan",
                examples = "FINAL") String stage,
        @Schema(description = "Share of the plan period elapsed by the end of the year", examples = "1") BigDecimal elapsedShare,
        @Schema(description = "Observations and targets as recorded at this time; null means current", nullable = true) OffsetDateTime asOf,
        List<EvaluationItemDto> items,
        EvaluationSummaryDto summary) {
}
