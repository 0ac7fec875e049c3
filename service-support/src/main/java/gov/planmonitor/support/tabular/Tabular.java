package gov.planmonitor.support.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    static final ObjectMapper JSON = new ObjectMapper();

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
            case XLSX -> SheetReaders.readXlsx(file, entity, schema, errors, tables, limits);
            case JSON -> SheetReaders.readJson(file, entity, schema, errors, tables, limits.rows());
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
    static FieldError csvError(String entity, Exception e) {
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

    static boolean checkHeader(String entity, List<String> header, Columns columns, List<FieldError> errors) {
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

    /** Stops reading a file with more rows than an import takes, before it fills the memory. */
    static void checkRows(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new gov.planmonitor.support.problem.ServiceException.TooLarge("the file holds more than " + maxRows
                    + " data rows in one table; an import takes at most that many (split it into several files)");
        }
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A name from the file shown in an error, cut short when it is long. */
    static String shown(String name) {
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
            case CSV -> new TableWriters.CsvWriter(schema, out);
            case XLSX -> new TableWriters.XlsxWriter(schema, out);
            case JSON -> new TableWriters.JsonWriter(schema, out);
        };
    }

}
