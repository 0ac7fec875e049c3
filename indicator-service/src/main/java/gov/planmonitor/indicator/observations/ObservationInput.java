package gov.planmonitor.indicator.observations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "ObservationInput", description = "A value to record for an indicator and year; give a number, a growth rate, qualitative text, or (for a yes/no target) whether it is done, with the evidence.")
public record ObservationInput(
        @Min(1949) @Max(2100) @Schema(examples = "2011") Integer periodStart,
        @Digits(integer = 18, fraction = 6) @DecimalMin("-1e15") @DecimalMax("1e15") @Schema(examples = "3193") BigDecimal value,
        @Digits(integer = 6, fraction = 4) @DecimalMin("-100") @DecimalMax("10000") @Schema(examples = "6.1") BigDecimal growthRate,
        @Pattern(regexp = "CURRENT_PRICES|CONSTANT_PRICES|COMPARABLE_CALIBER", message = "must be CURRENT_PRICES, CONSTANT_PRICES or COMPARABLE_CALIBER")
        String priceBasis,
        @NotNull @Pattern(regexp = "PRELIMINARY|FINAL|ESTIMATE", message = "must be PRELIMINARY, FINAL or ESTIMATE")
        @Schema(examples = "FINAL") String status,
        @Size(max = 1000) String qualitativeZh,
        @Size(max = 1000) String qualitativeEn,
        @Schema(description = "Defaults to true", examples = "true") Boolean comparable,
        @Size(max = 1000) @Schema(examples = "2017年国民经济和社会发展规划执行情况报告") String source,
        @Size(max = 2000) String note,
        @Schema(description = "A yes/no target's result (建成, 全覆盖, 完成省下达任务): done or not; needs evidence", examples = "true") Boolean completed,
        @Size(max = 2000) @Schema(description = "What a done / not done result rests on: the acceptance record, the notice, the document number",
                examples = "区发展改革局验收意见（越发改〔2020〕12号）") String evidence) {
}
