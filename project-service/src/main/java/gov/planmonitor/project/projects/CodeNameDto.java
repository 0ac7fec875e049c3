package gov.planmonitor.project.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeName", description = "A coded item with its Chinese and English names.")
public record CodeNameDto(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE")
        @Schema(examples = "PEOPLES_LIVELIHOOD") String code,
        @NotBlank @Size(max = 100) @Schema(examples = "重大民生工程") String nameZh,
        @NotBlank @Size(max = 200) @Schema(examples = "Major people's livelihood projects") String nameEn) {
}
