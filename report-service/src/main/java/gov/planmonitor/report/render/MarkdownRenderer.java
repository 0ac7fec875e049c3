package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;

/** Markdown of the structured report: title, narrative and the indicator table. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(JsonNode r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(line(Fields.text(r, "titleZh", ""))).append("\n\n*").append(line(Fields.text(r, "titleEn", ""))).append("*\n\n");
        md.append(Fields.text(r, "narrativeZh", "")).append("\n\n").append(Fields.text(r, "narrativeEn", "")).append("\n\n");
        md.append("| 序号 | 指标 Indicator | 目标 Target | 完成 Value | 增速 Growth % | 评价 Verdict |\n|---|---|---|---|---|---|\n");
        JsonNode indicators = Fields.array(r, "indicators");
        if (indicators != null) {
            for (JsonNode i : indicators) {
                String number = Fields.plain(Fields.decimal(i, "value"));
                String value = number != null ? number + " " + Fields.text(i, "unit", "") : Fields.text(i, "qualitativeZh", "—");
                String growth = Fields.plain(Fields.decimal(i, "growthRate"));
                String binding = "BINDING".equals(Fields.text(i, "attribute")) ? "（约束性）" : "";
                md.append("| ").append(i.path("seq").asInt()).append(" | ").append(cell(Fields.text(i, "nameZh", ""))).append(binding).append("<br>")
                        .append(cell(Fields.text(i, "nameEn", ""))).append(" | ").append(cell(Fields.text(i, "target", "—"))).append(" | ")
                        .append(cell(value.strip())).append(" | ")
                        .append(growth == null ? "—" : growth).append(" | ")
                        .append(cell(Fields.text(i, "verdictZh", ""))).append(" ").append(cell(Fields.text(i, "verdictEn", ""))).append(" |\n");
            }
        }
        md.append("\n_Data as of ").append(Fields.text(r, "asOf", "—")).append("._\n");
        return md.toString();
    }

    /** A table cell: a | would end the cell and a line break the row. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    private static String line(String s) {
        return s.replace("\r\n", " ").replace("\n", " ");
    }
}
