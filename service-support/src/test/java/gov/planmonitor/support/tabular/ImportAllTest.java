package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Tabular.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static gov.planmonitor.support.tabular.CsvReadTest.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The import driver: rows applied table by table, outcomes counted, every refusal a row error, the list capped. */
class ImportAllTest {

    @TempDir
    Path dir;

    private Tabular.Result run(String csv, String entity, Tabular.RowHandler handler, int maxErrors) throws IOException {
        Path file = Files.writeString(dir.resolve("import.csv"), csv);
        return Tabular.importAll(Tabular.Format.CSV, file, entity, SCHEMA, handler, "planner", new Tabular.Limits(100, 10_000_000, maxErrors));
    }

    /** Creates codes starting with N, leaves the rest unchanged, refuses a year before 2000. */
    private static Outcome apply(String entity, Line line, String user) {
        if (Integer.parseInt(line.get("year")) < 2000) {
            throw new ServiceException.Invalid("year", "from 2000 on");
        }
        return line.get("code").startsWith("N") ? Outcome.CREATED : Outcome.UNCHANGED;
    }

    @Test
    void outcomesAreCountedPerEntity() throws IOException {
        Tabular.Result result = run("code,year\nN1,2017\nN2,2018\nOLD,2019\n", "indicators", ImportAllTest::apply, 100);
        assertEquals(List.of(), result.errors());
        assertEquals(Map.of("indicators", Map.of("CREATED", 2, "UPDATED", 0, "UNCHANGED", 1)), result.counts());
    }

    @Test
    void refusedRowsBecomeRowErrorsAndTheOtherRowsAreStillApplied() throws IOException {
        Tabular.Result result = run("code,year\nN1,2017\nN2,1999\nN3,1998\n", "indicators", (entity, line, user) -> {
            if (line.get("code").equals("N3")) {
                throw new ServiceException.Conflict("N3 is taken");
            }
            return apply(entity, line, user);
        }, 100);
        // a field error keeps its field; an error without one names the row
        assertEquals(List.of(new FieldError("indicators", 2, "year", "from 2000 on"), new FieldError("indicators", 3, null, "N3 is taken")),
                result.errors());
        // the rest is applied and counted: the caller's transaction rolls the import back on any error
        assertEquals(Map.of("indicators", Map.of("CREATED", 1, "UPDATED", 0, "UNCHANGED", 0)), result.counts());
    }

    @Test
    void aRowTheCallerMayNotWriteStopsTheImport() throws IOException {
        ServiceException.Forbidden forbidden = assertThrows(ServiceException.Forbidden.class, () -> run("code,year\nN1,2017\nN2,2018\n", "indicators",
                (entity, line, user) -> {
                    throw new ServiceException.Forbidden("only DRC may write " + line.get("code"));
                }, 100));
        assertEquals("indicators row 1: only DRC may write N1", forbidden.getMessage());
    }

    @Test
    void pastTheCapErrorsAreOnlyCounted() throws IOException {
        StringBuilder csv = new StringBuilder("code,year\n");
        for (int i = 1; i <= 7; i++) {
            csv.append("N").append(i).append(",1990\n");
        }
        List<FieldError> errors = run(csv.toString(), "indicators", ImportAllTest::apply, 3).errors();
        // three listed, the other four counted in a last line
        assertEquals(4, errors.size());
        assertEquals(List.of(1, 2, 3), errors.subList(0, 3).stream().map(FieldError::row).toList());
        assertEquals(new FieldError(null, null, "file", "4 more errors are not listed; correct these 3 and import again"), errors.get(3));
    }

    @Test
    void aWholeTableWritersRefusalsAreListedInFileOrder() throws IOException {
        Tabular.RowHandler handler = new Tabular.RowHandler() {
            @Override
            public Outcome apply(String entity, Line line, String user) {
                throw new AssertionError("the table is written whole");
            }

            @Override
            public boolean wholeTable(String entity) {
                return true;
            }

            @Override
            public List<Outcome> applyAll(String entity, List<Line> lines, String user, BiConsumer<Line, ServiceException> refused) {
                // a set-based writer may find its refusals in any order
                refused.accept(lines.get(2), new ServiceException.Invalid("year", "third"));
                refused.accept(lines.get(0), new ServiceException.Invalid("year", "first"));
                List<Outcome> outcomes = new ArrayList<>();
                outcomes.add(null);
                outcomes.add(Outcome.CREATED);
                outcomes.add(null);
                return outcomes;
            }
        };
        Tabular.Result result = run("code,year\nA,1\nB,2\nC,3\n", "indicators", handler, 100);
        assertEquals(List.of("first", "third"), result.errors().stream().map(FieldError::message).toList());
        assertEquals(List.of(1, 3), result.errors().stream().map(FieldError::row).toList());
    }

    @Test
    void aFileWithoutRowsAndAnUnknownEntityAreRefused() throws IOException {
        assertEquals(List.of(new FieldError("indicators", null, "file", "the file holds no data rows")),
                run("code,year\n", "indicators", ImportAllTest::apply, 100).errors());
        ServiceException.BadQuery unknown = assertThrows(ServiceException.BadQuery.class, () -> run("code\n", "targets", ImportAllTest::apply, 100));
        assertEquals("entity", unknown.errors().get(0).field());
        assertEquals("unknown entity targets; one of [indicators, plans]", unknown.getMessage());
    }
}
