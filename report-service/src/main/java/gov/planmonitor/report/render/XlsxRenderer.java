package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.ProjectRowDto;
import gov.planmonitor.support.tabular.SpreadsheetText;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's tables as a workbook for further analysis: one sheet per table, a zh+en header row, numbers as
 * numeric cells (never text, so they sum and chart), verdicts as text. A last sheet names the report and its asOf.
 */
@ApplicationScoped
public class XlsxRenderer {

    private final Wording zh;
    private final Wording en;

    public XlsxRenderer(Wording zh, @Localized("en") Wording en) {
        this.zh = zh;
        this.en = en;
    }

    /** A heading in both languages; Chinese closing with a full-width bracket needs no space before the English. */
    private static String both(String zh, String en) {
        return zh.endsWith("）") ? zh + en : zh + " " + en;
    }

    record Column(String label, int width) {
    }

    private Column col(Function<Wording, String> label, int width) {
        return new Column(both(label.apply(zh), label.apply(en)), width);
    }

    /** A column of the English text beside the Chinese one. */
    private Column english(Function<Wording, String> label, int width) {
        return new Column(en.inEnglish(label.apply(en)), width);
    }

    public byte[] render(ReportContentDto r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            if (r.indicators() != null && !r.indicators().isEmpty()) {
                indicators(wb, styles, r.indicators());
            }
            ListSummaryDto projects = r.projects();
            if (projects != null && projects.byCategory() != null && !projects.byCategory().isEmpty()) {
                investment(wb, styles, projects);
            }
            if (r.projectRows() != null && !r.projectRows().isEmpty()) {
                projects(wb, styles, r.projectRows());
            }
            new XlsxTaskSheet(zh, en).write(wb, styles, r);
            about(wb, styles, r);
            properties(wb, r);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("XLSX rendering failed", e);
        }
    }

    private void indicators(XSSFWorkbook wb, Styles s, List<IndicatorRowDto> indicators) {
        XSSFSheet sheet = wb.createSheet(both(zh.indicatorSheet(), en.indicatorSheet()));
        List<Column> header = List.of(col(Wording::colNo, 8), col(Wording::colCode, 12), col(Wording::colIndicator, 34),
                english(Wording::colIndicator, 40), col(Wording::colCategory, 14), col(Wording::colAttribute, 10), col(Wording::colUnit, 9),
                col(Wording::colTarget, 16), col(Wording::colValue, 13), col(Wording::colGrowthPercent, 12), col(Wording::colQualitative, 16),
                col(Wording::colVerdict, 14), english(Wording::colVerdict, 18), col(Wording::colVerdictCode, 16),
                col(Wording::colExplanation, 44), english(Wording::colExplanation, 50));
        header(sheet, s, header);
        int r = 1;
        for (IndicatorRowDto i : indicators) {
            Row row = sheet.createRow(r++);
            number(row, 0, BigDecimal.valueOf(i.seq()), s.integer);
            text(s, row, 1, i.code(), s.text);
            text(s, row, 2, i.nameZh(), s.text);
            text(s, row, 3, i.nameEn(), s.text);
            text(s, row, 4, i.category() == null ? null : i.category().nameZh(), s.text);
            String attribute = Fields.text(i.attribute());
            text(s, row, 5, attribute == null ? null : zh.attribute(attribute), s.text);
            text(s, row, 6, i.unit(), s.text);
            text(s, row, 7, i.target(), s.text);
            number(row, 8, i.value(), s.decimal);
            number(row, 9, i.growthRate(), s.decimal);
            text(s, row, 10, i.qualitativeZh(), s.text);
            String verdict = Fields.text(i.verdict());
            text(s, row, 11, Fields.text(i.verdictZh(), verdict == null ? "—" : zh.verdict(verdict)), s.verdict(Verdicts.colour(verdict)));
            text(s, row, 12, Fields.text(i.verdictEn(), verdict == null ? "—" : en.verdict(verdict)), s.text);
            text(s, row, 13, verdict, s.text);
            text(s, row, 14, i.explanationZh(), s.text);
            text(s, row, 15, i.explanationEn(), s.text);
        }
        finish(sheet, header.size(), r);
    }

    private void investment(XSSFWorkbook wb, Styles s, ListSummaryDto projects) {
        XSSFSheet sheet = wb.createSheet(both(zh.investmentSheet(), en.investmentSheet()));
        List<Column> header = List.of(col(Wording::colCategory, 22), english(Wording::colCategory, 36), col(Wording::colCode, 22),
                col(Wording::colProjectCount, 12), col(Wording::colPlannedYuan, 22), col(Wording::colCompletedYuan, 22),
                col(Wording::colCompletionPercent, 14));
        header(sheet, s, header);
        int r = 1;
        for (ListSummaryDto.CategoryRollupDto c : projects.byCategory()) {
            CodeNameDto category = c.category() == null ? new CodeNameDto(null, null, null) : c.category();
            investmentRow(sheet.createRow(r++), s, category.nameZh(), category.nameEn(), category.code(), BigDecimal.valueOf(c.projectCount()),
                    c.investment(), false);
        }
        if (projects.investment() != null) {
            investmentRow(sheet.createRow(r++), s, zh.total(), en.total(), null, BigDecimal.valueOf(projects.projectCount()), projects.investment(),
                    true);
        }
        finish(sheet, header.size(), r);
    }

    private static void investmentRow(Row row, Styles s, String zh, String en, String code, BigDecimal count,
                                      ListSummaryDto.InvestmentTotalsDto investment, boolean total) {
        text(s, row, 0, zh, total ? s.bold : s.text);
        text(s, row, 1, en, total ? s.bold : s.text);
        text(s, row, 2, code, s.text);
        number(row, 3, count, total ? s.boldInteger : s.integer);
        number(row, 4, investment == null ? null : Fields.yuan(investment.planned()), total ? s.boldYuan : s.yuan);
        number(row, 5, investment == null ? null : Fields.yuan(investment.completed()), total ? s.boldYuan : s.yuan);
        number(row, 6, investment == null ? null : investment.completionRatio(), total ? s.boldDecimal : s.decimal);
    }

    private void projects(XSSFWorkbook wb, Styles s, List<ProjectRowDto> rows) {
        XSSFSheet sheet = wb.createSheet(both(zh.projectSheet(), en.projectSheet()));
        List<Column> header = List.of(col(Wording::colNo, 8), col(Wording::colCode, 14), col(Wording::colProject, 40),
                english(Wording::colProject, 44), col(Wording::colCategory, 20), col(Wording::colStatus, 14), col(Wording::colStatusCode, 16),
                col(Wording::colProgressPercent, 12), col(Wording::colPlannedYuan, 22), col(Wording::colCompletedYuan, 22));
        header(sheet, s, header);
        int r = 1;
        for (ProjectRowDto p : rows) {
            Row row = sheet.createRow(r++);
            String status = Fields.text(p.status());
            number(row, 0, p.seq() == null ? null : BigDecimal.valueOf(p.seq()), s.integer);
            text(s, row, 1, p.code(), s.text);
            text(s, row, 2, p.nameZh(), s.text);
            text(s, row, 3, p.nameEn(), s.text);
            text(s, row, 4, p.category() == null ? null : p.category().nameZh(), s.text);
            text(s, row, 5, status == null ? null : zh.status(status), s.text);
            text(s, row, 6, status, s.text);
            number(row, 7, p.progressPercent(), s.decimal);
            number(row, 8, Fields.yuan(p.planned()), s.yuan);
            number(row, 9, Fields.yuan(p.completed()), s.yuan);
        }
        finish(sheet, header.size(), r);
    }

    private void about(XSSFWorkbook wb, Styles s, ReportContentDto r) {
        XSSFSheet sheet = wb.createSheet(both(zh.aboutSheet(), en.aboutSheet()));
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        String[][] rows = {
                {both(zh.aboutTitle(), en.aboutTitle()), r.titleZh()}, {en.inEnglish(en.aboutTitle()), r.titleEn()},
                {both(zh.aboutType(), en.aboutType()), r.type()}, {both(zh.plan(), en.plan()), r.plan()},
                {both(zh.yearLabel(), en.yearLabel()), r.year() == null ? null : r.year().toString()},
                {both(zh.stageLabel(), en.stageLabel()), r.stage()},
                {both(zh.department(), en.department()), r.department() == null ? null : r.department().nameZh()},
                {both(zh.projectList(), en.projectList()), r.list() == null ? null : r.list().code()},
                {both(zh.dataAsOf(), en.dataAsOf()), r.asOf()},
                {both(zh.aboutNarrative(), en.aboutNarrative()), r.narrativeZh()}, {en.inEnglish(en.aboutNarrative()), r.narrativeEn()}};
        int i = 0;
        for (String[] pair : rows) {
            if (Fields.text(pair[1]) == null) {
                continue;
            }
            Row row = sheet.createRow(i++);
            text(s, row, 0, pair[0], s.bold);
            text(s, row, 1, pair[1], s.text);
        }
    }

    private static void properties(XSSFWorkbook wb, ReportContentDto r) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setTitle(Fields.text(r.titleZh()));
        core.setDescription(Fields.text(r.titleEn()));
        core.setCreator("report-service");
        Instant asOf = Fields.instant(Fields.text(r.asOf()));
        if (asOf != null) {
            core.setCreated(Optional.of(Date.from(asOf)));
            core.setModified(Optional.of(Date.from(asOf)));
        }
    }

    static void header(XSSFSheet sheet, Styles s, List<Column> columns) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(30);
        for (int c = 0; c < columns.size(); c++) {
            text(s, row, c, columns.get(c).label(), s.header);
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
    }

    static void finish(XSSFSheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        if (rows > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
        }
    }

    /** A text cell (blank text is none): a string cell even when the text looks like a formula, which then is also quote-prefixed. */
    static void text(Styles s, Row row, int column, String value, CellStyle style) {
        s.texts.set(row.createCell(column), Fields.text(value), style);
    }

    /** A numeric cell, or a blank one when the number is absent: never the text "null" or "—". */
    static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    static final class Styles {
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
