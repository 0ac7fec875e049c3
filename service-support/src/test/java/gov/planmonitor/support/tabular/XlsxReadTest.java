package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Tabular.Line;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static gov.planmonitor.support.tabular.CsvReadTest.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workbook import read sheet by sheet: cell text by the tabular rules, and every size the file states checked
 * before it is used. The widest table of the schema has three columns (A to C).
 */
class XlsxReadTest {

    private static final Tabular.Limits LIMITS = new Tabular.Limits(5, 10_000_000, 100);

    @TempDir
    Path dir;

    private final List<FieldError> errors = new ArrayList<>();

    private Map<String, List<Line>> read(Path file, Tabular.Limits limits) {
        return Tabular.read(Tabular.Format.XLSX, file, null, SCHEMA, errors, limits);
    }

    /** A workbook with one sheet of these rows: numbers as numeric cells, everything else as text. */
    private Path workbook(String sheetName, Object[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            return save(workbook);
        }
    }

    private Path save(XSSFWorkbook workbook) throws IOException {
        Path file = Files.createTempFile(dir, "import", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** The workbook with its first sheet's XML replaced: the file states whatever a hostile writer wants it to. */
    private Path withSheetXml(Path workbook, String sheetData) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + sheetData + "</sheetData></worksheet>";
        return rezipped(workbook, Map.of("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private Path rezipped(Path workbook, Map<String, byte[]> replaced, int extraParts) throws IOException {
        Path file = Files.createTempFile(dir, "hostile", ".xlsx");
        try (ZipFile in = new ZipFile(workbook.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (replaced.containsKey(entry.getName())) {
                    out.write(replaced.get(entry.getName()));
                } else {
                    try (InputStream part = in.getInputStream(entry)) {
                        part.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            for (int i = 0; i < extraParts; i++) {
                out.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                out.closeEntry();
            }
        }
        return file;
    }

    private Path indicatorsSheet(String sheetData) throws IOException {
        return withSheetXml(workbook("indicators", new Object[]{"code"}), sheetData);
    }

    private static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static String letters(int length) {
        java.util.Random random = new java.util.Random(24);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static final String HEADER = "<row r=\"1\">" + inline("A1", "code") + inline("B1", "year") + inline("C1", "note") + "</row>";

    @Test
    void cellsReadAsTheTabularFormatWritesThem() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("indicators");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("code");
            header.createCell(1).setCellValue("year");
            header.createCell(2).setCellValue("note");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("FYP13-01");
            first.createCell(1).setCellValue(2017);
            first.createCell(2).setCellValue(0.1);
            // row 3 left out of the file, row 4 empty cells only: neither is a data row
            sheet.createRow(3).createCell(0).setCellValue("");
            Row dated = sheet.createRow(4);
            dated.createCell(0).setCellValue("FYP13-02");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            dated.createCell(1).setCellValue(LocalDate.of(2018, 2, 8));
            dated.getCell(1).setCellStyle(date);
            dated.createCell(2).setCellValue(true);
            Row guarded = sheet.createRow(5);
            guarded.createCell(0).setCellValue("'=1+2");
            guarded.createCell(1).setCellValue(1.5e6);
            List<Line> lines = read(save(workbook), LIMITS).get("indicators");
            assertEquals(List.of(), errors);
            assertEquals(3, lines.size());
            assertEquals(Map.of("code", "FYP13-01", "year", "2017", "note", "0.1"), lines.get(0).values());
            assertEquals(List.of(1, 2, 3), lines.stream().map(Line::row).toList());
            assertEquals("2018-02-08", lines.get(1).get("year"));
            assertEquals("true", lines.get(1).get("note"));
            // the CSV guard's apostrophe comes off a text cell; 1.5e6 is written out in full
            assertEquals("=1+2", lines.get(2).get("code"));
            assertEquals("1500000", lines.get(2).get("year"));
            assertNull(lines.get(2).get("note"));
        }
    }

    @Test
    void aSheetWithAWrongHeaderIsReportedAndItsRowsSkipped() throws IOException {
        Map<String, List<Line>> tables = read(workbook("indicators", new Object[]{"code", "colour"}, new Object[]{"A", "red"}), LIMITS);
        assertTrue(tables.isEmpty());
        assertEquals(List.of(new FieldError("indicators", 0, "header", "missing columns [year]; unknown columns [colour]; expected [code, year, note]")),
                errors);
        errors.clear();
        read(workbook("targets", new Object[]{"code"}, new Object[]{"A"}), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "entity", "unknown entity targets")), errors);
    }

    @Test
    void moreRowsThanAnImportTakesIsTooLarge() throws IOException {
        Object[][] rows = new Object[7][];
        rows[0] = new Object[]{"code"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[]{"P" + i};
        }
        ServiceException.TooLarge tooLarge = assertThrows(ServiceException.TooLarge.class, () -> read(workbook("plans", rows), LIMITS));
        assertEquals("the file holds more than 5 data rows in one table; an import takes at most that many (split it into several files)",
                tooLarge.getMessage());
    }

    @Test
    void aValueRightOfTheImportsColumnsIsRefusedAnEmptyCellThereIgnored() throws IOException {
        read(indicatorsSheet(HEADER + "<row r=\"2\">" + inline("A2", "X") + inline("B2", "2017") + "<c r=\"XFD2\"/></row>"), LIMITS);
        assertEquals(List.of(), errors);
        read(indicatorsSheet(HEADER + "<row r=\"2\">" + inline("A2", "X") + inline("D2", "surprise") + "</row>"), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "file", "sheet 'indicators', cell D2 holds a value right of the import's columns (A to C)")),
                errors);
    }

    @Test
    void cellReferencesOutsideAWorksheetAreRefused() throws IOException {
        Map<String, String> expected = Map.of(
                "<c r=\"XFE2\" t=\"inlineStr\"><is><t>x</t></is></c>", "'XFE2'",   // one column past XFD
                "<c r=\"A1048577\"/>", "'1048577'",                                // one row past the last
                "<c r=\"A0\"/>", "'0'",
                "<c r=\"2A\"/>", "'2A'",                                           // no column letters
                "<c r=\"A2B\"/>", "'2B'",
                "<c r=\"ZZZZZZZZZZZZZZZZZZZZZZZZZ2\"/>", "'ZZZZZZZZZZZZZZZZZZZZ…'"); // shown cut short
        for (Map.Entry<String, String> cell : expected.entrySet()) {
            errors.clear();
            read(indicatorsSheet(HEADER + "<row r=\"2\">" + cell.getKey() + "</row>"), LIMITS);
            assertEquals(List.of(new FieldError(null, null, "file", "sheet 'indicators' refers to cell or row " + cell.getValue()
                    + ", outside a worksheet (columns A to XFD, rows 1 to 1048576)")), errors, cell.getKey());
        }
        errors.clear();
        read(indicatorsSheet(HEADER + "<row r=\"99999999999\"><c/></row>"), LIMITS);
        assertEquals("sheet 'indicators' refers to cell or row '99999999999', outside a worksheet (columns A to XFD, rows 1 to 1048576)",
                errors.get(0).message());
    }

    @Test
    void aCellHoldsAtMostExcelsLengthOfText() throws IOException {
        read(indicatorsSheet(HEADER + "<row r=\"2\">" + inline("A2", "a".repeat(32_767)) + inline("B2", "1") + "</row>"), LIMITS);
        assertEquals(List.of(), errors);
        read(indicatorsSheet(HEADER + "<row r=\"2\">" + inline("A2", "a".repeat(32_768)) + "</row>"), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "file", "sheet 'indicators', cell A2 holds 32768 characters; a cell holds at most 32767")),
                errors);
        errors.clear();
        // far longer: stopped while the text is read, not after it is held (letters that do not compress, or POI's
        // zip-bomb guard would answer first)
        read(indicatorsSheet(HEADER + "<row r=\"2\">" + inline("C2", letters(1_000_000)) + "</row>"), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "file", "sheet 'indicators', cell C2 holds more than 32767 characters, the most a cell holds")),
                errors);
    }

    @Test
    void oneSharedTextInEveryCellCountsEveryTime() throws IOException {
        // 1,000 characters in 3 cells of 40 rows is 120,000 characters, from a file far smaller
        Object[][] rows = new Object[41][];
        rows[0] = new Object[]{"code", "year", "note"};
        String text = "t".repeat(1_000);
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[]{text, text, text};
        }
        Path file = workbook("indicators", rows);
        read(file, new Tabular.Limits(100, 100_000, 100));
        assertEquals(List.of(new FieldError(null, null, "file", "the workbook's cells hold more than 100000 characters together; split it into several files")),
                errors);
    }

    @Test
    void aPackageThatExpandsTooFarOrHasTooManyPartsIsRefusedBeforeItIsOpened() throws IOException {
        Path padded = withSheetXml(workbook("indicators", new Object[]{"code"}), HEADER + " ".repeat(3 * 1024 * 1024));
        ServiceException.TooLarge tooLarge = assertThrows(ServiceException.TooLarge.class, () -> read(padded, new Tabular.Limits(5, 2 * 1024 * 1024, 100)));
        assertEquals("the XLSX file expands to more than 2 MB in all; split it, or import CSV", tooLarge.getMessage());

        read(rezipped(workbook("indicators", new Object[]{"code"}), Map.of(), 1_000), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "file",
                "the workbook has more than 1000 parts; an XLSX file of a few sheets has a dozen or two")), errors);
    }

    @Test
    void aFileThatIsNoWorkbookIsSaidToBeSo() throws IOException {
        read(Files.write(dir.resolve("notes.xlsx"), "code\nA\n".getBytes(StandardCharsets.UTF_8)), LIMITS);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("not a readable XLSX workbook"), errors.get(0).message());
        errors.clear();
        // a zip, but no workbook in it
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        read(Files.write(dir.resolve("other.xlsx"), zip.toByteArray()), LIMITS);
        assertEquals(List.of(new FieldError(null, null, "file", "not a readable XLSX workbook")), errors);
    }
}
