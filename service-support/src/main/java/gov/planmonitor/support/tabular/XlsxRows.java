package gov.planmonitor.support.tabular;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an XLSX workbook a row at a time (SAX over each sheet's XML), so memory holds the shared strings and the rows
 * the caller keeps, never the workbook's tree of cells: a large file is refused by the caller's row limit while it is
 * being read, not after it has filled the heap. Cell text follows the rules of the tabular format: numbers in plain
 * notation, date-formatted numbers as ISO dates, booleans as true/false, text unguarded unless quote-prefixed.
 */
final class XlsxRows {

    /** What to do with each sheet and each of its rows. */
    interface Sink {
        /** Whether to read this sheet at all. */
        boolean wants(String sheet);

        /** One stored row, in order (rows the file leaves out are skipped): cell text by column, null where empty. */
        void row(String sheet, List<String> cells);
    }

    private XlsxRows() {
    }

    static void read(byte[] body, Sink sink) throws IOException, OpenXML4JException, SAXException {
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(body))) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (sink.wants(name)) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new SheetHandler(name, strings, styles, sink));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final Sink sink;

        private List<String> cells;
        private int column;
        private String type;
        private XSSFCellStyle style;
        private final StringBuilder text = new StringBuilder();
        private boolean inValue;

        SheetHandler(String sheet, ReadOnlySharedStringsTable strings, StylesTable styles, Sink sink) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> cells = new ArrayList<>();
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? cells.size() : columnOf(reference);
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
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value(text.toString()));
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

        /** The 0-based column of a cell reference such as "C12". */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }

}
