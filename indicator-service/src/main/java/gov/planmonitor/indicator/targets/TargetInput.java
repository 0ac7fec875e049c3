package gov.planmonitor.indicator.targets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "TargetInput", description = "A target as printed; the kind is inferred from the text unless given, and must agree with it.")
public record TargetInput(
        @NotBlank @Size(max = 200) @Schema(examples = "7左右") String text,
        @Pattern(regexp = "ABOUT|AT_LEAST|AT_MOST|REACH|RANGE|AVERAGE_ANNUAL_GROWTH|AVERAGE_ANNUAL_DECLINE|CUMULATIVE_DECLINE|CUMULATIVE_SUM|MULTIPLE_OF_BASE|CHANGE_FROM_BASE|POINTS_FROM_BASE|RELATIVE|YES_NO|QUALITATIVE",
                message = "must be one of ABOUT, AT_LEAST, AT_MOST, REACH, RANGE, AVERAGE_ANNUAL_GROWTH, AVERAGE_ANNUAL_DECLINE, CUMULATIVE_DECLINE, CUMULATIVE_SUM, MULTIPLE_OF_BASE, CHANGE_FROM_BASE, POINTS_FROM_BASE, RELATIVE, YES_NO, QUALITATIVE")
        @Schema(examples = "AVERAGE_ANNUAL_GROWTH") String kind,
        @Size(max = 40) @Schema(description = "Indicator a RELATIVE target is measured against (与经济增长同步: FYP13-01)") String referenceIndicator,
        @Schema(description = "Defaults to the first day of the plan period", examples = "2016-01-01") LocalDate effectiveFrom,
        @Size(max = 2000) @Schema(description = "Why the target changed (required for a revision)") String reason) {
}
