package gov.planmonitor.project.progress;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "InvestmentInput", description = "Amounts in yuan.")
public record InvestmentInput(
        @DecimalMin(value = "0", message = "must not be negative") @DecimalMax("1e15") @Digits(integer = 16, fraction = 2)
        @Schema(examples = "200000000") BigDecimal planned,
        @DecimalMin(value = "0", message = "must not be negative") @DecimalMax("1e15") @Digits(integer = 16, fraction = 2)
        @Schema(examples = "225000000") BigDecimal completed,
        @Size(max = 2000) String note) {
}
