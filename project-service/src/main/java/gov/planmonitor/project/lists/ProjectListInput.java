package gov.planmonitor.project.lists;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "ProjectListInput")
public record ProjectListInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_-]*", message = "must be upper-case letters, digits, - and _")
        @Schema(examples = "AP2019-KEY") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "2019年区重点项目") String nameZh,
        @NotBlank @Size(max = 500) @Schema(examples = "2019 district key projects") String nameEn,
        @Min(1949) @Max(2100) @Schema(examples = "2019") Integer year,
        @Size(max = 40) @Schema(examples = "AP2019") String plan,
        @Min(0) @Max(100000) Integer reportedProjectCount,
        @DecimalMin("0") @DecimalMax("1e15") @Digits(integer = 16, fraction = 2) @Schema(description = "Yuan") BigDecimal reportedCompletedInvestment,
        @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal reportedPlannedInvestmentShare,
        @Size(max = 2000) String reportedNote) {
}
