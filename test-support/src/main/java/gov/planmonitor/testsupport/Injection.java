package gov.planmonitor.testsupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text that would do harm if a database, a page or a spreadsheet ran it, for the tests that it is stored verbatim
 * and rendered inert everywhere; and readers of the CSV and XLSX exports those tests look into.
 */
public final class Injection {

    public static final String SQL = "'; DROP TABLE indicator; --";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public static final String SUM = "@SUM(1+1)";
    public static final String CMD = "+cmd|' /C calc'!A0";
    public static final String MINUS = "-2+3";
    /** Text that itself starts with the CSV guard's apostrophe: the import must undo the guard exactly, no more. */
    public static final String QUOTED = "'=already quoted";

    private Injection() {
    }

    /** The data rows of a CSV file, each by column name. */
    public static List<Map<String, String>> csv(byte[] file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(file, StandardCharsets.UTF_8)), format)) {
            return parser.stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data row of a CSV file whose {@code column} is {@code value}. */
    public static Map<String, String> csvRow(byte[] file, String column, String value) {
        return csv(file).stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no CSV row with " + column + " = " + value));
    }

    /** The cell in the column headed {@code column} of the first row below the header whose {@code keyColumn} cell holds {@code key}. */
    public static Cell cell(Workbook workbook, String sheetName, String keyColumn, String key, String column) {
        Sheet sheet = workbook.getSheet(sheetName);
        assertNotNull(sheet, "sheet " + sheetName);
        int keyIndex = column(sheet, keyColumn);
        for (Row row : sheet) {
            Cell k = row.getCell(keyIndex);
            if (row.getRowNum() > 0 && k != null && k.getCellType() == CellType.STRING && k.getStringCellValue().equals(key)) {
                return row.getCell(column(sheet, column), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new AssertionError("no row with " + keyColumn + " = " + key + " in " + sheetName);
    }

    private static int column(Sheet sheet, String header) {
        for (Cell c : sheet.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    /** A workbook cell holding formula-like text: a string cell (no formula), verbatim, quote-prefixed so it stays text. */
    public static void assertInertText(Cell cell, String text) {
        assertEquals(CellType.STRING, cell.getCellType(), "a string cell, not a formula: " + text);
        assertEquals(text, cell.getStringCellValue());
        assertTrue(cell.getCellStyle().getQuotePrefixed(), "quote-prefixed: " + text);
    }
}
