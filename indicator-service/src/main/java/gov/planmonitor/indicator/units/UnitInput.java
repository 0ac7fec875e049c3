package gov.planmonitor.indicator.units;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "UnitInput", description = "A unit of measure to add or replace (the code is in the path). The printed form cannot change once set.")
public record UnitInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[^\\s\\d][^\\s]*", message = "must not start with a digit nor contain spaces")
        @Schema(description = "As plans print it", examples = "间") String printed,
        @NotBlank @Size(max = 40) @Schema(description = "Normalised symbol: units of one dimension share it (万户 and 户 are household)",
                examples = "room") String normalized,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1e15") @Digits(integer = 16, fraction = 10)
        @Schema(description = "Factor to the base unit of the normalised symbol (万户: 10000)", examples = "1") BigDecimal scale,
        @NotBlank @Size(max = 100) @Schema(examples = "间") String nameZh,
        @Size(max = 200) @Schema(description = "Optional", examples = "rooms") String nameEn,
        @NotNull @Schema(description = "Money, areas and counts take no negative values", examples = "true") Boolean nonNegative,
        @NotNull @Schema(description = "A rate (%, ‰)", examples = "false") Boolean rate,
        @NotNull @Min(0) @Max(99999) @Schema(examples = "40") Integer sortOrder) {
}
