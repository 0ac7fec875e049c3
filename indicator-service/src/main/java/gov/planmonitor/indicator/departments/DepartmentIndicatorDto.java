package gov.planmonitor.indicator.departments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import gov.planmonitor.indicator.evaluation.EvaluationItemDto;
import gov.planmonitor.indicator.targets.TargetDto;

@Schema(name = "DepartmentIndicator", description = "An indicator a department is responsible for, with its latest value and verdict.")
public record DepartmentIndicatorDto(
        @Schema(examples = "FYP13-01") String code,
        @Schema(examples = "FYP13") String plan,
        @Schema(examples = "地区生产总值年均增长率") String nameZh,
        @Schema(examples = "Average annual growth rate of regional GDP") String nameEn,
        @Schema(enumeration = {"LEAD", "SUPPORT"}, examples = "LEAD") String role,
        @Schema(description = "The target in force; null for an indicator without one", nullable = true) TargetDto target,
        @Schema(description = "Year of the evaluation the verdict comes from", examples = "2017") int year,
        @Schema(description = "The observation the verdict rests on; null when there is none", nullable = true) EvaluationItemDto.UsedObservationDto latest,
        @Schema(examples = "LAGGING") String verdict,
        @Schema(examples = "进度滞后") String verdictZh,
        EvaluationItemDto.ExplanationDto explanation) {
}
