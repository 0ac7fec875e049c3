package gov.planmonitor.indicator.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan", description = "A five-year or annual plan.")
public record PlanDto(
        @Schema(examples = "FYP13") String code,
        @Schema(examples = "FIVE_YEAR", enumeration = {"FIVE_YEAR", "ANNUAL"}) String kind,
        @Schema(examples = "2016") int startYear,
        @Schema(examples = "2020") int endYear,
        @Schema(examples = "越秀区国民经济和社会发展第十三个五年规划纲要") String titleZh,
        @Schema(examples = "Outline of the 13th Five-Year Plan for the Economic and Social Development of Yuexiu District") String titleEn,
        @Schema(description = "Code of the five-year plan an annual plan belongs to (FYP13 for AP2017); null for a five-year plan", nullable = true) String parent,
        @Schema(description = "Number of indicators in the plan", examples = "22") long indicatorCount) {
}
