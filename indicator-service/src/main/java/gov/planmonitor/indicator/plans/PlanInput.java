package gov.planmonitor.indicator.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanInput", description = "A plan to create or replace.")
public record PlanInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_-]*", message = "must be upper-case letters, digits, - and _")
        @Schema(examples = "AP2019") String code,
        @NotNull @Pattern(regexp = "FIVE_YEAR|ANNUAL", message = "must be FIVE_YEAR or ANNUAL")
        @Schema(enumeration = {"FIVE_YEAR", "ANNUAL"}, examples = "ANNUAL") String kind,
        @NotNull @Min(1949) @Max(2100) @Schema(examples = "2019") Integer startYear,
        @NotNull @Min(1949) @Max(2100) @Schema(examples = "2019") Integer endYear,
        @NotBlank @Size(max = 300) @Schema(examples = "越秀区2019年国民经济和社会发展计划") String titleZh,
        @NotBlank @Size(max = 500) @Schema(examples = "2019 Plan for the Economic and Social Development of Yuexiu District") String titleEn,
        @Size(max = 40) @Schema(examples = "FYP13") String parent) {
}
