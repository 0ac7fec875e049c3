package gov.planmonitor.project.reference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code is the path's; the body may repeat it, so that a category as read can be sent back changed. */
@Schema(name = "CategoryInput", description = "A project category to create or replace at PUT /api/v1/categories/{code}.")
public record CategoryInput(
        @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE")
        @Schema(description = "Optional: the path's code (codes cannot change)", examples = "PEOPLES_LIVELIHOOD") String code,
        @NotBlank @Size(max = 100) @Schema(examples = "重大民生工程") String nameZh,
        @Size(max = 200) @Schema(description = "Optional: when absent or blank, the Chinese name stands in", examples = "Major people's livelihood projects") String nameEn,
        @NotNull @Min(1) @Max(100000) @Schema(description = "Place in the list of categories (ascending, equal places by code)", examples = "5") Integer seq) {
}
