package gov.planmonitor.indicator.units;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Unit", description = "A unit of measure the bureau keeps (/api/v1/units): as printed, its normalised symbol and the scale to the base"
        + " unit (亿元 = 10^8 yuan), whether it is a rate (%, ‰) and whether it takes negative values.")
public record UnitDto(
        @Schema(examples = "%") String printed,
        @Schema(description = "Normalised symbol (亿元 and 万元 are CNY)", examples = "%") String normalized,
        @Schema(description = "Factor to the base unit (1e8 for 亿元)", examples = "1") BigDecimal scale,
        @Schema(description = "The English name; null where none is entered, or for a unit the catalogue no longer knows", examples = "percent",
                nullable = true) String nameEn,
        @Schema(description = "The unit's key in /api/v1/units/{code}; null for a unit the catalogue no longer knows", examples = "PERCENT",
                nullable = true) String code,
        @Schema(description = "The Chinese name", examples = "百分比", nullable = true) String nameZh,
        @Schema(description = "Money, areas and counts take no negative values", examples = "false") boolean nonNegative,
        @Schema(description = "A rate (%, ‰): a bound on it holds every year, and a rate in a target on a level is a growth rate",
                examples = "true") boolean rate,
        @Schema(description = "Position in the bureau's list", examples = "1") int sortOrder) {
}
