package gov.planmonitor.indicator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.indicators.CodeNameDto;
import gov.planmonitor.indicator.targets.TargetDto;
import gov.planmonitor.indicator.units.UnitDto;

@Schema(name = "EvaluationItem", description = "The verdict on one indicator and why.")
public record EvaluationItemDto(
        @Schema(examples = "FYP12-01") String code,
        @Schema(examples = "1") int seq,
        @Schema(examples = "地区生产总值年均增长率") String nameZh,
        @Schema(examples = "Average annual growth rate of regional GDP") String nameEn,
        CodeNameDto category,
        @Schema(enumeration = {"BINDING", "EXPECTED"}, description = "约束性 / 预期性; null where the source gives none", examples = "BINDING", nullable = true) String attribute,
        UnitDto unit,
        List<DepartmentRoleDto> departments,
        @Schema(description = "The target in force, as recorded at the evaluation's asOf; null when none was recorded by then "
                + "(verdict NOT_EVALUABLE, rule NO_TARGET)", nullable = true) TargetDto target,
        @Schema(description = "The original target when a revision is in force", nullable = true) TargetDto originalTarget,
        @Schema(description = "The observation the verdict rests on (for growth over several years, the latest); null when there is none", nullable = true) UsedObservationDto observation,
        @Schema(enumeration = {"ACHIEVED", "NOT_ACHIEVED", "NOT_COMPARABLE", "NOT_EVALUABLE", "AHEAD", "ON_TRACK", "LAGGING"},
                examples = "ACHIEVED") String verdict,
        @Schema(examples = "完成") String verdictZh,
        @Schema(examples = "Achieved") String verdictEn,
        ExplanationDto explanation) {

    @Schema(name = "UsedObservation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsedObservationDto(
            @Schema(examples = "2015") int year,
            @Schema(examples = "2011") Integer periodStart,
            @Schema(examples = "8.8") BigDecimal value,
            @Schema(examples = "8.8") BigDecimal growthRate,
            @Schema(examples = "FINAL") String status,
            String qualitativeZh,
            String qualitativeEn,
            @Schema(description = "Indicator the value was recorded on, when it comes from a linked indicator of another plan",
                    examples = "AP2017-01") String fromIndicator) {
    }

    @Schema(name = "Explanation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExplanationDto(
            @Schema(examples = "AVERAGE_GROWTH_AT_LEAST_TARGET") String rule,
            @Schema(examples = "年均增长8.8%，目标8%，已完成") String zh,
            @Schema(examples = "Average annual growth 8.8% against a target of 8%: achieved") String en,
            @Schema(description = "The figure compared with the target", examples = "8.8") BigDecimal actual,
            @Schema(examples = "8") BigDecimal target,
            @Schema(description = "The 左右 band applied (0 for binding indicators)", examples = "0") BigDecimal tolerance,
            @Schema(description = "The bound actually applied (target minus or plus tolerance)", examples = "8") BigDecimal threshold,
            @Schema(description = "Expected progress by this year (during a five-year plan)") BigDecimal expected,
            @Schema(description = "Value in the year before the plan began") BigDecimal baseline,
            @Schema(description = "Years whose values were used") List<Integer> years) {
    }
}
