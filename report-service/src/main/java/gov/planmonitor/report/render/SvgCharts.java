package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto.CategoryVerdictsDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report's charts as inline SVG, drawn on the server so the page needs no script and the PDF gets the same
 * picture. Text widths are estimated (a CJK character is one em, Latin about 0.56 em) because there is no font
 * measurement on the server; labels are wrapped and placed with that estimate and some slack.
 */
final class SvgCharts {

    static final String FONT = "'Droid Sans Fallback', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif";
    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 168;
    private static final int BAR_X = 180;
    private static final String AXIS = "#8c959f";
    private static final String GRID = "#e4e7eb";
    private static final String MUTED = "#57606a";
    private static final String PLANNED = "#a8bfdb";
    private static final String COMPLETED = "#1f4e79";

    private SvgCharts() {
    }

    /** Stacked horizontal bars: per category, its indicators split by verdict. Null when there is nothing to draw. */
    static String verdictsByCategory(List<CategoryVerdictsDto> rows, Wording zh, Wording en) {
        if (rows == null) {
            return null;
        }
        Set<String> present = new LinkedHashSet<>();
        List<CategoryVerdictsDto> categories = new ArrayList<>();
        int max = 0;
        for (CategoryVerdictsDto row : rows) {
            if (row.counts() == null) {
                continue;
            }
            int total = 0;
            for (var e : row.counts().entrySet()) {
                int n = e.getValue() == null ? 0 : e.getValue();
                if (n > 0) {
                    total += n;
                    present.add(e.getKey());
                }
            }
            if (total > 0) {
                categories.add(row);
                max = Math.max(max, total);
            }
        }
        if (categories.isEmpty()) {
            return null;
        }
        List<String> legend = new ArrayList<>(present);
        legend.sort(Comparator.comparingInt(Verdicts::rank));

        StringBuilder body = new StringBuilder();
        int y = legend(body, legend.stream().map(v -> new LegendItem(Verdicts.colour(v), zh.verdict(v) + " " + en.verdict(v))).toList());
        y += 6;
        int top = y;
        double scale = (WIDTH - BAR_X - 48) / (double) max;
        for (CategoryVerdictsDto row : categories) {
            int rowHeight = rowLabel(body, y, Fields.text(row.nameZh(), Fields.text(row.code(), "")), Fields.text(row.nameEn(), ""), 38, 12);
            int barY = y + rowHeight / 2 - 11;
            double x = BAR_X;
            int total = 0;
            for (String v : legend) {
                Integer count = row.counts().get(v);
                int n = count == null ? 0 : count;
                if (n <= 0) {
                    continue;
                }
                double w = n * scale;
                body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\"/>", x, barY, w, Verdicts.colour(v)));
                if (w >= 16) {
                    text(body, x + w / 2, barY + 15.5, 11, "#ffffff", "middle", Integer.toString(n));
                }
                x += w;
                total += n;
            }
            text(body, x + 6, barY + 15.5, 11, MUTED, "start", zh.indicatorCount(total));
            y += rowHeight;
            body.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d.5\" x2=\"%d\" y2=\"%d.5\" stroke=\"%s\" stroke-width=\"1\"/>", y, WIDTH, y, GRID));
        }
        body.append(String.format(Locale.ROOT, "<line x1=\"%d.5\" y1=\"%d\" x2=\"%d.5\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>", BAR_X, top, BAR_X, y, AXIS));
        return svg(y + 4, zh.verdictFigure() + " " + en.verdictsByCategory(), body);
    }

    /** Grouped horizontal bars: per category, planned and completed investment. Null when there are no amounts. */
    static String investmentByCategory(List<ListSummaryDto.CategoryRollupDto> byCategory, Wording zh, Wording en) {
        if (byCategory == null) {
            return null;
        }
        record Row(String zh, String en, BigDecimal planned, BigDecimal completed, String plannedText, String completedText, String ratio) {
        }
        List<Row> rows = new ArrayList<>();
        double max = 0;
        for (ListSummaryDto.CategoryRollupDto c : byCategory) {
            CodeNameDto category = c.category();
            ListSummaryDto.InvestmentTotalsDto investment = c.investment();
            ListSummaryDto.MoneyDto planned = investment == null ? null : investment.planned();
            ListSummaryDto.MoneyDto completed = investment == null ? null : investment.completed();
            BigDecimal p = Fields.yuan(planned);
            BigDecimal d = Fields.yuan(completed);
            if (p == null && d == null) {
                continue;
            }
            BigDecimal ratio = investment.completionRatio();
            if (ratio == null && p != null && d != null && p.signum() > 0) {
                ratio = d.multiply(BigDecimal.valueOf(100)).divide(p, 1, RoundingMode.HALF_UP);
            }
            String code = category == null ? "" : Fields.text(category.code(), "");
            String unit = zh.hundredMillionYuan();
            rows.add(new Row(category == null ? code : Fields.text(category.nameZh(), code), category == null ? "" : Fields.text(category.nameEn(), ""),
                    p, d, p == null ? null : Fields.yuanDisplay(planned, unit), d == null ? null : Fields.yuanDisplay(completed, unit),
                    ratio == null ? null : Fields.plain(ratio) + "%"));
            max = Math.max(max, Math.max(p == null ? 0 : p.doubleValue(), d == null ? 0 : d.doubleValue()));
        }
        if (rows.isEmpty() || max <= 0) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        int y = legend(body, List.of(new LegendItem(PLANNED, zh.colPlanned() + " " + en.colPlanned()),
                new LegendItem(COMPLETED, zh.colCompleted() + " " + en.colCompleted())));
        y += 6;
        int top = y;
        // The axis in 亿元 (10^8 yuan) with a round step, so the bars can be read against it as well as by their labels.
        double maxYi = max / 1e8;
        double step = niceStep(maxYi / 4);
        double axisMax = Math.ceil(maxYi / step) * step;
        double barSpace = WIDTH - BAR_X - 160;
        double scale = barSpace / axisMax;

        StringBuilder bars = new StringBuilder();
        for (Row row : rows) {
            int rowHeight = rowLabel(bars, y, row.zh(), row.en(), 48, 14);
            int barY = y + rowHeight / 2 - 15;
            bar(bars, barY, row.planned(), scale, PLANNED, row.plannedText(), null);
            bar(bars, barY + 16, row.completed(), scale, COMPLETED, row.completedText(), row.ratio() == null ? null : zh.completionRate(row.ratio()));
            y += rowHeight;
        }
        for (double t = 0; t <= axisMax + step / 1000; t += step) {
            double x = BAR_X + t * scale;
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>",
                    x, top, x, y, t == 0 ? AXIS : GRID));
            text(body, x, y + 14, 9.5, MUTED, "middle", Fields.plain(BigDecimal.valueOf(t).setScale(2, RoundingMode.HALF_UP)));
        }
        text(body, BAR_X + axisMax * scale + 14, y + 14, 9.5, MUTED, "start", zh.hundredMillionYuan() + " " + en.hundredMillionYuan());
        body.append(bars);
        return svg(y + 22, zh.investmentChart() + " " + en.investmentChart(), body);
    }

    /**
     * A row's label left of the bars: the Chinese name, the English one smaller beneath, both wrapped and centred in
     * the row. Returns the row's height: at least {@code minHeight}, or the label plus {@code padding}.
     */
    private static int rowLabel(StringBuilder sb, int y, String nameZh, String nameEn, int minHeight, int padding) {
        List<String> zh = wrap(nameZh, LABEL_WIDTH, 12.5);
        List<String> en = wrap(nameEn, LABEL_WIDTH, 9.5);
        int labelHeight = zh.size() * 16 + en.size() * 12;
        int rowHeight = Math.max(minHeight, labelHeight + padding);
        int labelY = y + (rowHeight - labelHeight) / 2;
        for (String line : zh) {
            labelY += 16;
            text(sb, 0, labelY - 4, 12.5, "#1f2328", "start", line);
        }
        for (String line : en) {
            labelY += 12;
            text(sb, 0, labelY - 3, 9.5, MUTED, "start", line);
        }
        return rowHeight;
    }

    private static void bar(StringBuilder sb, int y, BigDecimal yuan, double scale, String colour, String label, String extra) {
        double w = yuan == null ? 0 : Math.max(yuan.doubleValue() / 1e8 * scale, yuan.signum() > 0 ? 1 : 0);
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>", BAR_X, y, w, colour));
        String text = label == null ? "—" : label;
        text(sb, BAR_X + w + 5, y + 11, 10.5, "#1f2328", "start", extra == null ? text : text + "  " + extra);
    }

    private record LegendItem(String colour, String label) {
    }

    /** Draws the legend from the bar area's left edge, wrapping when needed; returns the y below it. */
    private static int legend(StringBuilder sb, List<LegendItem> items) {
        double x = BAR_X;
        int y = 0;
        for (LegendItem item : items) {
            double w = 14 + width(item.label(), 11) + 18;
            if (x + w > WIDTH && x > BAR_X) {
                x = BAR_X;
                y += 18;
            }
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y + 4, item.colour()));
            text(sb, x + 14, y + 13, 11, "#1f2328", "start", item.label());
            x += w;
        }
        return y + 20;
    }

    private static void text(StringBuilder sb, double x, double y, double size, String fill, String anchor, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" fill=\"%s\"%s>%s</text>",
                x, y, Fields.plain(BigDecimal.valueOf(size)), fill, anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"", Xml.esc(text)));
    }

    private static String svg(int height, String label, StringBuilder body) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\" font-family=\"%s\"><title>%s</title>%s</svg>",
                WIDTH, height, WIDTH, height, Xml.esc(label), Xml.esc(FONT), Xml.esc(label), body);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least the raw step. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Estimated width in px of text at a font size: CJK and full-width characters one em, others about 0.56 em. */
    static double width(String s, double size) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            em += c >= 0x2E80 ? 1.0 : c == ' ' ? 0.32 : Character.isUpperCase(c) ? 0.68 : 0.56;
        }
        return em * size;
    }

    /** Greedy wrap into lines of at most maxWidth: at spaces for Latin text, anywhere between CJK characters. */
    static List<String> wrap(String s, double maxWidth, double size) {
        List<String> lines = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String token : tokens(s)) {
            String candidate = line.length() == 0 ? token.stripLeading() : line + token;
            if (width(candidate, size) > maxWidth && line.length() > 0) {
                lines.add(line.toString().strip());
                line = new StringBuilder(token.stripLeading());
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** Words with their leading space, and each CJK character alone. */
    private static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x2E80) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(new String(Character.toChars(c)));
            } else if (c == ' ' && word.length() > 0 && !word.toString().isBlank()) {
                tokens.add(word.toString());
                word.setLength(0);
                word.append(' ');
            } else {
                word.appendCodePoint(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
