package gov.planmonitor.indicator.observations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Schema(name = "Observation", description = "The value of an indicator for a year (or a multi-year period ending that year).")
public record ObservationDto(
        @Schema(examples = "AP2017-01") String indicator,
        @Schema(examples = "2017") int year,
        @Schema(description = "First year of a multi-year result; null for one year", examples = "2011", nullable = true) Integer periodStart,
        @Schema(description = "Level in the indicator's unit", examples = "3193", nullable = true) BigDecimal value,
        @Schema(description = "Official growth rate in percent (real growth; not derivable from levels)", examples = "6.1", nullable = true) BigDecimal growthRate,
        @Schema(enumeration = {"CURRENT_PRICES", "CONSTANT_PRICES", "COMPARABLE_CALIBER"}, examples = "CURRENT_PRICES", nullable = true) String priceBasis,
        @Schema(enumeration = {"PRELIMINARY", "FINAL", "ESTIMATE"}, examples = "FINAL") String status,
        @Schema(examples = "与经济增长基本同步", nullable = true) String qualitativeZh,
        @Schema(examples = "basically in step with economic growth", nullable = true) String qualitativeEn,
        @Schema(description = "False when the statistical caliber changed", examples = "true") boolean comparable,
        @Schema(description = "Where the figure was published", examples = "越秀区国民经济和社会发展第十三个五年规划纲要 专栏1", nullable = true) String source,
        @Schema(nullable = true) String note,
        @Schema(description = "A yes/no target's result: done or not; null when none is recorded", examples = "true", nullable = true) Boolean completed,
        @Schema(description = "What the done / not done result rests on", nullable = true) String evidence,
        @Schema(examples = "1") int revision,
        OffsetDateTime recordedAt,
        @Schema(description = "Who recorded this revision: the token's name and subject, e.g. 王芳 (u-1024). Readers without a token "
                + "see who is answerable instead (unless the service shows people to everyone): the code of the indicator's lead "
                + "department as it is now, e.g. DRC, or admin for an indicator without departments",
                examples = "seed-loader") String recordedBy,
        @Schema(description = "Set on history entries that a later revision replaced", nullable = true) OffsetDateTime supersededAt,
        @Schema(description = "Who recorded the revision that replaced this one; for readers without a token, as recordedBy",
                nullable = true) String supersededBy) {

    /** The value as a reader who may not see people gets it: {@code answerable} where it names who recorded it. */
    public ObservationDto attributedTo(String answerable) {
        return new ObservationDto(indicator, year, periodStart, value, growthRate, priceBasis, status, qualitativeZh, qualitativeEn,
                comparable, source, note, completed, evidence, revision, recordedAt, answerable, supersededAt, supersededBy == null ? null : answerable);
    }
}
