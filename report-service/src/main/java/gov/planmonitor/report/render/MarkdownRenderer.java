package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** Markdown of the structured report: title, narrative and the indicator table. */
public final class MarkdownRenderer {

    /** The mark that makes a line a heading, list item or thematic break (a number's . or ) for an ordered list). */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\d+(?=[.)])|(?=[#=+-]))");

    private MarkdownRenderer() {
    }

    public static String render(JsonNode r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(line(Fields.text(r, "titleZh", ""))).append("\n\n*").append(line(Fields.text(r, "titleEn", ""))).append("*\n\n");
        md.append(paragraph(Fields.text(r, "narrativeZh", ""))).append("\n\n").append(paragraph(Fields.text(r, "narrativeEn", ""))).append("\n\n");
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
        md.append("\n_Data as of ").append(line(Fields.text(r, "asOf", "—"))).append("._\n");
        return md.toString();
    }

    /** Text in a table cell: a line break would end the row, so it becomes the cell's own break. */
    private static String cell(String s) {
        return literal(s).replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }

    /** Text on one line: a line break could start a block (a heading, a list, a table) of the text's own. */
    private static String line(String s) {
        return literal(s).replace("\r\n", " ").replace("\n", " ").replace("\r", " ");
    }

    /** A paragraph of its own: a line that began with a heading, list or code mark would be that block instead. */
    private static String paragraph(String s) {
        return BLOCK_START.matcher(line(s).strip()).replaceFirst("$1\\\\");
    }

    /**
     * Text that reads as itself in any Markdown renderer: no HTML (a frontend may pass it through), no entity, and
     * no emphasis, code, strike-through, link or image (so no javascript: link either), and no end of a table cell.
     */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '_', '~', '[', ']', '|' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
