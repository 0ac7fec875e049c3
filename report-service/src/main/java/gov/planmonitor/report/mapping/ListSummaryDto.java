package gov.planmonitor.report.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import gov.planmonitor.report.client.CodeName;
import gov.planmonitor.report.client.Money;
import gov.planmonitor.report.client.ProjectList;
import gov.planmonitor.report.client.ProjectListSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A project list's roll-up as project-service's summarizeProjectList gives it (its ListSummary schema), which a report
 * keeps in its content. Copied from the pinned {@link ProjectListSummary} into these records, so the report's contract
 * says what it holds; fields project-service adds later are left out until they are added here. A count the service
 * left out reads 0, as it always has.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /** The roll-up as the report keeps it; null without one. */
    public static ListSummaryDto of(ProjectListSummary s) {
        return s == null ? null : new ListSummaryDto(ProjectListDto.of(s.list()), s.year(), zero(s.projectCount()),
                each(s.byCategory(), CategoryRollupDto::of), s.byStatus(), s.byZone(), InvestmentTotalsDto.of(s.investment()),
                each(s.overdueMilestones(), OverdueMilestoneDto::of), DifferenceDto.of(s.differenceFromReported()));
    }

    private static <A, B> List<B> each(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ProjectList", description = "A key project list with the figures the bureau published for it.")
    public record ProjectListDto(
            @Schema(examples = "AP2017-KEY") String code,
            @Schema(examples = "2017年区重点项目") String nameZh,
            @Schema(examples = "2017 district key projects") String nameEn,
            @Schema(description = "Year of an annual list; null for a five-year list", examples = "2017", nullable = true) Integer year,
            @Schema(description = "Plan code in the indicator service", examples = "AP2017", nullable = true) String plan,
            @Schema(examples = "43") long projectCount,
            ReportedDto reported) {

        static ProjectListDto of(ProjectList l) {
            return l == null ? null : new ProjectListDto(l.code(), l.nameZh(), l.nameEn(), l.year(), l.plan(),
                    l.projectCount() == null ? 0 : l.projectCount(), ReportedDto.of(l.reported()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportedFigures", description = "Figures as officially reported (e.g. in the annual execution report)")
    public record ReportedDto(
            @Schema(examples = "43", nullable = true) Integer projectCount,
            @Schema(nullable = true) MoneyDto completedInvestment,
            @Schema(description = "Completed as percent of the year's planned investment", examples = "112.5", nullable = true) BigDecimal plannedInvestmentShare,
            @Schema(examples = "全区43个重点项目完成投资23.9亿元，完成年度计划投资的112.5%", nullable = true) String note) {

        static ReportedDto of(ProjectList.ReportedFigures r) {
            return r == null ? null : new ReportedDto(r.projectCount(), MoneyDto.of(r.completedInvestment()), r.plannedInvestmentShare(), r.note());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Money", description = "An amount in yuan (exact decimal) and as the documents print it (亿元 / 万元).")
    public record MoneyDto(
            @Schema(examples = "2390000000") BigDecimal yuan,
            @Schema(examples = "23.9亿元") String display) {

        public static MoneyDto of(Money m) {
            return m == null ? null : new MoneyDto(m.yuan(), m.display());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "CategoryRollup")
    public record CategoryRollupDto(ReportContentDto.CodeNameDto category, int projectCount, InvestmentTotalsDto investment) {

        static CategoryRollupDto of(ProjectListSummary.CategoryRollup r) {
            CodeName c = r.category();
            return new CategoryRollupDto(c == null ? null : new ReportContentDto.CodeNameDto(c.code(), c.nameZh(), c.nameEn()),
                    zero(r.projectCount()), InvestmentTotalsDto.of(r.investment()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "InvestmentTotals")
    public record InvestmentTotalsDto(@Schema(nullable = true) MoneyDto planned, @Schema(nullable = true) MoneyDto completed,
                                      @Schema(description = "Completed as percent of planned; null without planned figures", examples = "112.5",
                                              nullable = true) BigDecimal completionRatio) {

        static InvestmentTotalsDto of(ProjectListSummary.InvestmentTotals t) {
            return t == null ? null : new InvestmentTotalsDto(MoneyDto.of(t.planned()), MoneyDto.of(t.completed()), t.completionRatio());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "OverdueMilestone")
    public record OverdueMilestoneDto(@Schema(examples = "FYP13-KP-20") String project, @Schema(examples = "排水改造工程") String projectNameZh,
                                      @Schema(examples = "7") long milestone, @Schema(examples = "完成管网改造") String nameZh,
                                      @Schema(examples = "2017-12-31") LocalDate plannedDate) {

        static OverdueMilestoneDto of(ProjectListSummary.OverdueMilestone m) {
            return new OverdueMilestoneDto(m.project(), m.projectNameZh(), m.milestone() == null ? 0 : m.milestone(), m.nameZh(), m.plannedDate());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DifferenceFromReported")
    public record DifferenceDto(
            @Schema(examples = "0", nullable = true) Integer projectCount,
            @Schema(nullable = true) MoneyDto completedInvestment,
            @Schema(description = "Percentage points", examples = "0", nullable = true) BigDecimal plannedInvestmentShare) {

        static DifferenceDto of(ProjectListSummary.DifferenceFromReported d) {
            return d == null ? null : new DifferenceDto(d.projectCount(), MoneyDto.of(d.completedInvestment()), d.plannedInvestmentShare());
        }
    }
}
