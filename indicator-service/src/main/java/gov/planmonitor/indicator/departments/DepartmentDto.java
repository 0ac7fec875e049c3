package gov.planmonitor.indicator.departments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Department", description = "A government department responsible for indicators.")
public record DepartmentDto(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE letters, digits and _")
        @Schema(examples = "DRC") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "区发改局") String nameZh,
        @NotBlank @Size(max = 300) @Schema(examples = "District Development and Reform Bureau") String nameEn) {
}
