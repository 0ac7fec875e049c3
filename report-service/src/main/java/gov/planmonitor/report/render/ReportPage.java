package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.ProjectRowDto;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the page shows, worked out from the content once: every text as printed (fallbacks applied, numbers formatted),
 * a part the report lacks as null or empty. The template (templates/HtmlRenderer/report.html) lays it out and escapes it.
 *
 * @param metaZh the title block's "key value" items in Chinese; metaEn the same in English
 * @param verdictChart the SVG of the verdicts by category, null when there is nothing to draw
 * @param summaryZh the project list's investment in a sentence, null when the report has no list
 * @param investmentFigure the number of the investment figure: 2 when the verdict figure precedes it
 * @param showInvestment the investment section is shown, saying so when there is no list (all types but OVERSIGHT)
 * @param tasks the plan's tasks (key work, a department's tasks, the oversight bulletin), empty when the report has none
 */
public record ReportPage(String titleZh, String titleEn, String type, List<String> metaZh, List<String> metaEn, String narrativeZh,
                         String narrativeEn, List<IndicatorLine> indicators, String verdictChart, String summaryZh, String summaryEn,
                         String investmentChart, int investmentFigure, List<ProjectLine> projects, String asOf, String asOfZh,
                         boolean showInvestment, List<TaskSections.Section> tasks) {

    private static final String[] SECTION_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八"};

    /** An indicator row; value is "—" when there is neither a number nor words (qualitative: the words). */
    public record IndicatorLine(String seq, String name, boolean binding, String nameEn, String unit, String target, String value,
                                boolean qualitative, String growth, String colour, String verdictZh, String verdictEn,
                                String explanationZh, String explanationEn) {
    }

    public record ProjectLine(String seq, String name, String nameEn, String categoryZh, String categoryEn, String statusZh,
                              String statusEn, String progress, String planned, String completed) {
    }

    /** The number of a section (一, 二, …); the sections are overview, [indicators, verdicts by category,] investment, [projects]. */
    public String no(int index) {
        return index < SECTION_NUMBERS.length ? SECTION_NUMBERS[index] : Integer.toString(index + 1);
    }

    public String investmentNo() {
        return no(indicators.isEmpty() ? 1 : 3);
    }

    public String projectsNo() {
        return no(indicators.isEmpty() ? 2 : 4);
    }

    /** The number of the tasks' chapter: after the investment and project sections the report has. */
    public String tasksNo() {
        int before = showInvestment ? (indicators.isEmpty() ? 2 : 4) : (indicators.isEmpty() ? 1 : 3);
        return no(before + (projects.isEmpty() ? 0 : 1));
    }

    static ReportPage of(ReportContentDto r, Wording zh, Wording en, ZoneId zone) {
        String asOf = Fields.text(r.asOf());
        List<String> metaZh = new ArrayList<>();
        List<String> metaEn = new ArrayList<>();
        meta(metaZh, metaEn, zh.plan(), en.plan(), Fields.text(r.plan()), Fields.text(r.plan()));
        if (r.year() != null && r.year() != 0) {
            meta(metaZh, metaEn, zh.yearLabel(), en.yearLabel(), zh.year(r.year()), en.year(r.year()));
        }
        String stage = Fields.text(r.stage());
        if (stage != null) {
            meta(metaZh, metaEn, zh.stageLabel(), en.stageLabel(), zh.stage(stage), en.stage(stage));
        }
        if (r.department() != null) {
            meta(metaZh, metaEn, zh.department(), en.department(), nameZh(r.department()), nameEn(r.department()));
        }
        if (r.list() != null) {
            meta(metaZh, metaEn, zh.projectList(), en.projectList(), nameZh(r.list()), nameEn(r.list()));
        }
        String asOfZh = asOf == null ? null : Fields.asOf(asOf, zh.asOfPattern(), zone);
        if (asOf != null) {
            meta(metaZh, metaEn, zh.dataAsOf(), en.dataAsOf(), asOfZh, Fields.asOf(asOf, en.asOfPattern(), ZoneOffset.UTC));
        }

        List<IndicatorLine> indicators = r.indicators() == null ? List.of() : r.indicators().stream().map(i -> indicator(i, zh, en)).toList();
        String verdictChart = indicators.isEmpty() ? null : SvgCharts.verdictsByCategory(VerdictsByCategory.resolve(r), zh, en);
        ListSummaryDto projects = r.projects();
        String investmentChart = projects == null ? null : SvgCharts.investmentByCategory(projects.byCategory(), zh, en);
        List<ProjectLine> rows = r.projectRows() == null ? List.of() : r.projectRows().stream().map(p -> project(p, zh, en)).toList();
        return new ReportPage(Fields.text(r.titleZh(), zh.defaultTitle()), Fields.text(r.titleEn(), en.defaultTitle()), Fields.text(r.type()),
                metaZh, metaEn, Fields.text(r.narrativeZh()), Fields.text(r.narrativeEn()), indicators, verdictChart,
                projects == null ? null : summary(projects, zh, zh.hundredMillionYuan()),
                projects == null ? null : summary(projects, en, null), investmentChart, verdictChart == null ? 1 : 2, rows, asOf, asOfZh,
                !"OVERSIGHT".equals(r.type()), TaskSections.of(r, zh, en));
    }

    private static void meta(List<String> zh, List<String> en, String keyZh, String keyEn, String valueZh, String valueEn) {
        if (valueZh != null) {
            zh.add(keyZh + " " + valueZh);
            en.add(keyEn + " " + valueEn);
        }
    }

    private static String nameZh(CodeNameDto c) {
        return Fields.text(c.nameZh(), Fields.text(c.code(), ""));
    }

    private static String nameEn(CodeNameDto c) {
        return Fields.text(c.nameEn(), Fields.text(c.code(), ""));
    }

    private static IndicatorLine indicator(IndicatorRowDto i, Wording zh, Wording en) {
        String qualitative = Fields.text(i.qualitativeZh());
        String value = i.value() != null ? Fields.grouped(i.value()) : qualitative != null ? qualitative : "—";
        String growth = Fields.plain(i.growthRate());
        String verdict = Fields.text(i.verdict());
        return new IndicatorLine(Integer.toString(i.seq()), Fields.text(i.nameZh(), Fields.text(i.code(), "")), "BINDING".equals(i.attribute()),
                Fields.text(i.nameEn()), Fields.text(i.unit(), ""), Fields.text(i.target(), "—"), value, i.value() == null && qualitative != null,
                growth == null ? "—" : growth + "%", Verdicts.colour(verdict),
                Fields.text(i.verdictZh(), verdict == null ? "—" : zh.verdict(verdict)),
                Fields.text(i.verdictEn(), verdict == null ? "—" : en.verdict(verdict)),
                Fields.text(i.explanationZh(), ""), Fields.text(i.explanationEn()));
    }

    private static ProjectLine project(ProjectRowDto p, Wording zh, Wording en) {
        CodeNameDto category = p.category();
        String status = Fields.text(p.status());
        String progress = Fields.plain(p.progressPercent());
        String hundredMillion = zh.hundredMillionYuan();
        return new ProjectLine(p.seq() == null ? "" : p.seq().toString(), Fields.text(p.nameZh(), Fields.text(p.code(), "")),
                Fields.text(p.nameEn()), category == null ? "—" : Fields.text(category.nameZh(), "—"),
                category == null ? null : Fields.text(category.nameEn()), status == null ? "—" : zh.status(status),
                status == null ? null : en.status(status), progress == null ? "—" : progress + "%",
                dash(Fields.yuanDisplay(p.planned(), hundredMillion)), dash(Fields.yuanDisplay(p.completed(), hundredMillion)));
    }

    /**
     * The list's projects and investment in one sentence of a language: amounts as the documents print them in
     * Chinese (a hundredMillionYuan unit given), in grouped yuan in English.
     */
    private static String summary(ListSummaryDto projects, Wording words, String hundredMillionYuan) {
        ListSummaryDto.InvestmentTotalsDto investment = projects.investment();
        ListSummaryDto.MoneyDto planned = investment == null ? null : investment.planned();
        ListSummaryDto.MoneyDto completed = investment == null ? null : investment.completed();
        String list = projects.list() == null ? null : Fields.text(projects.list().code());
        return words.projectSummary(list, projects.projectCount(), planned != null || completed != null,
                amount(planned, words, hundredMillionYuan), amount(completed, words, hundredMillionYuan),
                investment == null ? null : Fields.plain(investment.completionRatio()));
    }

    private static String amount(ListSummaryDto.MoneyDto money, Wording words, String hundredMillionYuan) {
        if (hundredMillionYuan != null) {
            return dash(Fields.yuanDisplay(money, hundredMillionYuan));
        }
        BigDecimal yuan = Fields.yuan(money);
        return yuan == null ? "—" : words.yuan(Fields.grouped(yuan));
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }
}
