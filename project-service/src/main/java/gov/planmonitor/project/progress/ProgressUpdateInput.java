package gov.planmonitor.project.progress;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "ProgressUpdateInput")
public record ProgressUpdateInput(
        @NotNull @Schema(examples = "2017-12-31") LocalDate date,
        @NotBlank @Size(max = 4000) @Schema(examples = "主体结构完成60%") String textZh,
        @Size(max = 6000) String textEn,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal progressPercent,
        @Size(max = 20) List<@NotBlank @Size(max = 500) @jakarta.validation.constraints.Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> links) {
}
