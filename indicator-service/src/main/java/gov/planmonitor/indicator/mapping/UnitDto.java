package gov.planmonitor.indicator.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Unit", description = "A unit as printed, its normalised symbol and the scale to the base unit (亿元 = 10^8 yuan).")
public record UnitDto(
        @Schema(examples = "亿元") String printed,
        @Schema(examples = "CNY") String normalized,
        @Schema(examples = "100000000") BigDecimal scale,
        @Schema(description = "Null for a unit the catalogue does not know", examples = "100 million yuan", nullable = true) String nameEn) {
}
