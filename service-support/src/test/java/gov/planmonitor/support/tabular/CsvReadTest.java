package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Tabular.Columns;
import gov.planmonitor.support.tabular.Tabular.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CSV import read into lines: one entity a file, its header checked, every record bounded, strict UTF-8. */
class CsvReadTest {

    static final Map<String, Columns> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("indicators", new Columns(List.of("code", "year"), List.of("note"), Set.of("year")));
        SCHEMA.put("plans", new Columns(List.of("code"), List.of(), Set.of()));
    }

    static final Tabular.Limits LIMITS = new Tabular.Limits(5, 10_000_000, 100);

    @TempDir
    Path dir;

    private final List<FieldError> errors = new ArrayList<>();

    private Map<String, List<Line>> read(String entity, byte[] content, Tabular.Limits limits) throws IOException {
        Path file = Files.write(dir.resolve("import.csv"), content);
        return Tabular.read(Tabular.Format.CSV, file, entity, SCHEMA, errors, limits);
    }

    private Map<String, List<Line>> read(String entity, String content) throws IOException {
        return read(entity, content.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    @Test
    void rowsAreNumberedFromOneWithBlanksAsNull() throws IOException {
        List<Line> lines = read("indicators", "code,year,note\r\nFYP13-01,2017,\"green, \"\"ok\"\"\"\r\nFYP13-02,2018,\r\n").get("indicators");
        assertEquals(List.of(), errors);
        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).row());
        assertEquals("green, \"ok\"", lines.get(0).get("note"));
        assertEquals("2018", lines.get(1).get("year"));
        assertNull(lines.get(1).get("note"));
        // optional columns may be left out of the header
        assertEquals("FYP13-03", read("indicators", "year,code\n2019, FYP13-03 \n").get("indicators").get(0).get("code"));
    }

    @Test
    void excelsByteOrderMarkIsDroppedAndItsFormulaGuardUndone() throws IOException {
        List<Line> lines = read("plans", "\uFEFFcode\n'=SUM(A1:A9)\n'plain\n").get("plans");
        assertEquals(List.of(), errors);
        // the apostrophe an export put before a formula goes; one before ordinary text is the text's own
        assertEquals("=SUM(A1:A9)", lines.get(0).get("code"));
        assertEquals("'plain", lines.get(1).get("code"));
    }

    @Test
    void theHeaderMustNameTheTablesColumns() throws IOException {
        assertTrue(read("indicators", "code,note,colour\nA,,red\n").isEmpty());
        assertEquals(List.of(new FieldError("indicators", 0, "header",
                "missing columns [year]; unknown columns [colour]; expected [code, year, note]")), errors);
    }

    @Test
    void aCsvFileHoldsOneNamedEntity() throws IOException {
        assertTrue(read(null, "code\nA\n").isEmpty());
        assertEquals(List.of(new FieldError(null, null, "entity", "a CSV import holds one entity: give ?entity= one of [indicators, plans]")), errors);
        errors.clear();
        assertTrue(read("targets", "code\nA\n").isEmpty());
        assertEquals(List.of(new FieldError(null, null, "entity", "unknown entity targets")), errors);
    }

    @Test
    void aShortRowAndAnOverlongFieldAreRowErrorsAndTheOtherRowsAreRead() throws IOException {
        String huge = "x".repeat(32_768);
        List<Line> lines = read("indicators", "code,year,note\nA,2017\nB,2018," + huge + "\nC,2019,fine\n").get("indicators");
        assertEquals(List.of(new FieldError("indicators", 1, null, "row has 2 fields, the header has 3"),
                new FieldError("indicators", 2, "note", "holds 32768 characters; a field holds at most 32767")), errors);
        assertEquals(1, lines.size());
        assertEquals(3, lines.get(0).row());
        // 32,767 characters, Excel's most, is still a field
        errors.clear();
        assertEquals(32_767, read("plans", "code\n" + "y".repeat(32_767) + "\n").get("plans").get(0).get("code").length());
        assertEquals(List.of(), errors);
    }

    @Test
    void aRowOfCountlessFieldsIsRefusedBeforeItIsParsed() throws IOException {
        // three columns and 32 fields of slack: 35 fields pass, 36 do not
        String wide = "A,2017,x" + ",".repeat(33) + "\n";
        assertTrue(read("indicators", "code,year,note\n" + wide).isEmpty());
        assertEquals(List.of(new FieldError("indicators", 1, "file", "the row has more than 35 fields; this table has far fewer columns")), errors);
        errors.clear();
        read("indicators", "code,year,note\n" + "A,2017,x" + ",".repeat(32) + "\n");
        assertEquals(List.of(new FieldError("indicators", 1, null, "row has 35 fields, the header has 3")), errors);
    }

    @Test
    void aQuoteLeftOpenIsRefusedAtTheRecordLimit() throws IOException {
        assertTrue(read("plans", "code\n\"A\n" + "B\n".repeat(600_000)).isEmpty());
        assertEquals(List.of(new FieldError("plans", 1, "file",
                "the row is longer than 1048576 characters (a field holds at most 32767); is a quote left open?")), errors);
    }

    @Test
    void moreRowsThanAnImportTakesIsTooLarge() throws IOException {
        read("plans", "code\nA\nB\nC\nD\nE\n");
        assertEquals(List.of(), errors);
        ServiceException.TooLarge tooLarge = assertThrows(ServiceException.TooLarge.class, () -> read("plans", "code\nA\nB\nC\nD\nE\nF\n"));
        assertEquals("the file holds more than 5 data rows in one table; an import takes at most that many (split it into several files)",
                tooLarge.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsRefusedNotGarbled() throws IOException {
        assertTrue(read("plans", "code\ncafé\n".getBytes(StandardCharsets.ISO_8859_1), LIMITS).isEmpty());
        assertEquals(List.of(new FieldError(null, null, "file", "the file is not valid UTF-8 text (save it as CSV UTF-8)")), errors);
    }

    @Test
    void brokenQuotingIsRefusedWithTheParsersReason() throws IOException {
        assertTrue(read("indicators", "code,year,note\nA,\"20\"17,x\n").isEmpty());
        assertEquals(1, errors.size());
        assertEquals("file", errors.get(0).field());
        assertTrue(errors.get(0).message().startsWith("not a readable CSV file: "), errors.get(0).message());
    }
}
