package gov.planmonitor.project.reference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code is the path's; the body may repeat it, so that a zone as read can be sent back changed. */
@Schema(name = "ZoneInput", description = "A zone to create or replace at PUT /api/v1/zones/{code}.")
public record ZoneInput(
        @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE")
        @Schema(description = "Optional: the path's code (codes cannot change)", examples = "BEIJING_ROAD_CULTURAL_CORE") String code,
        @NotBlank @Size(max = 100) @Schema(examples = "北京路文化核心区") String nameZh,
        @Size(max = 200) @Schema(description = "Optional: when absent or blank, the Chinese name stands in", examples = "Beijing Road Cultural Core Area") String nameEn,
        @NotBlank @Pattern(regexp = "CORE|BELT|DISTRICT", message = "must be CORE, BELT or DISTRICT")
        @Schema(enumeration = {"CORE", "BELT", "DISTRICT"}, examples = "CORE") String kind,
        @NotNull @Min(1) @Max(100000) @Schema(description = "Place in the list of zones (ascending, equal places by code)", examples = "1") Integer seq) {
}
