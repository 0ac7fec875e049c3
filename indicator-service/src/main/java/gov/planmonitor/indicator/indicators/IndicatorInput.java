package gov.planmonitor.indicator.indicators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.targets.TargetInput;

@Schema(name = "IndicatorInput", description = "An indicator to create or replace. A changed target replaces the target in force (a correction); use the targets endpoint for a revision.")
public record IndicatorInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_-]*", message = "must be upper-case letters, digits, - and _")
        @Schema(examples = "FYP13-23") String code,
        @NotNull @Min(1) @Max(99999) @Schema(examples = "23") Integer seq,
        @NotBlank @Size(max = 300) @Schema(examples = "空气质量优良率") String nameZh,
        @Size(max = 500) @Schema(description = "Optional: a bureau may enter only the Chinese name; responses show nameZh until a translation is given",
                examples = "Share of days with good air quality") String nameEn,
        @NotBlank @Size(max = 40) @Schema(examples = "URBAN_ENVIRONMENT") String category,
        @NotBlank @Size(max = 40) @Schema(description = "Unit as printed", examples = "%") String unit,
        @Pattern(regexp = "BINDING|EXPECTED", message = "must be BINDING or EXPECTED")
        @Schema(enumeration = {"BINDING", "EXPECTED"}, examples = "EXPECTED") String attribute,
        @NotNull @Pattern(regexp = "INCREASE|DECREASE|MAINTAIN", message = "must be INCREASE, DECREASE or MAINTAIN")
        @Schema(enumeration = {"INCREASE", "DECREASE", "MAINTAIN"}, examples = "INCREASE") String direction,
        @Pattern(regexp = "LEVEL|GROWTH_RATE|DECLINE_RATE", message = "must be LEVEL, GROWTH_RATE or DECLINE_RATE")
        @Schema(enumeration = {"LEVEL", "GROWTH_RATE", "DECLINE_RATE"}, description = "What the yearly values measure: a level (a share, an amount,"
                + " a count), the year's growth rate in % (recorded as growthRate) or the year's decline rate in % (单位GDP能耗下降率). It decides how"
                + " targets are read and judged. When absent: DECLINE_RATE for a % indicator named …下降率 (降低率, 减少率), GROWTH_RATE for one"
                + " named …增长率, else LEVEL", examples = "LEVEL") String measures,
        @NotNull @Size(max = 20) List<@Valid @NotNull DepartmentRoleDto> departments,
        @Valid @Schema(description = "The target; absent for a statistic the plan reports without one (a baseline series)") TargetInput target,
        @Size(max = 80) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE") @Schema(examples = "AIR_QUALITY") String series,
        @Size(max = 2000) String footnoteZh,
        @Size(max = 2000) String footnoteEn) {
}
