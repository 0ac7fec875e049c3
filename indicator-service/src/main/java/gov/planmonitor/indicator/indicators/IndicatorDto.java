package gov.planmonitor.indicator.indicators;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.targets.TargetDto;
import gov.planmonitor.indicator.units.UnitDto;

@Schema(name = "Indicator", description = "A plan indicator with its target in force.")
public record IndicatorDto(
        @Schema(examples = "FYP13-01") String code,
        @Schema(examples = "FYP13") String plan,
        @Schema(examples = "1") int seq,
        @Schema(examples = "地区生产总值年均增长率") String nameZh,
        @Schema(description = "The English name; nameZh where no translation is entered", examples = "Average annual growth rate of regional GDP") String nameEn,
        CodeNameDto category,
        UnitDto unit,
        @Schema(enumeration = {"BINDING", "EXPECTED"}, description = "约束性 / 预期性; null where the source gives none", examples = "EXPECTED", nullable = true) String attribute,
        @Schema(enumeration = {"INCREASE", "DECREASE", "MAINTAIN"}, examples = "INCREASE") String direction,
        @Schema(enumeration = {"LEVEL", "GROWTH_RATE", "DECLINE_RATE"}, description = "What the yearly values measure: a level, the year's growth"
                + " rate in %, or the year's decline rate in %", examples = "GROWTH_RATE") String measures,
        List<DepartmentRoleDto> departments,
        @Schema(description = "The target in force; null for an indicator without one", nullable = true) TargetDto target,
        @Schema(description = "The first target, when it was revised since", nullable = true) TargetDto originalTarget,
        @Schema(description = "Shared by the indicators measuring the same thing in different plans; null when none", examples = "GDP_GROWTH", nullable = true) String series,
        @Schema(description = "Indicators of other plans in the same series", examples = "[\"FYP12-01\", \"AP2017-01\"]") List<String> linkedIndicators,
        @Schema(nullable = true) String footnoteZh,
        @Schema(nullable = true) String footnoteEn) {
}
