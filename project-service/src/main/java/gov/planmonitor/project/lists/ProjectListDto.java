package gov.planmonitor.project.lists;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import gov.planmonitor.project.projects.MoneyDto;

@Schema(name = "ProjectList", description = "A key project list with the figures the bureau published for it.")
public record ProjectListDto(
        @Schema(examples = "AP2017-KEY") String code,
        @Schema(examples = "2017年区重点项目") String nameZh,
        @Schema(examples = "2017 district key projects") String nameEn,
        @Schema(description = "Year of an annual list; null for a five-year list", examples = "2017", nullable = true) Integer year,
        @Schema(description = "Plan code in the indicator service", examples = "AP2017", nullable = true) String plan,
        @Schema(examples = "43") long projectCount,
        ReportedDto reported) {

    @Schema(name = "ReportedFigures", description = "Figures as officially reported (e.g. in the annual execution report)")
    public record ReportedDto(
            @Schema(examples = "43", nullable = true) Integer projectCount,
            @Schema(nullable = true) MoneyDto completedInvestment,
            @Schema(description = "Completed as percent of the year's planned investment", examples = "112.5", nullable = true) BigDecimal plannedInvestmentShare,
            @Schema(examples = "全区43个重点项目完成投资23.9亿元，完成年度计划投资的112.5%", nullable = true) String note) {
    }
}
