package gov.planmonitor.support.tabular;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The one tabular shape of imports and exports: per entity a table of named columns, read from and written
 * to CSV (one entity per file), XLSX (one sheet per entity) and JSON (an object of arrays of rows).
 * Export then import gives back the same data. Text is exported verbatim except where a spreadsheet would run it
 * as a formula (see {@link SpreadsheetText}); JSON is no spreadsheet and stays verbatim both ways.
 */
public final class Tabular {

    public enum Format { CSV, XLSX, JSON }

    /** A table's columns: required ones must be present, optional ones may be; numeric ones are numbers in XLSX and JSON. */
    public record Columns(List<String> required, List<String> optional, Set<String> numeric) {
        public List<String> all() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    /** One data row: its 1-based position in the table and its values by column (absent or blank = null). */
    public record Line(int row, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    /**
     * What an import may hold: data rows per table, bytes of an XLSX file's parts expanded together, and errors listed
     * (past that the answer says how many more there were). Every other size is fixed by the formats themselves: a
     * field or cell holds at most 32,767 characters (Excel's limit), a CSV record at most {@link #MAX_RECORD_CHARS}
     * characters and {@link #EXTRA_FIELDS} fields more than its table has columns.
     */
    public record Limits(int rows, long xlsxExpandedBytes, int errors) {
    }

    static final int MAX_FIELD_CHARS = XlsxRows.MAX_CELL_CHARS;
    static final int MAX_RECORD_CHARS = 1 << 20;
    static final int EXTRA_FIELDS = 32;
    static final int MAX_XLSX_PARTS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tabular() {
    }

    /** Reads the tables of an import; structural problems (wrong columns, bad encoding) become row-0 errors. */
    public static Map<String, List<Line>> read(Format format, Path file, String entity, Map<String, Columns> schema, List<FieldError> errors,
                                               Limits limits) {
        Map<String, List<Line>> tables = new LinkedHashMap<>();
        switch (format) {
            case CSV -> {
                if (entity == null) {
                    errors.add(new FieldError(null, null, "entity", "a CSV import holds one entity: give ?entity= one of " + schema.keySet()));
                    return tables;
                }
                readCsv(file, entity, schema.get(entity), errors, limits.rows()).ifPresent(lines -> tables.put(entity, lines));
            }
            case XLSX -> readXlsx(file, entity, schema, errors, tables, limits);
            case JSON -> readJson(file, entity, schema, errors, tables, limits.rows());
        }
        return tables;
    }

    private static java.util.Optional<List<Line>> readCsv(Path file, String entity, Columns columns, List<FieldError> errors, int maxRows) {
        if (columns == null) {
            errors.add(new FieldError(null, null, "entity", "unknown entity " + entity));
            return java.util.Optional.empty();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(false).get();
        // Decoded strictly (a byte that is not UTF-8 is an error, not a replacement character), a BOM dropped, and every
        // record bounded while it is read.
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (java.io.PushbackReader text = new java.io.PushbackReader(new java.io.InputStreamReader(java.nio.file.Files.newInputStream(file), utf8), 1);
             CSVParser parser = CSVParser.parse(new BoundedCsvReader(withoutBom(text), columns.all().size() + EXTRA_FIELDS, MAX_RECORD_CHARS), format)) {
            if (!checkHeader(entity, parser.getHeaderNames(), columns, errors)) {
                return java.util.Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                checkRows(row, maxRows);
                if (record.size() != parser.getHeaderNames().size()) {
                    errors.add(new FieldError(entity, row, null, "row has " + record.size() + " fields, the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean ok = true;
                for (String name : parser.getHeaderNames()) {
                    String value = record.get(name);
                    if (value.length() > MAX_FIELD_CHARS) {
                        errors.add(new FieldError(entity, row, name, "holds " + value.length() + " characters; a field holds at most " + MAX_FIELD_CHARS));
                        ok = false;
                        continue;
                    }
                    values.put(name, SpreadsheetText.unguard(value));
                }
                if (ok) {
                    lines.add(new Line(row, values));
                }
            }
            return java.util.Optional.of(lines);
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(csvError(entity, e));
            return java.util.Optional.empty();
        }
    }

    /** The reader past a leading byte order mark (Excel's "CSV UTF-8" writes one). */
    private static java.io.Reader withoutBom(java.io.PushbackReader text) throws IOException {
        int first = text.read();
        if (first >= 0 && first != '\uFEFF') {
            text.unread(first);
        }
        return text;
    }

    /** What made a CSV file unreadable: bad encoding, a record past the limits, or malformed quoting. */
    private static FieldError csvError(String entity, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new FieldError(null, null, "file", "the file is not valid UTF-8 text (save it as CSV UTF-8)");
            }
            if (t instanceof BoundedCsvReader.Exceeded exceeded) {
                return new FieldError(entity, exceeded.row(), "file", exceeded.getMessage());
            }
        }
        // A malformed row met while iterating (a quote closed in the middle of a field) comes unchecked.
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        return new FieldError(entity, null, "file", "not a readable CSV file: " + cause.getMessage());
    }

    private static boolean checkHeader(String entity, List<String> header, Columns columns, List<FieldError> errors) {
        if (columns == null) {
            errors.add(new FieldError(null, null, "entity", "unknown entity " + entity));
            return false;
        }
        List<String> missing = columns.required().stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !columns.all().contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            errors.add(new FieldError(entity, 0, "header", (missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ") + "expected " + columns.all()));
            return false;
        }
        return true;
    }

    private static void readXlsx(Path file, String only, Map<String, Columns> schema, List<FieldError> errors, Map<String, List<Line>> tables,
                                 Limits limits) {
        int maxRows = limits.rows();
        int widest = schema.values().stream().mapToInt(c -> c.all().size()).max().orElse(0);
        try {
            XlsxRows.read(file, new XlsxRows.Limits(widest, limits.xlsxExpandedBytes(), MAX_XLSX_PARTS), new XlsxRows.Sink() {
                private List<String> header;
                private List<Line> lines;

                @Override
                public boolean wants(String sheet) {
                    header = null;
                    return only == null || only.equals(sheet);
                }

                @Override
                public void row(String entity, List<String> cells) {
                    if (header == null) {
                        header = new ArrayList<>(cells);
                        while (!header.isEmpty() && (header.get(header.size() - 1) == null || header.get(header.size() - 1).isBlank())) {
                            header.remove(header.size() - 1);
                        }
                        // A sheet with a wrong header is reported and its rows skipped (lines stays null).
                        lines = checkHeader(entity, header, schema.get(entity), errors) ? new ArrayList<>() : null;
                        if (lines != null) {
                            tables.put(entity, lines);
                        }
                        return;
                    }
                    if (lines == null) {
                        return;
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    boolean blank = true;
                    for (int i = 0; i < header.size(); i++) {
                        String v = i < cells.size() ? cells.get(i) : null;
                        blank &= v == null || v.isBlank();
                        values.put(header.get(i), v);
                    }
                    if (!blank) {
                        lines.add(new Line(lines.size() + 1, values));
                        checkRows(lines.size(), maxRows);
                    }
                }
            });
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof gov.planmonitor.support.problem.ServiceException.TooLarge tooLarge) {
                    throw tooLarge;
                }
                if (t instanceof XlsxRows.Refused refused) {
                    errors.add(new FieldError(null, null, "file", refused.getMessage()));
                    return;
                }
            }
            if (expandsTooFar(e)) {
                throw new gov.planmonitor.support.problem.ServiceException.TooLarge("the XLSX file expands to more than "
                        + org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize() / (1024 * 1024)
                        + " MB (or compresses suspiciously well); split it, or import CSV");
            }
            errors.add(new FieldError(null, null, "file", "not a readable XLSX workbook"));
        }
    }

    /** Stops reading a file with more rows than an import takes, before it fills the memory. */
    private static void checkRows(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new gov.planmonitor.support.problem.ServiceException.TooLarge("the file holds more than " + maxRows
                    + " data rows in one table; an import takes at most that many (split it into several files)");
        }
    }

    /** POI's zip-bomb guards (ZipSecureFile: expanded size per entry, compression ratio) somewhere in the causes. */
    private static boolean expandsTooFar(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("exceed the max size of the expanded data"))) {
                return true;
            }
        }
        return false;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * Reads a JSON import as a stream of tokens, a row at a time: a row's values must be scalars (containers are
     * skipped, not built), so memory holds the rows kept, never the document's tree.
     */
    private static void readJson(Path file, String only, Map<String, Columns> schema, List<FieldError> errors, Map<String, List<Line>> tables,
                                 int maxRows) {
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                errors.add(new FieldError(null, null, "file", "expected a JSON object with arrays " + schema.keySet()));
                return;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String entity = parser.currentName();
                com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
                Columns columns = schema.get(entity);
                if (columns == null) {
                    errors.add(new FieldError(null, null, shown(entity), "unknown entity " + shown(entity) + "; expected " + schema.keySet()));
                    parser.skipChildren();
                    continue;
                }
                if (tables.containsKey(entity)) {
                    errors.add(new FieldError(entity, null, entity, "given twice; give each entity's rows in one array"));
                    parser.skipChildren();
                    continue;
                }
                if (only != null && !only.equals(entity)) {
                    parser.skipChildren();
                    continue;
                }
                if (token != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    errors.add(new FieldError(entity, null, entity, "must be an array of rows"));
                    parser.skipChildren();
                    continue;
                }
                tables.put(entity, readJsonRows(parser, entity, columns, errors, maxRows));
            }
            if (parser.nextToken() != null) {
                // Data after the document is refused, as in every JSON body (StrictJson).
                errors.add(new FieldError(null, null, "file", "not valid JSON: data after the end of the document"));
            }
        } catch (IOException e) {
            tables.clear();
            errors.add(new FieldError(null, null, "file", "not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
    }

    private static List<Line> readJsonRows(com.fasterxml.jackson.core.JsonParser parser, String entity, Columns columns, List<FieldError> errors,
                                           int maxRows) throws IOException {
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (com.fasterxml.jackson.core.JsonToken row = parser.nextToken(); row != com.fasterxml.jackson.core.JsonToken.END_ARRAY; row = parser.nextToken()) {
            n++;
            checkRows(n, maxRows);
            if (row != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                errors.add(new FieldError(entity, n, null, "each row must be an object"));
                parser.skipChildren();
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean ok = true;
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                String problem = !columns.all().contains(field) ? "unknown field; expected " + columns.all()
                        : values.containsKey(field) ? "given twice in the row"
                        : value.isStructStart() ? "must be a string, number or boolean"
                        : null;
                String text = problem != null || value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null
                        : value.isNumeric() ? jsonNumber(parser) : parser.getText();
                if (problem == null && value.isNumeric() && text == null) {
                    problem = "a number beyond what any column holds";
                } else if (problem == null && text != null && text.length() > MAX_FIELD_CHARS) {
                    problem = "holds " + text.length() + " characters; a field holds at most " + MAX_FIELD_CHARS;
                }
                if (problem != null) {
                    errors.add(new FieldError(entity, n, shown(field), problem));
                    ok = false;
                    parser.skipChildren();
                    continue;
                }
                values.put(field, text);
            }
            if (ok) {
                lines.add(new Line(n, values));
            }
        }
        return lines;
    }

    /** A JSON number in plain notation, or null for one so large or fine that writing it out would itself be the attack (1e999999999). */
    private static String jsonNumber(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        BigDecimal value = parser.getDecimalValue();
        if (Math.abs((long) value.precision() - value.scale()) > 1_000 || value.scale() > 1_000) {
            return null;
        }
        return plain(value);
    }

    /** A name from the file shown in an error, cut short when it is long. */
    private static String shown(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    /** Applies one row of an entity; throws a ServiceException for a row that cannot be applied. */
    @FunctionalInterface
    public interface RowHandler {
        Outcome apply(String entity, Line line, String user);

        /**
         * Whether this entity's rows are written together by {@link #applyAll} (set-based: a few statements for the
         * whole table) instead of one {@link #apply} per row.
         */
        default boolean wholeTable(String entity) {
            return false;
        }

        /**
         * Writes a whole table: each line's outcome in order (null for a refused line), refusals given to
         * {@code refused}. Nothing may be written when any line is refused. The list is the handler's: it may clear it
         * once read.
         */
        default List<Outcome> applyAll(String entity, List<Line> lines, String user, BiConsumer<Line, ServiceException> refused) {
            throw new UnsupportedOperationException(entity);
        }
    }

    /** Counts per entity and outcome, and every row error. */
    public record Result(Map<String, Map<String, Integer>> counts, List<FieldError> errors) {
    }

    /**
     * Reads an import and applies its rows entity by entity in schema order, collecting every row error.
     * The caller's transaction decides: any error, or a dry run, rolls it all back.
     */
    public static Result importAll(Format format, Path file, String entity, Map<String, Columns> schema, RowHandler handler, String user,
                                   Limits limits) {
        if (entity != null && !schema.containsKey(entity)) {
            throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + schema.keySet());
        }
        ErrorList errors = new ErrorList(limits.errors());
        Map<String, List<Line>> tables = read(format, file, entity, schema, errors, limits);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (errors.isEmpty() && tables.values().stream().allMatch(List::isEmpty)) {
            errors.add(new FieldError(entity, null, "file", "the file holds no data rows"));
        }
        if (!errors.isEmpty()) {
            return new Result(counts, errors.listed());
        }
        for (String name : schema.keySet()) {
            List<Line> lines = tables.get(name);
            if (lines == null) {
                continue;
            }
            Map<String, Integer> tally = counts.computeIfAbsent(name, k -> new LinkedHashMap<>());
            for (Outcome o : Outcome.values()) {
                tally.put(o.name(), 0);
            }
            BiConsumer<Line, ServiceException> refused = (line, e) -> {
                if (e instanceof ServiceException.Forbidden) {
                    // Not a row error to fix in the file: the caller may not write this row at all.
                    throw new ServiceException.Forbidden(name + " row " + line.row() + ": " + e.getMessage());
                }
                if (e.errors().isEmpty()) {
                    errors.add(new FieldError(name, line.row(), null, e.getMessage()));
                } else {
                    e.errors().forEach(fe -> errors.add(fe.at(name, line.row())));
                }
            };
            if (handler.wholeTable(name)) {
                int before = errors.size();
                // The handler owns the lines from here and may let them go once read (a large file's rows are most
                // of an import's memory).
                tables.remove(name);
                for (Outcome outcome : handler.applyAll(name, lines, user, refused)) {
                    if (outcome != null) {
                        tally.merge(outcome.name(), 1, Integer::sum);
                    }
                }
                // in file order, as row by row would list them
                errors.subList(before, errors.size()).sort(java.util.Comparator.comparing(FieldError::row,
                        java.util.Comparator.nullsFirst(Integer::compare)));
                continue;
            }
            for (Line line : lines) {
                try {
                    tally.merge(handler.apply(name, line, user).name(), 1, Integer::sum);
                } catch (ServiceException e) {
                    refused.accept(line, e);
                }
            }
        }
        return new Result(counts, errors.listed());
    }

    /**
     * Errors of one import, the first {@code cap} of them kept: a file of 50,000 bad rows must not answer with (or
     * hold) millions of errors. Past the cap each error is only counted, and the answer ends with how many more there were.
     */
    static final class ErrorList extends ArrayList<FieldError> {
        private final int cap;
        private int more;

        ErrorList(int cap) {
            this.cap = cap;
        }

        @Override
        public boolean add(FieldError error) {
            if (size() >= cap) {
                more++;
                return false;
            }
            return super.add(error);
        }

        List<FieldError> listed() {
            if (more == 0) {
                return this;
            }
            List<FieldError> listed = new ArrayList<>(this);
            listed.add(new FieldError(null, null, "file", more + " more errors are not listed; correct these " + cap + " and import again"));
            return listed;
        }
    }

    // ---- writing ----

    /**
     * An export being written: its tables one after another, each row written out as it is given, so that no form of
     * the whole file is ever held in memory. CSV and JSON go to the output as they are written; a workbook keeps a
     * window of {@value #XLSX_ROW_WINDOW} rows in memory and the rest in compressed temporary files until
     * {@link #finish} puts it together on the output. {@link #close} lets go of what the writer holds (a workbook's
     * temporary files) without finishing the file: a file whose rows could not all be read is never made to look whole.
     */
    public interface TableWriter extends AutoCloseable {

        /** Writes one table: the header, then the rows in order (consumed here, not kept). */
        void table(String entity, Stream<Map<String, Object>> rows) throws IOException;

        /** Completes the file after its last table and flushes it to the output, which stays open. */
        void finish() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Rows of a workbook kept in memory while it is written; older ones are in compressed temporary files. */
    static final int XLSX_ROW_WINDOW = 100;

    /** A writer of the format to {@code out}; a CSV file holds one table. */
    public static TableWriter writer(Format format, Map<String, Columns> schema, OutputStream out) {
        return switch (format) {
            case CSV -> new CsvWriter(schema, out);
            case XLSX -> new XlsxWriter(schema, out);
            case JSON -> new JsonWriter(schema, out);
        };
    }

    private static Columns columns(Map<String, Columns> schema, String entity) {
        Columns columns = schema.get(entity);
        if (columns == null) {
            throw new IllegalArgumentException("unknown entity " + entity);
        }
        return columns;
    }

    private static final class CsvWriter implements TableWriter {
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
                    values.add(v == null ? "" : v instanceof BigDecimal d ? plain(d)
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

    private static final class XlsxWriter implements TableWriter {
        private final Map<String, Columns> schema;
        private final OutputStream out;
        // Inline strings rather than a shared-strings table, which would hold every distinct text in memory.
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, XLSX_ROW_WINDOW, true, false);
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

    private static final class JsonWriter implements TableWriter {
        private final Map<String, Columns> schema;
        private final JsonGenerator json;

        JsonWriter(Map<String, Columns> schema, OutputStream out) {
            this.schema = schema;
            try {
                // Pretty-printed as before; the output is not closed with the generator, and an unfinished document is
                // not closed up to look complete.
                this.json = JSON.writerWithDefaultPrettyPrinter().createGenerator(out)
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
                ObjectNode node = JSON.createObjectNode();
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
