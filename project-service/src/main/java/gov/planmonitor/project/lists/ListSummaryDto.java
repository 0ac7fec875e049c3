package gov.planmonitor.project.lists;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import gov.planmonitor.project.projects.CodeNameDto;
import gov.planmonitor.project.projects.MoneyDto;

@Schema(name = "ListSummary", description = "Roll-up of a project list: counts, investment planned vs completed, overdue milestones, and the published figures beside the computed ones.")
public record ListSummaryDto(
        ProjectListDto list,
        @Schema(description = "Year of the investment figures; null means all years", examples = "2017", nullable = true) Integer year,
        @Schema(examples = "43") int projectCount,
        @Schema(description = "Projects and money per category") List<CategoryRollupDto> byCategory,
        @Schema(examples = "{\"IMPLEMENTATION\": 30, \"COMPLETED\": 13}") Map<String, Integer> byStatus,
        @Schema(description = "Projects per zone; NONE for projects outside the zones") Map<String, Integer> byZone,
        InvestmentTotalsDto investment,
        List<OverdueMilestoneDto> overdueMilestones,
        @Schema(description = "Computed minus reported, where both exist") DifferenceDto differenceFromReported) {

    @Schema(name = "CategoryRollup")
    public record CategoryRollupDto(CodeNameDto category, int projectCount, InvestmentTotalsDto investment) {
    }

    @Schema(name = "InvestmentTotals")
    public record InvestmentTotalsDto(@Schema(nullable = true) MoneyDto planned, @Schema(nullable = true) MoneyDto completed,
                                      @Schema(description = "Completed as percent of planned; null without planned figures", examples = "112.5", nullable = true) BigDecimal completionRatio) {
    }

    @Schema(name = "OverdueMilestone")
    public record OverdueMilestoneDto(String project, String projectNameZh, long milestone, String nameZh, LocalDate plannedDate) {
    }

    @Schema(name = "DifferenceFromReported")
    public record DifferenceDto(
            @Schema(examples = "0", nullable = true) Integer projectCount,
            @Schema(nullable = true) MoneyDto completedInvestment,
            @Schema(description = "Percentage points", examples = "0", nullable = true) BigDecimal plannedInvestmentShare) {
    }
}
