package gov.planmonitor.report.service;

import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.TaskContentDto;
import gov.planmonitor.report.render.Verdicts;
import gov.planmonitor.report.render.Wording;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The summary in words, generated from the numbers of a rendered report only: this class gathers the facts, the
 * {@code narrative} message of each language words them.
 */
@ApplicationScoped
public class Narrative {

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final Set<String> MET = Set.of("ACHIEVED", "AHEAD", "ON_TRACK");

    private final Wording zh;
    private final Wording en;

    public Narrative(Wording zh, @Localized("en") Wording en) {
        this.zh = zh;
        this.en = en;
    }

    /** The content with its narrative in both languages, written from the rest of it. */
    public ReportContentDto write(ReportContentDto content) {
        NarrativeFacts facts = facts(content);
        return content.withNarrative(zh.narrative(facts), en.narrative(facts));
    }

    NarrativeFacts facts(ReportContentDto r) {
        ReportContentDto.VerdictCountsDto summary = r.summary();
        int total = summary == null ? 0 : summary.total();
        List<NarrativeFacts.Count> verdicts = new ArrayList<>();
        for (String code : Verdicts.ORDER) {
            int n = count(summary == null ? null : summary.byVerdict(), code);
            if (n > 0) {
                // An English count reads "5 achieved": the label in lower case (Chinese has no case).
                verdicts.add(new NarrativeFacts.Count(n, zh.verdict(code), en.verdict(code).toLowerCase(Locale.ROOT)));
            }
        }
        int binding = count(summary == null ? null : summary.byAttribute(), "BINDING");
        long bindingMet = Optional.ofNullable(r.indicators()).orElse(List.of()).stream()
                .filter(i -> "BINDING".equals(i.attribute()) && MET.contains(i.verdict())).count();

        ListSummaryDto projects = r.projects();
        int count = projects == null ? 0 : projects.projectCount();
        ListSummaryDto.InvestmentTotalsDto investment = projects == null ? null : projects.investment();
        ListSummaryDto.MoneyDto completed = investment == null ? null : investment.completed();
        List<NarrativeFacts.Count> statuses = new ArrayList<>();
        if (projects != null && projects.byStatus() != null) {
            projects.byStatus().forEach((status, n) -> {
                if (n != null && n > 0) {
                    statuses.add(new NarrativeFacts.Count(n, zh.status(status), en.status(status)));
                }
            });
        }
        ListSummaryDto.ReportedDto reported = projects == null || projects.list() == null ? null : projects.list().reported();
        boolean published = reported != null && reported.projectCount() != null;
        ListSummaryDto.MoneyDto reportedMoney = published ? reported.completedInvestment() : null;
        return new NarrativeFacts(r.year(), "PLAN_EVALUATION".equals(r.type()), "ANNUAL_EXECUTION".equals(r.type()), r.department(), total,
                verdicts, binding, bindingMet, count, hasInvestment(investment), projects != null && projects.year() != null,
                completed == null ? null : completed.display(), yuanEn(completed),
                investment == null || investment.completionRatio() == null ? null : investment.completionRatio().toString(),
                statuses, projects == null || projects.overdueMilestones() == null ? 0 : projects.overdueMilestones().size(),
                published ? reported.projectCount() : null, reportedMoney != null,
                reportedMoney == null ? null : reportedMoney.display(), yuanEn(reportedMoney),
                published && reported.plannedInvestmentShare() != null ? reported.plannedInvestmentShare().toString() : null,
                tasks(r.keyWork()), oversight(r.oversight()));
    }

    private static NarrativeFacts.Tasks tasks(TaskContentDto.KeyWorkDto work) {
        if (work == null || work.counts() == null) {
            return null;
        }
        TaskContentDto.TaskCountsDto c = work.counts();
        Map<String, Integer> verdicts = work.commitmentVerdicts() == null ? Map.of() : work.commitmentVerdicts();
        return new NarrativeFacts.Tasks(c.total(), c.completed(), c.inProgress() + c.notStarted(), c.delayed(), c.suspended(), c.cancelled(),
                count(verdicts, "LAGGING") + count(verdicts, "NOT_ACHIEVED"));
    }

    private static NarrativeFacts.Oversight oversight(TaskContentDto.OversightDto o) {
        if (o == null) {
            return null;
        }
        List<TaskContentDto.TaskGroupDto> groups = o.groups() == null ? List.of() : o.groups();
        // The unit with most listed tasks, named only when it has more than the next one (groups come most first).
        TaskContentDto.TaskGroupDto top = groups.isEmpty() || groups.get(0).lead() == null
                || groups.size() > 1 && groups.get(1).lead() != null && groups.get(1).count() >= groups.get(0).count() ? null : groups.get(0);
        int unassigned = groups.stream().filter(g -> g.lead() == null).mapToInt(TaskContentDto.TaskGroupDto::count).sum();
        String dayZh = o.day();
        String dayEn = o.day();
        try {
            LocalDate day = LocalDate.parse(o.day());
            dayZh = day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            dayEn = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day);
        } catch (RuntimeException unreadable) {
            // Shown as stored.
        }
        return new NarrativeFacts.Oversight(dayZh, dayEn, o.examined(), o.listed(), o.late(), o.lagging(),
                (int) groups.stream().filter(g -> g.lead() != null).count(), unassigned, top == null ? null : top.lead().nameZh(),
                top == null ? null : top.lead().nameEn(), top == null ? 0 : top.count());
    }

    private static int count(Map<String, Integer> counts, String key) {
        Integer n = counts == null ? null : counts.get(key);
        return n == null ? 0 : n;
    }

    private static boolean hasInvestment(ListSummaryDto.InvestmentTotalsDto investment) {
        return investment != null && (nonZero(investment.planned()) || nonZero(investment.completed()));
    }

    private static boolean nonZero(ListSummaryDto.MoneyDto money) {
        return money != null && money.yuan() != null && money.yuan().signum() != 0;
    }

    /** 2390000000 → "CNY 2.39 billion", the way English-language government documents print amounts. */
    static String yuanEn(ListSummaryDto.MoneyDto money) {
        BigDecimal amount = money == null || money.yuan() == null ? BigDecimal.ZERO : money.yuan();
        BigDecimal abs = amount.abs();
        if (abs.compareTo(BILLION) >= 0) {
            return "CNY " + amount.divide(BILLION, 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            return "CNY " + amount.divide(MILLION, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " million";
        }
        return "CNY " + amount.stripTrailingZeros().toPlainString();
    }
}
