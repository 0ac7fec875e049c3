package gov.planmonitor.support.tabular;

import gov.planmonitor.support.tabular.Tabular.Columns;
import gov.planmonitor.support.tabular.Tabular.Limits;
import gov.planmonitor.support.tabular.Tabular.Line;
import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import java.io.IOException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The readers of {@link Tabular#read} for workbooks (a sheet per entity) and JSON (an array of rows per entity). */
final class SheetReaders {

    private SheetReaders() {
    }

    static void readXlsx(Path file, String only, Map<String, Columns> schema, List<FieldError> errors, Map<String, List<Line>> tables,
                                 Limits limits) {
        int maxRows = limits.rows();
        int widest = schema.values().stream().mapToInt(c -> c.all().size()).max().orElse(0);
        try {
            XlsxRows.read(file, new XlsxRows.Limits(widest, limits.xlsxExpandedBytes(), Tabular.MAX_XLSX_PARTS), new XlsxRows.Sink() {
                private List<String> header;
                private List<Line> lines;
                /** A one-table import (a bureau's own workbook) reads its first sheet, whatever the sheet is called. */
                private final String single = schema.size() == 1 ? schema.keySet().iterator().next() : null;
                private boolean firstSheet = true;

                @Override
                public boolean wants(String sheet) {
                    header = null;
                    if (single != null) {
                        boolean first = firstSheet;
                        firstSheet = false;
                        return first;
                    }
                    return only == null || only.equals(sheet);
                }

                @Override
                public void row(String sheet, List<String> cells) {
                    String entity = single != null ? single : sheet;
                    if (header == null) {
                        header = new ArrayList<>(cells);
                        while (!header.isEmpty() && (header.get(header.size() - 1) == null || header.get(header.size() - 1).isBlank())) {
                            header.remove(header.size() - 1);
                        }
                        // A sheet with a wrong header is reported and its rows skipped (lines stays null).
                        lines = Tabular.checkHeader(entity, header, schema.get(entity), errors) ? new ArrayList<>() : null;
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
                        Tabular.checkRows(lines.size(), maxRows);
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

    /** POI's zip-bomb guards (ZipSecureFile: expanded size per entry, compression ratio) somewhere in the causes. */
    static boolean expandsTooFar(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("exceed the max size of the expanded data"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a JSON import as a stream of tokens, a row at a time: a row's values must be scalars (containers are
     * skipped, not built), so memory holds the rows kept, never the document's tree.
     */
    static void readJson(Path file, String only, Map<String, Columns> schema, List<FieldError> errors, Map<String, List<Line>> tables,
                                 int maxRows) {
        try (com.fasterxml.jackson.core.JsonParser parser = Tabular.JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                errors.add(new FieldError(null, null, "file", "expected a JSON object with arrays " + schema.keySet()));
                return;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String entity = parser.currentName();
                com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
                Columns columns = schema.get(entity);
                if (columns == null) {
                    errors.add(new FieldError(null, null, Tabular.shown(entity), "unknown entity " + Tabular.shown(entity) + "; expected " + schema.keySet()));
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

    static List<Line> readJsonRows(com.fasterxml.jackson.core.JsonParser parser, String entity, Columns columns, List<FieldError> errors,
                                           int maxRows) throws IOException {
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (com.fasterxml.jackson.core.JsonToken row = parser.nextToken(); row != com.fasterxml.jackson.core.JsonToken.END_ARRAY; row = parser.nextToken()) {
            n++;
            Tabular.checkRows(n, maxRows);
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
                } else if (problem == null && text != null && text.length() > Tabular.MAX_FIELD_CHARS) {
                    problem = "holds " + text.length() + " characters; a field holds at most " + Tabular.MAX_FIELD_CHARS;
                }
                if (problem != null) {
                    errors.add(new FieldError(entity, n, Tabular.shown(field), problem));
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
    static String jsonNumber(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        BigDecimal value = parser.getDecimalValue();
        if (Math.abs((long) value.precision() - value.scale()) > 1_000 || value.scale() > 1_000) {
            return null;
        }
        return Tabular.plain(value);
    }
}
