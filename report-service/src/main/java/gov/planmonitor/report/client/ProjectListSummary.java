package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project list's roll-up as project-service's summarizeProjectList gives it (its ListSummary schema). A report keeps
 * all of it (as ListSummaryDto in its content), so every field the report's contract shows is here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectListSummary(ProjectList list, Integer year, Integer projectCount, List<CategoryRollup> byCategory,
                                 Map<String, Integer> byStatus, Map<String, Integer> byZone, InvestmentTotals investment,
                                 List<OverdueMilestone> overdueMilestones, DifferenceFromReported differenceFromReported) {

    /** The contract's CategoryRollup. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryRollup(CodeName category, Integer projectCount, InvestmentTotals investment) {
    }

    /** The contract's InvestmentTotals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvestmentTotals(Money planned, Money completed, BigDecimal completionRatio) {
    }

    /** The contract's OverdueMilestone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverdueMilestone(String project, String projectNameZh, Long milestone, String nameZh, LocalDate plannedDate) {
    }

    /** The contract's DifferenceFromReported. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DifferenceFromReported(Integer projectCount, Money completedInvestment, BigDecimal plannedInvestmentShare) {
    }
}
