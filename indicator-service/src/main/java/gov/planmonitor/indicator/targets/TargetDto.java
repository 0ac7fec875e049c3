package gov.planmonitor.indicator.targets;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Target", description = "A typed target parsed from its printed text, which is kept.")
public record TargetDto(
        @Schema(description = "The kind (a string, not an enum: kinds are added as plans print new forms): ABOUT, AT_LEAST, AT_MOST,"
                + " REACH, RANGE, AVERAGE_ANNUAL_GROWTH, CUMULATIVE_DECLINE, MULTIPLE_OF_BASE, CHANGE_FROM_BASE, POINTS_FROM_BASE, RELATIVE,"
                + " QUALITATIVE", examples = "AVERAGE_ANNUAL_GROWTH") String kind,
        @Schema(description = "The target exactly as printed", examples = "7左右") String text,
        @Schema(enumeration = {"LEVEL", "GROWTH_RATE"}, description = "Whether the target constrains the level or the growth rate",
                examples = "GROWTH_RATE") String measure,
        @Schema(description = "The number; a RANGE's low end", examples = "7") BigDecimal value,
        @Schema(description = "A RANGE's high end (6.5%-7%: 7)", examples = "7.5") BigDecimal valueHigh,
        @Schema(description = "The stretch goal printed beside the target (7%，力争8%: 8), shown and not judged", examples = "8") BigDecimal stretch,
        @Schema(description = "The year whose level the target starts from: MULTIPLE_OF_BASE (value is the factor: 翻一番 2),"
                + " CHANGE_FROM_BASE (value in %, negative for a decline), POINTS_FROM_BASE (value in percentage points)", examples = "2015")
        Integer baseYear,
        @Schema(description = "True when the target applies to each year's change (比上年下降3%), judged every year; absent otherwise")
        Boolean everyYear,
        @Schema(description = "The 左右 band (ignored for binding indicators)", examples = "0.5") BigDecimal tolerance,
        @Schema(description = "Unit printed in the target text when it differs from the indicator's") String unit,
        @Schema(description = "Indicator a RELATIVE target is measured against (与经济增长同步: FYP13-01)") String referenceIndicator,
        @Schema(examples = "2016-01-01") LocalDate effectiveFrom,
        @Schema(description = "Why the target was revised (规划调整)") String reason) {
}
