package gov.planmonitor.support.tabular;

import gov.planmonitor.support.tabular.Tabular.Columns;
import gov.planmonitor.support.tabular.Tabular.TableWriter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The writers of {@link Tabular#writer}: one per format, each streaming its rows to the output as they come. */
final class TableWriters {

    private TableWriters() {
    }

    private static Columns columns(Map<String, Columns> schema, String entity) {
        Columns columns = schema.get(entity);
        if (columns == null) {
            throw new IllegalArgumentException("unknown entity " + entity);
        }
        return columns;
    }

    static final class CsvWriter implements TableWriter {
        private final Map<String, Columns> schema;
        private final java.io.Writer text;
        private boolean written;

        CsvWriter(Map<String, Columns> schema, OutputStream out) {
            this.schema = schema;
            this.text = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        public void table(String entity, Stream<Map<String, Object>> rows) throws IOException {
            if (written) {
                throw new IllegalStateException("a CSV file holds one table");
            }
            written = true;
            List<String> names = columns(schema, entity).all();
            // The printer writes the header at once; it is not closed, which would close the output.
            CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(names.toArray(String[]::new))
                    .setRecordSeparator("\n").get());
            List<String> values = new ArrayList<>(names.size());
            for (Iterator<Map<String, Object>> it = rows.iterator(); it.hasNext(); ) {
                Map<String, Object> row = it.next();
                values.clear();
                for (String c : names) {
                    Object v = row.get(c);
                    values.add(v == null ? "" : v instanceof BigDecimal d ? Tabular.plain(d)
                            : v instanceof Number || v instanceof Boolean ? v.toString() : SpreadsheetText.guard(v.toString()));
                }
                printer.printRecord(values);
            }
        }

        @Override
        public void finish() throws IOException {
            text.flush();
        }

        @Override
        public void close() {
        }
    }

    static final class XlsxWriter implements TableWriter {
        private final Map<String, Columns> schema;
        private final OutputStream out;
        // Inline strings rather than a shared-strings table, which would hold every distinct text in memory.
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, Tabular.XLSX_ROW_WINDOW, true, false);
        private final SpreadsheetText text = new SpreadsheetText(workbook);

        XlsxWriter(Map<String, Columns> schema, OutputStream out) {
            this.schema = schema;
            this.out = out;
        }

        @Override
        public void table(String entity, Stream<Map<String, Object>> rows) {
            List<String> names = columns(schema, entity).all();
            Sheet sheet = workbook.createSheet(entity);
            Row header = sheet.createRow(0);
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            int r = 1;
            for (Iterator<Map<String, Object>> it = rows.iterator(); it.hasNext(); ) {
                Map<String, Object> row = it.next();
                Row line = sheet.createRow(r++);
                for (int i = 0; i < names.size(); i++) {
                    Object v = row.get(names.get(i));
                    if (v == null) {
                        continue;
                    }
                    Cell cell = line.createCell(i);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else {
                        text.set(cell, v.toString(), null);
                    }
                }
            }
        }

        @Override
        public void finish() throws IOException {
            // Streams the sheets from their temporary files into the zip on the output; the output is not closed.
            workbook.write(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.dispose();
            } finally {
                workbook.close();
            }
        }
    }

    static final class JsonWriter implements TableWriter {
        private final Map<String, Columns> schema;
        private final JsonGenerator json;

        JsonWriter(Map<String, Columns> schema, OutputStream out) {
            this.schema = schema;
            try {
                // Pretty-printed as before; the output is not closed with the generator, and an unfinished document is
                // not closed up to look complete.
                this.json = Tabular.JSON.writerWithDefaultPrettyPrinter().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                json.writeStartObject();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void table(String entity, Stream<Map<String, Object>> rows) throws IOException {
            List<String> names = columns(schema, entity).all();
            json.writeFieldName(entity);
            json.writeStartArray();
            for (Iterator<Map<String, Object>> it = rows.iterator(); it.hasNext(); ) {
                Map<String, Object> row = it.next();
                // One row's node at a time: the numbers come out as the tree gives them (a BigDecimal as its node does).
                ObjectNode node = Tabular.JSON.createObjectNode();
                for (String c : names) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof BigDecimal d) {
                        node.put(c, d);
                    } else if (v instanceof Integer i) {
                        node.put(c, i);
                    } else if (v instanceof Boolean b) {
                        node.put(c, b);
                    } else {
                        node.put(c, v.toString());
                    }
                }
                json.writeTree(node);
            }
            json.writeEndArray();
        }

        @Override
        public void finish() throws IOException {
            json.writeEndObject();
            json.flush();
        }

        @Override
        public void close() {
        }
    }
}
