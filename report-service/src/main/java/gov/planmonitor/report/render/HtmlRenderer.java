package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The report as a page to read, print and publish. The markup is XHTML (well-formed XML that browsers read as HTML)
 * because the PDF is rendered from the very same page; styles are inline and there is no script, so the page
 * needs nothing but itself.
 */
public final class HtmlRenderer {

    private static final String[] SECTION_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八"};

    static final String CSS = """
            @page { size: A4; margin: 16mm 15mm 18mm 15mm;
              @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: %1$s; font-size: 8pt; color: #6e7781; } }
            body { font-family: %1$s; font-size: 10.5pt; line-height: 1.6; color: #1f2328; background: #ffffff; margin: 0; }
            @media screen { html { background: #e8eaed; }
              body { width: 210mm; margin: 24px auto; padding: 16mm 15mm 18mm 15mm; box-sizing: border-box; border: 1px solid #d0d7de; } }
            .masthead { text-align: center; border-bottom: 2.5pt solid #b3261e; padding-bottom: 10pt; margin-bottom: 4pt; }
            .masthead-rule { border-top: 0.75pt solid #b3261e; margin-bottom: 16pt; }
            .kicker { color: #b3261e; font-size: 10.5pt; margin: 0 0 6pt 0; }
            h1 { font-size: 19pt; line-height: 1.35; font-weight: bold; margin: 0 0 4pt 0; color: #111111; }
            .title-en { font-size: 11pt; color: #57606a; margin: 0 0 10pt 0; }
            .meta { font-size: 9pt; color: #424a53; margin: 0; }
            .meta-en { font-size: 8.5pt; color: #6e7781; margin: 0; }
            .sep { color: #afb8c1; padding: 0 4pt; }
            h2 { font-size: 13pt; font-weight: bold; margin: 18pt 0 8pt 0; padding-bottom: 3pt; border-bottom: 0.75pt solid #d0d7de; color: #111111; page-break-after: avoid; }
            h2 .en { font-size: 9.5pt; font-weight: normal; color: #6e7781; margin-left: 6pt; }
            p { margin: 0 0 6pt 0; }
            p.zh { text-indent: 2em; }
            p.en { color: #57606a; font-size: 9.5pt; }
            p.note { color: #6e7781; font-size: 9pt; margin-top: 4pt; }
            table.data { width: 100%%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.45; -fs-table-paginate: paginate; }
            table.data thead { display: table-header-group; }
            table.data th { text-align: left; vertical-align: bottom; font-weight: bold; background: #f3f4f6; padding: 5pt 4pt;
              border-top: 1.25pt solid #1f2328; border-bottom: 0.75pt solid #1f2328; }
            table.data td { vertical-align: top; padding: 5pt 4pt; border-bottom: 0.5pt solid #d8dee4; word-wrap: break-word; }
            table.data tr { page-break-inside: avoid; }
            table.data tbody tr:last-child td { border-bottom: 1.25pt solid #1f2328; }
            th .en, td .en { display: block; font-weight: normal; font-size: 7.5pt; line-height: 1.35; color: #6e7781; margin-top: 1pt; }
            td.num, th.num { text-align: right; }
            td.center, th.center { text-align: center; }
            .binding { display: inline-block; font-size: 7pt; line-height: 1.3; color: #b3261e; border: 0.75pt solid #b3261e; border-radius: 2pt; padding: 0 2pt; margin-left: 3pt; vertical-align: 1pt; }
            .verdict { display: inline-block; color: #ffffff; font-size: 8pt; line-height: 1.4; padding: 1pt 6pt; border-radius: 7pt; white-space: nowrap; }
            .qualitative { color: #57606a; }
            .chart { display: block; margin: 6pt auto 2pt auto; max-width: 100%%; height: auto; }
            .figure { margin: 0 0 10pt 0; page-break-inside: avoid; }
            .caption { text-align: center; font-size: 9pt; color: #424a53; margin-top: 4pt; }
            .caption .en { color: #6e7781; margin-left: 4pt; }
            .footer { margin-top: 22pt; padding-top: 6pt; border-top: 0.75pt solid #d0d7de; font-size: 8.5pt; color: #6e7781; }
            .footer p { margin: 0 0 2pt 0; }
            """.formatted("\"Droid Sans Fallback\", \"Noto Sans CJK SC\", \"DejaVu Sans\", sans-serif");

    private HtmlRenderer() {
    }

    public static String render(JsonNode r) {
        StringBuilder h = new StringBuilder(16384);
        String titleZh = Fields.text(r, "titleZh", "报告");
        String titleEn = Fields.text(r, "titleEn", "Report");
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.esc(titleZh)).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(Xml.esc(titleEn)).append("\"/>\n")
                .append("<link rel=\"icon\" href=\"data:,\"/>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        masthead(h, r, titleZh, titleEn);
        int section = 0;
        heading(h, section++, "总体情况", "Overview");
        String narrativeZh = Fields.text(r, "narrativeZh");
        String narrativeEn = Fields.text(r, "narrativeEn");
        if (narrativeZh == null && narrativeEn == null) {
            h.append("<p class=\"note\">本报告无综述。No narrative in this report.</p>\n");
        }
        if (narrativeZh != null) {
            h.append("<p class=\"zh\">").append(Xml.esc(narrativeZh)).append("</p>\n");
        }
        if (narrativeEn != null) {
            h.append("<p class=\"en\">").append(Xml.esc(narrativeEn)).append("</p>\n");
        }

        // A project progress report has no indicators: it skips the indicator sections rather than show them empty.
        JsonNode indicators = Fields.array(r, "indicators");
        int figure = 1;
        if (indicators != null && !indicators.isEmpty()) {
            heading(h, section++, "主要指标完成情况", "Main indicators");
            indicatorTable(h, indicators);

            heading(h, section++, "分领域评价", "Verdicts by category");
            String verdictChart = SvgCharts.verdictsByCategory(VerdictsByCategory.resolve(r));
            if (verdictChart == null) {
                h.append("<p class=\"note\">无指标评价数据，不绘制图表。No indicator verdicts to chart.</p>\n");
            } else {
                figure(h, verdictChart, figure++, "各领域指标评价结果", "Verdicts of the indicators by category");
            }
        }

        JsonNode projects = Fields.object(r, "projects");
        heading(h, section++, "重点项目投资", "Key project investment");
        if (projects == null) {
            h.append("<p class=\"note\">本报告不含重点项目投资数据。No key project investment in this report.</p>\n");
        } else {
            projectSummary(h, projects);
            String investmentChart = SvgCharts.investmentByCategory(Fields.array(projects, "byCategory"));
            if (investmentChart == null) {
                h.append("<p class=\"note\">无分类别的项目投资数据，不绘制图表。No investment by category to chart.</p>\n");
            } else {
                figure(h, investmentChart, figure, "各类重点项目计划投资与完成投资", "Planned and completed investment by project category");
            }
        }

        JsonNode projectRows = Fields.array(r, "projectRows");
        if (projectRows != null && !projectRows.isEmpty()) {
            heading(h, section, "重点项目进展", "Key projects");
            projectTable(h, projectRows);
        }

        footer(h, r);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void masthead(StringBuilder h, JsonNode r, String titleZh, String titleEn) {
        String type = Fields.text(r, "type");
        h.append("<div class=\"masthead\">\n");
        if (type != null) {
            h.append("<p class=\"kicker\">").append(Xml.esc(Labels.typeZh(type))).append(" · ").append(Xml.esc(Labels.typeEn(type))).append("</p>\n");
        }
        h.append("<h1>").append(Xml.esc(titleZh)).append("</h1>\n");
        h.append("<p class=\"title-en\">").append(Xml.esc(titleEn)).append("</p>\n");
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        String plan = Fields.text(r, "plan");
        if (plan != null) {
            meta(zh, en, "规划", "Plan", plan, plan);
        }
        String year = Fields.text(r, "year");
        if (year != null && !year.equals("0")) {
            meta(zh, en, "年度", "Year", year + "年", year);
        }
        String stage = Fields.text(r, "stage");
        if (stage != null) {
            meta(zh, en, "阶段", "Stage", Labels.stageZh(stage), Labels.stageEn(stage));
        }
        JsonNode department = Fields.object(r, "department");
        if (department != null) {
            meta(zh, en, "部门", "Department", Fields.text(department, "nameZh", Fields.text(department, "code", "")),
                    Fields.text(department, "nameEn", Fields.text(department, "code", "")));
        }
        JsonNode list = Fields.object(r, "list");
        if (list != null) {
            meta(zh, en, "项目清单", "Project list", Fields.text(list, "nameZh", Fields.text(list, "code", "")),
                    Fields.text(list, "nameEn", Fields.text(list, "code", "")));
        }
        String asOf = Fields.text(r, "asOf");
        if (asOf != null) {
            meta(zh, en, "数据截至", "Data as of", Fields.asOfZh(asOf), Fields.asOfEn(asOf));
        }
        if (zh.length() > 0) {
            h.append("<p class=\"meta\">").append(zh).append("</p>\n<p class=\"meta-en\">").append(en).append("</p>\n");
        }
        h.append("</div>\n<div class=\"masthead-rule\"></div>\n");
    }

    private static void meta(StringBuilder zh, StringBuilder en, String keyZh, String keyEn, String valueZh, String valueEn) {
        if (zh.length() > 0) {
            zh.append("<span class=\"sep\">|</span>");
            en.append("<span class=\"sep\">|</span>");
        }
        zh.append(Xml.esc(keyZh)).append(" ").append(Xml.esc(valueZh));
        en.append(Xml.esc(keyEn)).append(" ").append(Xml.esc(valueEn));
    }

    private static void heading(StringBuilder h, int index, String zh, String en) {
        String number = index < SECTION_NUMBERS.length ? SECTION_NUMBERS[index] : Integer.toString(index + 1);
        h.append("<h2>").append(number).append("、").append(Xml.esc(zh)).append("<span class=\"en\">").append(Xml.esc(en)).append("</span></h2>\n");
    }

    private static void th(StringBuilder h, String cls, String zh, String en) {
        h.append("<th").append(cls == null ? "" : " class=\"" + cls + "\"").append(">").append(Xml.esc(zh))
                .append("<span class=\"en\">").append(Xml.esc(en)).append("</span></th>");
    }

    private static void indicatorTable(StringBuilder h, JsonNode indicators) {
        if (indicators.isEmpty()) {
            h.append("<p class=\"note\">本报告不含指标。No indicators in this report.</p>\n");
            return;
        }
        h.append("<table class=\"data indicators\">\n<colgroup>")
                .append("<col style=\"width:6%\"/><col style=\"width:21%\"/><col style=\"width:7%\"/><col style=\"width:11%\"/>")
                .append("<col style=\"width:11%\"/><col style=\"width:8%\"/><col style=\"width:13%\"/><col style=\"width:23%\"/>")
                .append("</colgroup>\n<thead><tr>");
        th(h, "center", "序号", "No.");
        th(h, null, "指标名称", "Indicator");
        th(h, null, "单位", "Unit");
        th(h, null, "目标", "Target");
        th(h, "num", "完成值", "Value");
        th(h, "num", "增速", "Growth");
        th(h, null, "评价", "Verdict");
        th(h, null, "说明", "Explanation");
        h.append("</tr></thead>\n<tbody>\n");
        for (JsonNode i : indicators) {
            h.append("<tr>");
            h.append("<td class=\"center\">").append(Xml.esc(Fields.text(i, "seq", ""))).append("</td>");
            h.append("<td>").append(Xml.esc(Fields.text(i, "nameZh", Fields.text(i, "code", ""))));
            if ("BINDING".equals(Fields.text(i, "attribute"))) {
                h.append("<span class=\"binding\" title=\"Binding\">约束性</span>");
            }
            sub(h, Fields.text(i, "nameEn"));
            h.append("</td>");
            h.append("<td>").append(Xml.esc(Fields.text(i, "unit", ""))).append("</td>");
            h.append("<td>").append(Xml.esc(Fields.text(i, "target", "—"))).append("</td>");
            String value = Fields.plain(Fields.decimal(i, "value"));
            if (value != null) {
                h.append("<td class=\"num\">").append(Xml.esc(grouped(Fields.decimal(i, "value")))).append("</td>");
            } else {
                String qualitative = Fields.text(i, "qualitativeZh");
                h.append(qualitative == null ? "<td class=\"num\">—</td>"
                        : "<td class=\"num qualitative\">" + Xml.esc(qualitative) + "</td>");
            }
            String growth = Fields.plain(Fields.decimal(i, "growthRate"));
            h.append("<td class=\"num\">").append(growth == null ? "—" : Xml.esc(growth) + "%").append("</td>");
            Labels.Verdict verdict = Labels.verdict(Fields.text(i, "verdict"));
            h.append("<td><span class=\"verdict\" style=\"background-color:").append(verdict.colour()).append("\">")
                    .append(Xml.esc(Fields.text(i, "verdictZh", verdict.zh()))).append("</span>");
            sub(h, Fields.text(i, "verdictEn", verdict.en()));
            h.append("</td>");
            h.append("<td>").append(Xml.esc(Fields.text(i, "explanationZh", "")));
            sub(h, Fields.text(i, "explanationEn"));
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        h.append("<p class=\"note\">注：标注“约束性”的为约束性指标；增速为比上年增长的百分比。Indicators marked 约束性 are binding; growth is the change on the previous year in percent.</p>\n");
    }

    private static void sub(StringBuilder h, String en) {
        if (en != null) {
            h.append("<span class=\"en\">").append(Xml.esc(en)).append("</span>");
        }
    }

    private static void figure(StringBuilder h, String svg, int number, String zh, String en) {
        h.append("<div class=\"figure\">\n").append(svg).append("\n<p class=\"caption\">图").append(number).append("　").append(Xml.esc(zh))
                .append("<span class=\"en\">Figure ").append(number).append(". ").append(Xml.esc(en)).append("</span></p>\n</div>\n");
    }

    private static void projectSummary(StringBuilder h, JsonNode projects) {
        JsonNode investment = Fields.object(projects, "investment");
        JsonNode planned = Fields.object(investment, "planned");
        JsonNode completed = Fields.object(investment, "completed");
        String count = Fields.text(projects, "projectCount");
        String ratio = Fields.plain(Fields.decimal(investment, "completionRatio"));
        String list = Fields.text(Fields.object(projects, "list"), "code");
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (list != null) {
            zh.append("项目清单").append(list).append("：");
            en.append("Project list ").append(list).append(": ");
        }
        if (count != null) {
            zh.append(count).append("个重点项目");
            en.append(count).append(" key projects");
        }
        if (planned != null || completed != null) {
            zh.append(zh.length() > 0 ? "，" : "").append("计划投资").append(orDash(Fields.yuanDisplay(planned)))
                    .append("，完成投资").append(orDash(Fields.yuanDisplay(completed)));
            en.append(en.length() > 0 ? "; " : "").append("planned investment ").append(orDash(yuan(planned)))
                    .append(", completed ").append(orDash(yuan(completed)));
            if (ratio != null) {
                zh.append("，完成率").append(ratio).append("%");
                en.append(" (").append(ratio).append("% of plan)");
            }
        }
        if (zh.length() > 0) {
            h.append("<p class=\"zh\">").append(Xml.esc(zh.toString())).append("。</p>\n");
            h.append("<p class=\"en\">").append(Xml.esc(en.toString())).append(".</p>\n");
        }
    }

    private static String yuan(JsonNode amount) {
        BigDecimal yuan = Fields.decimal(amount, "yuan");
        return yuan == null ? null : grouped(yuan) + " yuan";
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    /** Thousands separators for the reader; the exact digits stay. */
    static String grouped(BigDecimal n) {
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    private static void projectTable(StringBuilder h, JsonNode rows) {
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">本报告不含项目明细。No project rows in this report.</p>\n");
            return;
        }
        h.append("<table class=\"data projects\">\n<colgroup>")
                .append("<col style=\"width:6%\"/><col style=\"width:32%\"/><col style=\"width:16%\"/><col style=\"width:12%\"/>")
                .append("<col style=\"width:8%\"/><col style=\"width:13%\"/><col style=\"width:13%\"/>")
                .append("</colgroup>\n<thead><tr>");
        th(h, "center", "序号", "No.");
        th(h, null, "项目名称", "Project");
        th(h, null, "类别", "Category");
        th(h, null, "状态", "Status");
        th(h, "num", "进度", "Progress");
        th(h, "num", "计划投资", "Planned");
        th(h, "num", "完成投资", "Completed");
        h.append("</tr></thead>\n<tbody>\n");
        for (JsonNode p : rows) {
            JsonNode category = Fields.object(p, "category");
            String status = Fields.text(p, "status");
            String progress = Fields.plain(Fields.decimal(p, "progressPercent"));
            h.append("<tr><td class=\"center\">").append(Xml.esc(Fields.text(p, "seq", ""))).append("</td>");
            h.append("<td>").append(Xml.esc(Fields.text(p, "nameZh", Fields.text(p, "code", ""))));
            sub(h, Fields.text(p, "nameEn"));
            h.append("</td><td>").append(Xml.esc(Fields.text(category, "nameZh", "—")));
            sub(h, Fields.text(category, "nameEn"));
            h.append("</td><td>").append(Xml.esc(status == null ? "—" : Labels.statusZh(status)));
            sub(h, status == null ? null : Labels.statusEn(status));
            h.append("</td><td class=\"num\">").append(progress == null ? "—" : Xml.esc(progress) + "%").append("</td>");
            h.append("<td class=\"num\">").append(Xml.esc(orDash(Fields.yuanDisplay(Fields.object(p, "planned"))))).append("</td>");
            h.append("<td class=\"num\">").append(Xml.esc(orDash(Fields.yuanDisplay(Fields.object(p, "completed"))))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void footer(StringBuilder h, JsonNode r) {
        String asOf = Fields.text(r, "asOf");
        h.append("<div class=\"footer\">\n");
        if (asOf != null) {
            h.append("<p>数据截至 ").append(Xml.esc(Fields.asOfZh(asOf))).append("。本报告依据该时点各系统数据生成，内容不随后续数据更新而改变。</p>\n");
            h.append("<p>Data as of ").append(Xml.esc(asOf)).append(". Generated from the figures recorded at that time; later corrections do not change this report.</p>\n");
        }
        h.append("<p>规划实施监测系统 · Plan monitoring suite</p>\n</div>\n");
    }
}
