package gov.planmonitor.support.tabular;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an XLSX workbook a row at a time (SAX over each sheet's XML), so memory holds the shared strings and the rows
 * the caller keeps, never the workbook's tree of cells: a large file is refused by the caller's row limit while it is
 * being read, not after it has filled the heap. Cell text follows the rules of the tabular format: numbers in plain
 * notation, date-formatted numbers as ISO dates, booleans as true/false, text unguarded unless quote-prefixed.
 * <p>
 * Every size the file states is checked before it is used: a cell reference must lie inside a worksheet (A1 to
 * XFD1048576) and a cell with a value inside the import's columns; a row holds at most that many cells, a cell at most
 * the 32,767 characters Excel itself allows, and all cells together at most {@link Limits#textChars()} characters
 * (shared strings let one long text be referenced from every cell). The package is read from a file, never held whole.
 */
final class XlsxRows {

    /** What to do with each sheet and each of its rows. */
    interface Sink {
        /** Whether to read this sheet at all. */
        boolean wants(String sheet);

        /** One stored row, in order (rows the file leaves out are skipped): cell text by column, null where empty. */
        void row(String sheet, List<String> cells);
    }

    /**
     * The sizes a workbook may reach: the columns a row may have (the import's widest table), the bytes of all parts
     * expanded, and the number of parts.
     */
    record Limits(int columns, long expandedBytes, int parts) {
        /**
         * The characters all cells may hold together: as many as the parts may hold bytes expanded (text that could
         * not be written out as parts of that size cannot be read in through shared strings either).
         */
        long textChars() {
            return expandedBytes;
        }
    }

    /** A workbook that breaks a limit or the format's own bounds: refused whole, with this message. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Excel's own limits: the last column (XFD), the last row, the longest cell text. */
    static final int MAX_COLUMN = 16_384;
    static final int MAX_ROW = 1_048_576;
    static final int MAX_CELL_CHARS = 32_767;

    private XlsxRows() {
    }

    static void read(Path file, Limits limits, Sink sink) throws IOException, OpenXML4JException, SAXException {
        checkExpansion(file, limits);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            long[] budget = {limits.textChars()};
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (sink.wants(name)) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new SheetHandler(name, strings, styles, sink, limits, budget));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    /**
     * POI bounds each part's expanded size; this bounds the parts together and their number, by inflating them once
     * (a fixed buffer, nothing kept) before POI opens the package.
     */
    private static void checkExpansion(Path file, Limits limits) throws IOException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = it.nextElement();
                if (++entries > limits.parts()) {
                    throw new Refused("the workbook has more than " + limits.parts() + " parts; an XLSX file of a few sheets has a dozen or two");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > limits.expandedBytes()) {
                            throw new gov.planmonitor.support.problem.ServiceException.TooLarge("the XLSX file expands to more than "
                                    + limits.expandedBytes() / (1024 * 1024) + " MB in all; split it, or import CSV");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Refused("not a readable XLSX workbook (not a zip package: " + e.getMessage() + ")");
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final Sink sink;
        private final Limits limits;
        /** Characters of cell text still allowed in the whole workbook (shared by its sheets). */
        private final long[] budget;

        private List<String> cells;
        private int column;
        private int rowNumber;
        private String reference;
        /** The cell lies right of the import's columns: ignored when empty, refused when it holds a value. */
        private boolean outside;
        private String type;
        private XSSFCellStyle style;
        private final StringBuilder text = new StringBuilder();
        private boolean inValue;

        SheetHandler(String sheet, ReadOnlySharedStringsTable strings, StylesTable styles, Sink sink, Limits limits, long[] budget) {
            this.limits = limits;
            this.budget = budget;
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    cells = new ArrayList<>();
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : rowOf(r);
                }
                case "c" -> {
                    reference = attributes.getValue("r");
                    if (reference == null) {
                        column = cells.size();
                        reference = columnName(column) + rowNumber;
                    } else {
                        column = columnOf(reference);
                    }
                    outside = column >= limits.columns();
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null || styles == null ? null : styles.getStyleAt(Integer.parseInt(s));
                    text.setLength(0);
                }
                // <v> holds a value; <t> inside <is> an inline string (<rPh> phonetic runs are not part of the text).
                case "v", "t" -> inValue = true;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                if (text.length() + length > MAX_CELL_CHARS + 1) {
                    throw new Refused("sheet '" + sheet + "', cell " + reference + " holds more than " + MAX_CELL_CHARS
                            + " characters, the most a cell holds");
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    String value = value(text.toString());
                    if (value != null && value.length() > MAX_CELL_CHARS) {
                        throw new Refused("sheet '" + sheet + "', cell " + reference + " holds " + value.length()
                                + " characters; a cell holds at most " + MAX_CELL_CHARS);
                    }
                    if (outside) {
                        if (value != null && !value.isBlank()) {
                            throw new Refused("sheet '" + sheet + "', cell " + reference + " holds a value right of the import's columns (A to "
                                    + columnName(limits.columns() - 1) + ")");
                        }
                        return;
                    }
                    if (value != null) {
                        budget[0] -= value.length();
                        if (budget[0] < 0) {
                            throw new Refused("the workbook's cells hold more than " + limits.textChars()
                                    + " characters together; split it into several files");
                        }
                    }
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value);
                }
                case "row" -> {
                    sink.row(sheet, cells);
                    cells = null;
                }
                default -> { }
            }
        }

        private String value(String raw) {
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return null;
                }
                double number = Double.parseDouble(raw);
                if (style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString()) && DateUtil.isValidExcelDate(number)) {
                    return DateUtil.getLocalDateTime(number).toLocalDate().toString();
                }
                return Tabular.plain(BigDecimal.valueOf(number));
            }
            return switch (type) {
                case "s" -> stringText(strings.getItemAt(Integer.parseInt(raw.trim())).getString());
                case "inlineStr", "str" -> stringText(raw);
                case "b" -> String.valueOf("1".equals(raw.trim()) || "true".equalsIgnoreCase(raw.trim()));
                default -> null; // "e": an error value, no text
            };
        }

        /** A quote-prefixed cell is text as typed; in any other an apostrophe before a formula character is the CSV guard. */
        private String stringText(String value) {
            return style != null && style.getQuotePrefixed() ? value : SpreadsheetText.unguard(value);
        }

        /** The 0-based column of a cell reference such as "C12", refused outside A1:XFD1048576. */
        private int columnOf(String reference) {
            int letters = 0;
            int column = 0;
            while (letters < reference.length() && letters < 4 && isLetter(reference.charAt(letters))) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(letters)) - 'A' + 1);
                letters++;
            }
            if (letters == 0 || column > MAX_COLUMN) {
                throw outsideSheet(reference);
            }
            rowOf(reference.substring(letters));
            return column - 1;
        }

        /** A 1-based row number, refused outside 1 to 1,048,576. */
        private int rowOf(String digits) {
            if (digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw outsideSheet(digits);
            }
            int row = Integer.parseInt(digits);
            if (row < 1 || row > MAX_ROW) {
                throw outsideSheet(digits);
            }
            return row;
        }

        private Refused outsideSheet(String reference) {
            return new Refused("sheet '" + sheet + "' refers to cell or row '" + shown(reference)
                    + "', outside a worksheet (columns A to XFD, rows 1 to 1048576)");
        }

        private static boolean isLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static String shown(String reference) {
            return reference.length() > 20 ? reference.substring(0, 20) + "…" : reference;
        }
    }

    /** The name of a 0-based column: 0 is A, 25 Z, 26 AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

}
