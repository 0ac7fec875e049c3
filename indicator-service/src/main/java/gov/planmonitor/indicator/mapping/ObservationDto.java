package gov.planmonitor.indicator.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Schema(name = "Observation", description = "The value of an indicator for a year (or a multi-year period ending that year).")
public record ObservationDto(
        @Schema(examples = "AP2017-01") String indicator,
        @Schema(examples = "2017") int year,
        @Schema(description = "First year of a multi-year result; null for one year", examples = "2011") Integer periodStart,
        @Schema(description = "Level in the indicator's unit", examples = "3193") BigDecimal value,
        @Schema(description = "Official growth rate in percent (real growth; not derivable from levels)", examples = "6.1") BigDecimal growthRate,
        @Schema(enumeration = {"CURRENT_PRICES", "CONSTANT_PRICES", "COMPARABLE_CALIBER"}, examples = "CURRENT_PRICES") String priceBasis,
        @Schema(enumeration = {"PRELIMINARY", "FINAL", "ESTIMATE"}, examples = "FINAL") String status,
        @Schema(examples = "与经济增长基本同步") String qualitativeZh,
        @Schema(examples = "basically in step with economic growth") String qualitativeEn,
        @Schema(description = "False when the statistical caliber changed", examples = "true") boolean comparable,
        String source,
        String note,
        @Schema(examples = "1") int revision,
        OffsetDateTime recordedAt,
        @Schema(examples = "seed-loader") String recordedBy,
        @Schema(description = "Set on history entries that a later revision replaced") OffsetDateTime supersededAt,
        String supersededBy) {
}
