package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Tabular.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.support.tabular.CsvReadTest.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JSON import (an object of arrays of rows) read as a stream: scalars only, each row checked against its table. */
class JsonReadTest {

    private static final Tabular.Limits LIMITS = new Tabular.Limits(5, 10_000_000, 100);

    @TempDir
    Path dir;

    private final List<FieldError> errors = new ArrayList<>();

    private Map<String, List<Line>> read(String json) throws IOException {
        return read(null, json);
    }

    private Map<String, List<Line>> read(String entity, String json) throws IOException {
        Path file = Files.writeString(dir.resolve("import.json"), json, StandardCharsets.UTF_8);
        return Tabular.read(Tabular.Format.JSON, file, entity, SCHEMA, errors, LIMITS);
    }

    @Test
    void rowsOfEveryEntityWithScalarsAsText() throws IOException {
        Map<String, List<Line>> tables = read("""
                {"indicators": [{"code": "FYP13-01", "year": 2017, "note": null},
                                {"code": "FYP13-02", "year": 2017.50, "note": true}],
                 "plans": [{"code": "FYP13"}]}""");
        assertEquals(List.of(), errors);
        assertEquals(List.of("indicators", "plans"), List.copyOf(tables.keySet()));
        Line first = tables.get("indicators").get(0);
        assertEquals(1, first.row());
        assertEquals("2017", first.get("year"));
        assertTrue(first.values().containsKey("note"));
        assertEquals(null, first.get("note"));
        // trailing zeros go; booleans are their names
        assertEquals("2017.5", tables.get("indicators").get(1).get("year"));
        assertEquals("true", tables.get("indicators").get(1).get("note"));
        assertEquals("FYP13", tables.get("plans").get(0).get("code"));
    }

    @Test
    void numbersAreWrittenOutPlainUnlessThatWouldBeTheAttack() throws IOException {
        List<Line> lines = read("{\"plans\": [{\"code\": 1E+3}, {\"code\": 0.000012}, {\"code\": 1e999999999}, {\"code\": 1e-1001}]}").get("plans");
        assertEquals(List.of("1000", "0.000012"), lines.stream().map(l -> l.get("code")).toList());
        assertEquals(List.of(new FieldError("plans", 3, "code", "a number beyond what any column holds"),
                new FieldError("plans", 4, "code", "a number beyond what any column holds")), errors);
    }

    @Test
    void eachRowErrorNamesTheRowAndField() throws IOException {
        List<Line> lines = read("""
                {"indicators": [
                  {"code": "A", "year": 2017, "colour": "red"},
                  {"code": "B", "code": "C", "year": 2017},
                  {"code": {"nested": [1, 2]}, "year": 2017},
                  "FYP13-04",
                  {"code": "E", "year": 2017}
                ]}""").get("indicators");
        assertEquals(List.of(
                new FieldError("indicators", 1, "colour", "unknown field; expected [code, year, note]"),
                new FieldError("indicators", 2, "code", "given twice in the row"),
                new FieldError("indicators", 3, "code", "must be a string, number or boolean"),
                new FieldError("indicators", 4, null, "each row must be an object")), errors);
        // the good row is kept, numbered by its place in the array
        assertEquals(1, lines.size());
        assertEquals(5, lines.get(0).row());
    }

    @Test
    void aTextLongerThanAFieldHoldsIsARowError() throws IOException {
        read("{\"plans\": [{\"code\": \"" + "x".repeat(32_767) + "\"}, {\"code\": \"" + "x".repeat(32_768) + "\"}]}");
        assertEquals(List.of(new FieldError("plans", 2, "code", "holds 32768 characters; a field holds at most 32767")), errors);
    }

    @Test
    void theDocumentsShapeIsChecked() throws IOException {
        read("[{\"code\": \"A\"}]");
        assertEquals(List.of(new FieldError(null, null, "file", "expected a JSON object with arrays [indicators, plans]")), errors);
        errors.clear();
        String longName = "t".repeat(100);
        Map<String, List<Line>> tables = read("{\"" + longName + "\": [], \"plans\": {\"code\": \"A\"}, \"indicators\": [], \"indicators\": []}");
        assertEquals(List.of(
                new FieldError(null, null, "t".repeat(64) + "…", "unknown entity " + "t".repeat(64) + "…; expected [indicators, plans]"),
                new FieldError("plans", null, "plans", "must be an array of rows"),
                new FieldError("indicators", null, "indicators", "given twice; give each entity's rows in one array")), errors);
        assertEquals(List.of("indicators"), List.copyOf(tables.keySet()));
    }

    @Test
    void onlyTheEntityAskedForIsRead() throws IOException {
        Map<String, List<Line>> tables = read("plans", "{\"indicators\": [{\"code\": \"A\", \"year\": 1}], \"plans\": [{\"code\": \"P\"}]}");
        assertEquals(List.of(), errors);
        assertEquals(List.of("plans"), List.copyOf(tables.keySet()));
    }

    @Test
    void brokenJsonAndDataAfterTheDocumentAreRefused() throws IOException {
        Map<String, List<Line>> tables = read("{\"plans\": [{\"code\": \"A\"}, {\"code\": ]}");
        assertTrue(tables.isEmpty(), "nothing half-read is kept");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("not valid JSON: Unexpected character (']'"), errors.get(0).message());
        errors.clear();
        read("{\"plans\": [{\"code\": \"A\"}]} {\"plans\": []}");
        assertEquals(List.of(new FieldError(null, null, "file", "not valid JSON: data after the end of the document")), errors);
    }

    @Test
    void moreRowsThanAnImportTakesIsTooLarge() throws IOException {
        assertEquals(5, read("{\"plans\": [{\"code\": \"A\"}, {\"code\": \"B\"}, {\"code\": \"C\"}, {\"code\": \"D\"}, {\"code\": \"E\"}]}")
                .get("plans").size());
        assertEquals(List.of(), errors);
        // counted as the rows arrive, whatever they hold
        ServiceException.TooLarge tooLarge = assertThrows(ServiceException.TooLarge.class, () -> read("{\"plans\": [1, 2, 3, 4, 5, 6]}"));
        assertEquals("the file holds more than 5 data rows in one table; an import takes at most that many (split it into several files)",
                tooLarge.getMessage());
    }
}
