package gov.planmonitor.project.projects;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Location", description = "Address and optional point (WGS 84).")
public record LocationDto(
        @Size(max = 500) @Schema(examples = "广州市越秀区东风西路", nullable = true) String address,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6) @Schema(examples = "23.129", nullable = true) BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) @Schema(examples = "113.264", nullable = true) BigDecimal longitude) {
}
