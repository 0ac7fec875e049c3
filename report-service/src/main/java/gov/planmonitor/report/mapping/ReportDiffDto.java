package gov.planmonitor.report.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ReportDiff", description = "What changed from one report to another: indicator values, growth rates, targets and verdicts; "
        + "project statuses, progress and investment; list roll-ups. Indicators are matched by code, or by Chinese name when the "
        + "two reports cover different plans (AP2017 against AP2018).")
public record ReportDiffDto(ReportRefDto from, ReportRefDto to,
                            @Schema(description = "True when the contents are identical (same content hash)") boolean identical,
                            List<ChangeDto> changes) {

    @Schema(name = "ReportRef")
    public record ReportRefDto(UUID id, @Schema(examples = "ANNUAL_EXECUTION") String type,
                               ReportParameters parameters, OffsetDateTime asOf,
                               String contentHash) {
    }

    /** from and to are the field's values as the contents hold them: a text, a number or null (JsonValue in the contract). */
    @Schema(name = "ReportChange", description = "One difference; from is null for an addition, to for a removal.")
    public record ChangeDto(
            @Schema(enumeration = {"INDICATOR_ADDED", "INDICATOR_REMOVED", "INDICATOR_VALUE", "INDICATOR_GROWTH_RATE", "INDICATOR_TARGET",
                    "INDICATOR_VERDICT", "INDICATOR_QUALITATIVE", "PROJECT_ADDED", "PROJECT_REMOVED", "PROJECT_STATUS", "PROJECT_PROGRESS",
                    "PROJECT_INVESTMENT", "LIST_PROJECT_COUNT", "LIST_INVESTMENT", "LIST_STATUS_COUNT"}, examples = "INDICATOR_VERDICT") String kind,
            @Schema(description = "Indicator code, project id, or the roll-up field", examples = "FYP12-01") String key,
            @Schema(description = "Chinese name of the indicator or project; null for a list roll-up", examples = "地区生产总值年均增长率", nullable = true) String nameZh,
            @Schema(description = "The field that changed; null for an addition or removal", examples = "verdict", nullable = true) String field,
            @Schema(ref = "JsonValue", examples = "ON_TRACK") Object from,
            @Schema(ref = "JsonValue", examples = "ACHIEVED") Object to) {
    }
}
