package gov.planmonitor.indicator.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Unit", description = "A unit as printed, its normalised symbol and the scale to the base unit (亿元 = 10^8 yuan).")
public record UnitDto(
        @Schema(examples = "%") String printed,
        @Schema(description = "Normalised symbol (亿元 and 万元 are CNY)", examples = "%") String normalized,
        @Schema(description = "Factor to the base unit (1e8 for 亿元)", examples = "1") BigDecimal scale,
        @Schema(description = "Null for a unit the catalogue does not know", examples = "percent", nullable = true) String nameEn) {
}
