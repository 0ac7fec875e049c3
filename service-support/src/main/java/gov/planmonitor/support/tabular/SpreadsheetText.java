package gov.planmonitor.support.tabular;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps stored text from becoming a formula when an export is opened in a spreadsheet (CSV injection, OWASP):
 * text is stored verbatim and only disarmed where it is written. In a CSV a formula-like text gets a leading
 * apostrophe, which the import takes off again; in a workbook it is a string cell styled quote-prefixed, so it
 * stays text even when someone edits the cell.
 */
public final class SpreadsheetText {

    /** The characters Excel and LibreOffice read a cell's formula from (tab and CR because some strip them first). */
    private static final String FORMULA_START = "=+-@\t\r";

    /** A plain number such as -0.5 or +12: numeric to a spreadsheet, never a formula, and left as it is. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Workbook workbook;
    private final Map<Short, CellStyle> quoted = new HashMap<>();

    /** For writing the text cells of one workbook: each quote-prefixed style is made once, not per cell. */
    public SpreadsheetText(Workbook workbook) {
        this.workbook = workbook;
    }

    /**
     * Whether a spreadsheet would read the text as a formula. Apostrophes in front are skipped, so that text which
     * itself starts with an apostrophe before a formula character is guarded too and the guard is undone exactly.
     */
    public static boolean formulaLike(String text) {
        if (text == null) {
            return false;
        }
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && FORMULA_START.indexOf(text.charAt(i)) >= 0 && !NUMBER.matcher(text.substring(i)).matches();
    }

    /** Text for a CSV cell: formula-like text gets a leading apostrophe. */
    public static String guard(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /** An imported cell with the apostrophe of {@link #guard} taken off; any other cell as it is. */
    public static String unguard(String cell) {
        return cell != null && cell.startsWith("'") && formulaLike(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /**
     * Writes text to a cell: always a string cell, never a formula, in the given style (null: the default), or in
     * its quote-prefixed twin when the text is formula-like. A null text leaves the cell blank.
     */
    public void set(Cell cell, String text, CellStyle style) {
        CellStyle base = style == null ? workbook.getCellStyleAt(0) : style;
        CellStyle chosen = formulaLike(text) ? quoted.computeIfAbsent(base.getIndex(), i -> {
            CellStyle twin = workbook.createCellStyle();
            twin.cloneStyleFrom(base);
            twin.setQuotePrefixed(true);
            return twin;
        }) : style;
        if (chosen != null) {
            cell.setCellStyle(chosen);
        }
        if (text != null) {
            cell.setCellValue(text);
        }
    }
}
