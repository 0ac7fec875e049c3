package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.support.tabular.SpreadsheetText;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The report's tables as a workbook for further analysis: one sheet per table, a zh+en header row, numbers as
 * numeric cells (never text, so they sum and chart), verdicts as text. A last sheet names the report and its asOf.
 */
public final class XlsxRenderer {

    public static final String INDICATOR_SHEET = "指标 Indicators";
    public static final String INVESTMENT_SHEET = "项目投资 Investment by category";
    public static final String PROJECT_SHEET = "项目 Projects";
    public static final String ABOUT_SHEET = "说明 About";

    private XlsxRenderer() {
    }

    public static byte[] render(JsonNode r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            JsonNode indicators = Fields.array(r, "indicators");
            if (indicators != null && !indicators.isEmpty()) {
                indicators(wb, styles, indicators);
            }
            JsonNode byCategory = Fields.array(Fields.object(r, "projects"), "byCategory");
            if (byCategory != null && !byCategory.isEmpty()) {
                investment(wb, styles, Fields.object(r, "projects"), byCategory);
            }
            JsonNode projectRows = Fields.array(r, "projectRows");
            if (projectRows != null && !projectRows.isEmpty()) {
                projects(wb, styles, projectRows);
            }
            about(wb, styles, r);
            properties(wb, r);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("XLSX rendering failed", e);
        }
    }

    private static void indicators(XSSFWorkbook wb, Styles s, JsonNode indicators) {
        XSSFSheet sheet = wb.createSheet(INDICATOR_SHEET);
        String[][] header = {{"序号 No.", "8"}, {"代码 Code", "12"}, {"指标名称 Indicator", "34"}, {"Indicator (English)", "40"},
                {"类别 Category", "14"}, {"属性 Attribute", "10"}, {"单位 Unit", "9"}, {"目标 Target", "16"}, {"完成值 Value", "13"},
                {"增速（%）Growth %", "12"}, {"定性情况 Qualitative", "16"}, {"评价 Verdict", "14"}, {"Verdict (English)", "18"},
                {"评价代码 Verdict code", "16"}, {"说明 Explanation", "44"}, {"Explanation (English)", "50"}};
        header(sheet, s, header);
        int r = 1;
        for (JsonNode i : indicators) {
            Row row = sheet.createRow(r++);
            number(row, 0, Fields.decimal(i, "seq"), s.integer);
            text(s, row, 1, Fields.text(i, "code"), s.text);
            text(s, row, 2, Fields.text(i, "nameZh"), s.text);
            text(s, row, 3, Fields.text(i, "nameEn"), s.text);
            text(s, row, 4, Fields.text(Fields.object(i, "category"), "nameZh"), s.text);
            String attribute = Fields.text(i, "attribute");
            text(s, row, 5, attribute == null ? null : Optional.ofNullable(Labels.attributeZh(attribute)).orElse(attribute), s.text);
            text(s, row, 6, Fields.text(i, "unit"), s.text);
            text(s, row, 7, Fields.text(i, "target"), s.text);
            number(row, 8, Fields.decimal(i, "value"), s.decimal);
            number(row, 9, Fields.decimal(i, "growthRate"), s.decimal);
            text(s, row, 10, Fields.text(i, "qualitativeZh"), s.text);
            String verdict = Fields.text(i, "verdict");
            Labels.Verdict v = Labels.verdict(verdict);
            text(s, row, 11, Fields.text(i, "verdictZh", v.zh()), s.verdict(v.colour()));
            text(s, row, 12, Fields.text(i, "verdictEn", v.en()), s.text);
            text(s, row, 13, verdict, s.text);
            text(s, row, 14, Fields.text(i, "explanationZh"), s.text);
            text(s, row, 15, Fields.text(i, "explanationEn"), s.text);
        }
        finish(sheet, header.length, r);
    }

    private static void investment(XSSFWorkbook wb, Styles s, JsonNode projects, JsonNode byCategory) {
        XSSFSheet sheet = wb.createSheet(INVESTMENT_SHEET);
        String[][] header = {{"类别 Category", "22"}, {"Category (English)", "36"}, {"代码 Code", "22"}, {"项目数 Projects", "12"},
                {"计划投资（元）Planned (yuan)", "22"}, {"完成投资（元）Completed (yuan)", "22"}, {"完成率（%）Completion %", "14"}};
        header(sheet, s, header);
        int r = 1;
        for (JsonNode c : byCategory) {
            JsonNode category = Fields.object(c, "category");
            investmentRow(sheet.createRow(r++), s, Fields.text(category, "nameZh"), Fields.text(category, "nameEn"), Fields.text(category, "code"),
                    Fields.decimal(c, "projectCount"), Fields.object(c, "investment"), false);
        }
        JsonNode total = Fields.object(projects, "investment");
        if (total != null) {
            investmentRow(sheet.createRow(r++), s, "合计", "Total", null, Fields.decimal(projects, "projectCount"), total, true);
        }
        finish(sheet, header.length, r);
    }

    private static void investmentRow(Row row, Styles s, String zh, String en, String code, BigDecimal count, JsonNode investment, boolean total) {
        text(s, row, 0, zh, total ? s.bold : s.text);
        text(s, row, 1, en, total ? s.bold : s.text);
        text(s, row, 2, code, s.text);
        number(row, 3, count, total ? s.boldInteger : s.integer);
        number(row, 4, Fields.decimal(Fields.object(investment, "planned"), "yuan"), total ? s.boldYuan : s.yuan);
        number(row, 5, Fields.decimal(Fields.object(investment, "completed"), "yuan"), total ? s.boldYuan : s.yuan);
        number(row, 6, Fields.decimal(investment, "completionRatio"), total ? s.boldDecimal : s.decimal);
    }

    private static void projects(XSSFWorkbook wb, Styles s, JsonNode rows) {
        XSSFSheet sheet = wb.createSheet(PROJECT_SHEET);
        String[][] header = {{"序号 No.", "8"}, {"代码 Code", "14"}, {"项目名称 Project", "40"}, {"Project (English)", "44"},
                {"类别 Category", "20"}, {"状态 Status", "14"}, {"状态代码 Status code", "16"}, {"进度（%）Progress %", "12"},
                {"计划投资（元）Planned (yuan)", "22"}, {"完成投资（元）Completed (yuan)", "22"}};
        header(sheet, s, header);
        int r = 1;
        for (JsonNode p : rows) {
            Row row = sheet.createRow(r++);
            String status = Fields.text(p, "status");
            number(row, 0, Fields.decimal(p, "seq"), s.integer);
            text(s, row, 1, Fields.text(p, "code"), s.text);
            text(s, row, 2, Fields.text(p, "nameZh"), s.text);
            text(s, row, 3, Fields.text(p, "nameEn"), s.text);
            text(s, row, 4, Fields.text(Fields.object(p, "category"), "nameZh"), s.text);
            text(s, row, 5, status == null ? null : Labels.statusZh(status), s.text);
            text(s, row, 6, status, s.text);
            number(row, 7, Fields.decimal(p, "progressPercent"), s.decimal);
            number(row, 8, Fields.decimal(Fields.object(p, "planned"), "yuan"), s.yuan);
            number(row, 9, Fields.decimal(Fields.object(p, "completed"), "yuan"), s.yuan);
        }
        finish(sheet, header.length, r);
    }

    private static void about(XSSFWorkbook wb, Styles s, JsonNode r) {
        XSSFSheet sheet = wb.createSheet(ABOUT_SHEET);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        String[][] rows = {
                {"标题 Title", Fields.text(r, "titleZh")}, {"Title (English)", Fields.text(r, "titleEn")},
                {"报告类型 Type", Fields.text(r, "type")}, {"规划 Plan", Fields.text(r, "plan")}, {"年度 Year", Fields.text(r, "year")},
                {"阶段 Stage", Fields.text(r, "stage")},
                {"部门 Department", Fields.text(Fields.object(r, "department"), "nameZh")},
                {"项目清单 Project list", Fields.text(Fields.object(r, "list"), "code")},
                {"数据截至 Data as of", Fields.text(r, "asOf")},
                {"综述 Narrative", Fields.text(r, "narrativeZh")}, {"Narrative (English)", Fields.text(r, "narrativeEn")}};
        int i = 0;
        for (String[] pair : rows) {
            if (pair[1] == null) {
                continue;
            }
            Row row = sheet.createRow(i++);
            text(s, row, 0, pair[0], s.bold);
            text(s, row, 1, pair[1], s.text);
        }
    }

    private static void properties(XSSFWorkbook wb, JsonNode r) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setTitle(Fields.text(r, "titleZh"));
        core.setDescription(Fields.text(r, "titleEn"));
        core.setCreator("report-service");
        Instant asOf = Fields.instant(Fields.text(r, "asOf"));
        if (asOf != null) {
            core.setCreated(Optional.of(Date.from(asOf)));
            core.setModified(Optional.of(Date.from(asOf)));
        }
    }

    private static void header(XSSFSheet sheet, Styles s, String[][] columns) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(30);
        for (int c = 0; c < columns.length; c++) {
            text(s, row, c, columns[c][0], s.header);
            sheet.setColumnWidth(c, Integer.parseInt(columns[c][1]) * 256);
        }
    }

    private static void finish(XSSFSheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        if (rows > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
        }
    }

    /** A text cell: a string cell even when the text looks like a formula, which then is also quote-prefixed. */
    private static void text(Styles s, Row row, int column, String value, CellStyle style) {
        s.texts.set(row.createCell(column), value, style);
    }

    /** A numeric cell, or a blank one when the number is absent: never the text "null" or "—". */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle bold;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle yuan;
        final CellStyle boldInteger;
        final CellStyle boldDecimal;
        final CellStyle boldYuan;
        final SpreadsheetText texts;
        private final XSSFWorkbook wb;
        private final Map<String, CellStyle> verdicts = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            this.texts = new SpreadsheetText(wb);
            XSSFFont boldFont = wb.createFont();
            boldFont.setBold(true);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            ((XSSFCellStyle) header).setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex("E8EAED"), null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            text = wb.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setWrapText(true);
            bold = wb.createCellStyle();
            bold.cloneStyleFrom(text);
            bold.setFont(boldFont);
            integer = numeric("0", null);
            decimal = numeric("General", null);
            yuan = numeric("#,##0.00", null);
            boldInteger = numeric("0", boldFont);
            boldDecimal = numeric("General", boldFont);
            boldYuan = numeric("#,##0.00", boldFont);
        }

        private CellStyle numeric(String format, Font font) {
            CellStyle style = wb.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }

        /** White text on the verdict's colour, as in the HTML and PDF. */
        CellStyle verdict(String colour) {
            return verdicts.computeIfAbsent(colour, c -> {
                XSSFCellStyle style = wb.createCellStyle();
                style.cloneStyleFrom(text);
                XSSFFont font = wb.createFont();
                font.setColor(new XSSFColor(HexFormat.of().parseHex("FFFFFF"), null));
                style.setFont(font);
                style.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(c.substring(1)), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return style;
            });
        }
    }
}
