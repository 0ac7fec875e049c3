package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk import and export: all-or-nothing, dry run, idempotent, row-level errors, round trips in every format. */
@QuarkusTest
class ImportExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * The seeds, once per started application: no test changes seed data (Fixtures.seeds), and
     * seedsImportedTwiceChangeNothing imports them again itself.
     */
    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static String planCode() {
        return "IMP" + System.nanoTime() % 1_000_000 + "X" + COUNTER.incrementAndGet();
    }

    private static String plansCsv(String code) {
        return "code,kind,startYear,endYear,titleZh,titleEn,parent\n" + code + ",FIVE_YEAR,2021,2025,测试规划,Test plan,\n";
    }

    private static String indicatorsCsv(String plan, String secondTarget) {
        return "code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,targetText,targetKind,targetReference,series,footnoteZh,footnoteEn\n"
                + plan + "-01," + plan + ",1,地区生产总值年均增长率,GDP growth,ECONOMY,%,EXPECTED,INCREASE,DRC:LEAD,6左右,,,,,\n"
                + plan + "-02," + plan + ",2,绿化覆盖率,Green coverage,URBAN_ENVIRONMENT,%,BINDING,INCREASE,CONSTRUCTION_WATER:LEAD;DRC:SUPPORT," + secondTarget + ",,,,,\n";
    }

    private static Response importCsv(String entity, String csv, boolean dryRun) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("entity", entity).queryParam("dryRun", dryRun)
                .when().post("/api/v1/imports");
    }

    @Test
    void seedsImportedTwiceChangeNothing() {
        for (String entity : Seeds.ORDER) {
            given().contentType("text/csv").body(Seeds.file(entity)).queryParam("entity", entity)
                    .when().post("/api/v1/imports")
                    .then().statusCode(200)
                    .body("counts." + entity + ".CREATED", equalTo(0))
                    .body("counts." + entity + ".UPDATED", equalTo(0));
        }
        given().queryParam("size", 100).when().get("/api/v1/plans/FYP13/indicators").then().body("total", equalTo(45));
    }

    @Test
    void dryRunReportsWithoutWriting() {
        String plan = planCode();
        importCsv("plans", plansCsv(plan), true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("applied", equalTo(false))
                .body("counts.plans.CREATED", equalTo(1)).body("errors", hasSize(0));
        given().when().get("/api/v1/plans/" + plan).then().statusCode(404);
    }

    @Test
    void oneBadRowRejectsTheWholeFileWithRowLevelErrors() {
        String plan = planCode();
        importCsv("plans", plansCsv(plan), false).then().statusCode(200);
        // Row 2's target text cannot be read: row 1 must not be written either.
        importCsv("indicators", indicatorsCsv(plan, "三十五"), false).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("import-rejected"))
                .body("errors", hasSize(1))
                .body("errors[0].entity", equalTo("indicators"))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("target.text"))
                .body("errors[0].message", containsString("三十五"));
        given().when().get("/api/v1/plans/" + plan + "/indicators").then().statusCode(200).body("total", equalTo(0));

        // The dry run of the same file lists the same error and also writes nothing.
        importCsv("indicators", indicatorsCsv(plan, "三十五"), true).then().statusCode(200)
                .body("errors[0].row", equalTo(2)).body("applied", equalTo(false));
        given().when().get("/api/v1/indicators/" + plan + "-01").then().statusCode(404);

        importCsv("indicators", indicatorsCsv(plan, "35.5"), false).then().statusCode(200)
                .body("counts.indicators.CREATED", equalTo(2));
        importCsv("indicators", indicatorsCsv(plan, "35.5"), false).then().statusCode(200)
                .body("counts.indicators.UNCHANGED", equalTo(2));
        importCsv("indicators", indicatorsCsv(plan, "≥36"), false).then().statusCode(200)
                .body("counts.indicators.UPDATED", equalTo(1)).body("counts.indicators.UNCHANGED", equalTo(1));
        given().when().get("/api/v1/indicators/" + plan + "-02").then().statusCode(200)
                .body("target.kind", equalTo("AT_LEAST")).body("departments[1].role", equalTo("SUPPORT"));
    }

    /**
     * Observations are written set-based, with the rules of a single write: a changed value is a new revision that
     * keeps the old one as history, an unchanged one is left alone, a later row for the same year supersedes an
     * earlier one of the same file, and every write is in the audit trail with its before and after.
     */
    @Test
    void importedValuesKeepTheirRevisionsAndAudit() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String code = Fixtures.createIndicator(plan, 1, "导入修订测试", "%", "≥5");
        String header = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,comparable,source,note\n";
        importCsv("observations", header + code + ",2021,,5.1,,,PRELIMINARY,,,true,,\n" + code + ",2022,,5.2,,,FINAL,,,true,,\n", false)
                .then().statusCode(200).body("counts.observations.CREATED", equalTo(2));
        importCsv("observations", header + code + ",2021,,5.1,,,PRELIMINARY,,,true,,\n" + code + ",2022,,5.3,,,FINAL,,,true,,\n"
                + code + ",2022,,5.4,,,FINAL,,,true,,\n" + code + ",2023,,5.5,,,FINAL,,,true,,\n", false)
                .then().statusCode(200).body("counts.observations.UNCHANGED", equalTo(1))
                .body("counts.observations.UPDATED", equalTo(2)).body("counts.observations.CREATED", equalTo(1));

        given().when().get("/api/v1/indicators/" + code + "/observations").then().statusCode(200)
                .body("year", equalTo(java.util.List.of(2021, 2022, 2023)))
                .body("value", equalTo(java.util.List.of(5.1f, 5.4f, 5.5f)))
                .body("revision", equalTo(java.util.List.of(1, 3, 1)));
        given().when().get("/api/v1/indicators/" + code + "/observations/2022/history").then().statusCode(200)
                .body("value", equalTo(java.util.List.of(5.2f, 5.3f, 5.4f)))
                .body("revision", equalTo(java.util.List.of(1, 2, 3)))
                .body("supersededAt[0]", org.hamcrest.Matchers.notNullValue())
                .body("supersededAt[1]", org.hamcrest.Matchers.notNullValue())
                .body("supersededAt[2]", org.hamcrest.Matchers.nullValue());

        var audit = given().queryParam("resourceType", "observation").queryParam("resource", code + "/2022").queryParam("sort", "occurredAt")
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(3, audit.getInt("total"));
        org.junit.jupiter.api.Assertions.assertEquals("importData", audit.getString("items[1].operation"));
        org.junit.jupiter.api.Assertions.assertEquals(5.2f, audit.getFloat("items[1].before.value"));
        org.junit.jupiter.api.Assertions.assertEquals(5.3f, audit.getFloat("items[1].after.value"));
        org.junit.jupiter.api.Assertions.assertEquals(5.3f, audit.getFloat("items[2].before.value"));
        org.junit.jupiter.api.Assertions.assertEquals(5.4f, audit.getFloat("items[2].after.value"));
    }

    @Test
    void importedTextKeepsBackslashesTabsAndLineBreaks() {
        // Imported rows are streamed to PostgreSQL in COPY's text format, where these characters must be escaped.
        String plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String code = Fixtures.createIndicator(plan, 1, "导入转义测试", "%", "≥5");
        String note = "路径 C:\\data\\n 与\t制表符\n第二行\r\n\\N 不是空值";
        String header = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,comparable,source,note\n";
        importCsv("observations", header + code + ",2021,,5.1,,,FINAL,\"稳步推进\\,\",,true,,\"" + note + "\"\n", false)
                .then().statusCode(200).body("counts.observations.CREATED", equalTo(1));
        given().when().get("/api/v1/indicators/" + code + "/observations/2021").then().statusCode(200)
                .body("note", equalTo(note))
                .body("qualitativeZh", equalTo("稳步推进\\,"))
                .body("source", org.hamcrest.Matchers.nullValue());
        var audit = given().queryParam("resourceType", "observation").queryParam("resource", code + "/2021")
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(note, audit.getString("items[0].after.note"));
        org.junit.jupiter.api.Assertions.assertNull(audit.get("items[0].before"));
    }

    @Test
    void rowErrorsAreAllReportedWithTheirRows() {
        String csv = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,comparable,source,note\n"
                + "FYP13-03,2017,,abc,,,FINAL,,,true,,\n"
                + "NOPE-1,2017,,1,,,FINAL,,,true,,\n"
                + "FYP13-03,2017,,70,,,DONE,,,true,,\n"
                + "FYP13-03,2017,,70,,,FINAL,,,maybe,,\n";
        importCsv("observations", csv, false).then().statusCode(422)
                .body("errors", hasSize(4))
                .body("errors.row", equalTo(java.util.List.of(1, 2, 3, 4)))
                .body("errors[0].field", equalTo("value"))
                .body("errors[1].message", containsString("NOPE-1"))
                .body("errors[2].field", equalTo("status"))
                .body("errors[3].field", equalTo("comparable"));
        given().when().get("/api/v1/indicators/FYP13-03/observations").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aQuoteClosedInsideAFieldIsABadFileNotAServerError() {
        String csv = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,comparable,source,note\n"
                + "FYP13-03,2017,,70,,,FINAL,\"稳步推进\"x,,true,,\n";
        importCsv("observations", csv, false).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("not a readable CSV file"))
                .body("errors[0].message", containsString("line: 2"));
        given().when().get("/api/v1/indicators/FYP13-03/observations").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void wrongColumnsAreRejected() {
        importCsv("plans", "code,kind,start,endYear\nX,ANNUAL,2020,2020\n", false).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].message", containsString("missing columns"))
                .body("errors[0].message", containsString("unknown columns [start]"));
    }

    @Test
    void csvThatIsNotUtf8IsRejected() {
        byte[] gbk = plansCsv(planCode()).getBytes(java.nio.charset.Charset.forName("GBK"));
        given().contentType("text/csv").body(gbk).queryParam("entity", "plans")
                .when().post("/api/v1/imports")
                .then().statusCode(422)
                .body("errors[0].message", containsString("UTF-8"));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    private double importedRows(String entity, String outcome) {
        return gov.planmonitor.testsupport.Prometheus.value(given().when().get(metrics).then().statusCode(200).extract().asString(),
                "planmonitor_import_rows_total{entity=\"" + entity + "\",outcome=\"" + outcome + "\"}");
    }

    @Test
    void importedAndRejectedRowsAreCountedForOperators() {
        double imported = importedRows("plans", "imported");
        double rejected = importedRows("plans", "rejected");
        String first = planCode();
        String second = planCode();
        given().contentType("text/csv").body(plansCsv(first) + plansCsv(second).lines().skip(1).findFirst().orElseThrow() + "\n")
                .queryParam("entity", "plans").when().post("/api/v1/imports").then().statusCode(200);
        assertEquals(imported + 2, importedRows("plans", "imported"));
        // A refused file: its rows at fault count (a row with two errors once), and nothing counts as imported.
        given().contentType("text/csv").body("code,kind,startYear,endYear,titleZh,titleEn,parent\n"
                        + planCode() + ",NOT_A_KIND,2021,1999,测试规划,Test plan,\n" + planCode() + ",FIVE_YEAR,2021,2025,,Test plan,\n")
                .queryParam("entity", "plans").when().post("/api/v1/imports").then().statusCode(422);
        assertEquals(imported + 2, importedRows("plans", "imported"));
        assertEquals(rejected + 2, importedRows("plans", "rejected"));
        // A dry run writes nothing, so it counts nothing.
        given().contentType("text/csv").body(plansCsv(planCode())).queryParam("entity", "plans").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200);
        assertEquals(imported + 2, importedRows("plans", "imported"));
    }

    @Test
    void csvNeedsAnEntity() {
        given().contentType("text/csv").body(plansCsv(planCode())).when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("entity"));
        given().contentType("text/csv").body(plansCsv(planCode())).queryParam("entity", "projects").when().post("/api/v1/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("entity"));
    }

    @Test
    void jsonImportRejectsUnknownFieldsAndAppliesAllEntitiesAtOnce() {
        String plan = planCode();
        String bad = "{\"plans\":[{\"code\":\"" + plan + "\",\"kind\":\"ANNUAL\",\"startYear\":2019,\"endYear\":2019,"
                + "\"titleZh\":\"二〇一九\",\"titleEn\":\"2019\",\"parent\":\"FYP13\",\"colour\":\"red\"}]}";
        given().contentType("application/json").body(bad).when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("colour"));
        String good = "{\"plans\":[{\"code\":\"" + plan + "\",\"kind\":\"ANNUAL\",\"startYear\":2019,\"endYear\":2019,"
                + "\"titleZh\":\"二〇一九\",\"titleEn\":\"2019\",\"parent\":\"FYP13\"}],"
                + "\"indicators\":[{\"code\":\"" + plan + "-01\",\"plan\":\"" + plan + "\",\"seq\":1,\"nameZh\":\"地区生产总值\",\"nameEn\":\"GDP\","
                + "\"category\":\"ECONOMY\",\"unit\":\"亿元\",\"attribute\":\"EXPECTED\",\"direction\":\"INCREASE\",\"departments\":\"DRC:LEAD\","
                + "\"targetText\":\"6%左右\"}],"
                + "\"observations\":[{\"indicator\":\"" + plan + "-01\",\"year\":2019,\"value\":3500.5,\"growthRate\":6.2,\"status\":\"FINAL\"}]}";
        given().contentType("application/json").body(good).when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("counts.plans.CREATED", equalTo(1)).body("counts.indicators.CREATED", equalTo(1))
                .body("counts.observations.CREATED", equalTo(1));
        given().when().get("/api/v1/plans/" + plan + "/evaluation").then().statusCode(200)
                .body("items[0].verdict", equalTo("ACHIEVED"));
    }

    @Test
    void csvExportRoundTripsUnchanged() {
        byte[] exported = given().queryParam("format", "csv").queryParam("entity", "indicators").queryParam("plan", "FYP13")
                .when().get("/api/v1/exports")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("planmonitor-FYP13-indicators.csv"))
                .extract().asByteArray();
        String text = new String(exported, StandardCharsets.UTF_8);
        assertTrue(text.contains("与经济增长同步"), "Chinese text survives the export");
        given().contentType("text/csv").body(exported).queryParam("entity", "indicators").when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.indicators.UNCHANGED", equalTo(45)).body("counts.indicators.UPDATED", equalTo(0));
    }

    @Test
    void jsonExportRoundTripsUnchanged() {
        byte[] exported = given().queryParam("format", "json").when().get("/api/v1/exports")
                .then().statusCode(200).extract().asByteArray();
        given().contentType("application/json").body(exported).when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("counts.departments.CREATED", equalTo(0)).body("counts.departments.UPDATED", equalTo(0))
                .body("counts.plans.UPDATED", equalTo(0)).body("counts.indicators.UPDATED", equalTo(0))
                .body("counts.observations.UPDATED", equalTo(0)).body("counts.observations.CREATED", equalTo(0));
    }

    @Test
    void xlsxExportHasRealNumbersAndRoundTrips() throws IOException {
        byte[] workbook = given().queryParam("format", "xlsx").queryParam("plan", "FYP12").when().get("/api/v1/exports")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet observations = book.getSheet("observations");
            assertEquals(25, observations.getPhysicalNumberOfRows(), "header and 24 FYP12 results");
            assertEquals(CellType.NUMERIC, observations.getRow(1).getCell(1).getCellType(), "year is a number");
            Sheet indicators = book.getSheet("indicators");
            assertEquals("地区生产总值年均增长率", indicators.getRow(1).getCell(3).getStringCellValue());
        }
        given().contentType(XLSX).body(workbook).when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("counts.indicators.UNCHANGED", equalTo(24)).body("counts.observations.UNCHANGED", equalTo(24));
    }

    @Test
    void unreadableWorkbookIsRejected() {
        given().contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports")
                .then().statusCode(422).body("errors.message", hasItem(containsString("XLSX")));
    }

    /** An export reads whole tables: it needs a token (any role) unless EXPORTS_PUBLIC=true, and is refused before any reading. */
    @Test
    void anExportNeedsAToken() {
        problem(given().header("Authorization", Tokens.ANONYMOUS).queryParam("format", "csv").queryParam("entity", "plans")
                .when().get("/api/v1/exports").then(), 401).body("detail", containsString("bearer token"));
        // before the scope is looked up: an anonymous caller learns nothing about which plans exist
        problem(given().header("Authorization", Tokens.ANONYMOUS).queryParam("plan", "NO-SUCH-PLAN").when().get("/api/v1/exports").then(), 401);
        problem(given().header("Authorization", Tokens.bearer(Tokens.expired())).queryParam("format", "json").when().get("/api/v1/exports").then(), 401);
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).queryParam("format", "csv").queryParam("entity", "plans")
                .when().get("/api/v1/exports").then().statusCode(200).body(containsString("FYP13"));
        given().header("Authorization", Tokens.bearer(Tokens.department("DRC"))).queryParam("format", "json").queryParam("plan", "AP2017")
                .when().get("/api/v1/exports").then().statusCode(200).body("plans[0].code", equalTo("AP2017"));
    }

    /** The file's name, and a scope or entity naming nothing, are settled before the first byte: a 400 Problem, not a cut-off file. */
    @Test
    void anExportOfNothingIsABadQuery() {
        problem(given().queryParam("format", "xlsx").queryParam("plan", "NO-SUCH-PLAN").when().get("/api/v1/exports").then(), 400)
                .body("errors[0].field", equalTo("plan"));
        problem(given().queryParam("format", "json").queryParam("entity", "budgets").when().get("/api/v1/exports").then(), 400)
                .body("errors[0].field", equalTo("entity"));
        given().queryParam("format", "json").queryParam("entity", "plans").queryParam("plan", "FYP12").when().get("/api/v1/exports")
                .then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"planmonitor-FYP12-plans.json\""))
                .body("plans", hasSize(1)).body("plans[0].code", equalTo("FYP12"));
    }

    @Test
    void exportNeedsAKnownFormat() {
        given().queryParam("format", "pdf").when().get("/api/v1/exports").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("format", "csv").when().get("/api/v1/exports").then().statusCode(400)
                .body("errors[0].field", equalTo("entity"));
    }

    /** Departments, a plan and an indicator are applied before the observation row at the very end fails: none of it stays. */
    @Test
    void aFileThatFailsOnItsLastEntityWritesNothing() {
        String plan = planCode();
        String department = "IMPDEPT_" + COUNTER.incrementAndGet() + "_" + System.nanoTime() % 100_000;
        String file = "{\"departments\":[{\"code\":\"" + department + "\",\"nameZh\":\"导入测试局\",\"nameEn\":\"Import test bureau\"}],"
                + "\"plans\":[{\"code\":\"" + plan + "\",\"kind\":\"ANNUAL\",\"startYear\":2019,\"endYear\":2019,"
                + "\"titleZh\":\"二〇一九\",\"titleEn\":\"2019\",\"parent\":\"FYP13\"}],"
                + "\"indicators\":[{\"code\":\"" + plan + "-01\",\"plan\":\"" + plan + "\",\"seq\":1,\"nameZh\":\"地区生产总值\",\"nameEn\":\"GDP\","
                + "\"category\":\"ECONOMY\",\"unit\":\"亿元\",\"attribute\":\"EXPECTED\",\"direction\":\"INCREASE\",\"departments\":\"" + department + ":LEAD\","
                + "\"targetText\":\"6%左右\"}],"
                + "\"observations\":[{\"indicator\":\"" + plan + "-01\",\"year\":2019,\"value\":3500.5,\"status\":\"FINAL\"},"
                + "{\"indicator\":\"" + plan + "-01\",\"year\":2021,\"value\":3600,\"status\":\"FINAL\"}]}";
        given().contentType("application/json").body(file).when().post("/api/v1/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].entity", equalTo("observations")).body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("year"));
        given().when().get("/api/v1/departments/" + department).then().statusCode(404);
        given().when().get("/api/v1/plans/" + plan).then().statusCode(404);
        given().when().get("/api/v1/indicators/" + plan + "-01").then().statusCode(404);
    }

    /**
     * Two indicators of one file take the same place in the plan (UNIQUE (plan_id, seq) in the database): the second
     * row is refused with its row number and the first is not kept either.
     */
    @Test
    void aRowThatBreaksAUniqueConstraintMidFileWritesNothing() {
        String plan = planCode();
        given().contentType("text/csv").body(plansCsv(plan).getBytes(StandardCharsets.UTF_8)).queryParam("entity", "plans")
                .when().post("/api/v1/imports").then().statusCode(200);
        String header = "code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,targetText,targetKind,targetReference,series,footnoteZh,footnoteEn\n";
        String csv = header
                + plan + "-01," + plan + ",1,甲,A,ECONOMY,%,EXPECTED,INCREASE,DRC:LEAD,7,REACH,,,,\n"
                + plan + "-02," + plan + ",1,乙,B,ECONOMY,%,EXPECTED,INCREASE,DRC:LEAD,8,REACH,,,,\n"
                + plan + "-03," + plan + ",3,丙,C,ECONOMY,%,EXPECTED,INCREASE,DRC:LEAD,9,REACH,,,,\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("entity", "indicators")
                .when().post("/api/v1/imports").then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].row", equalTo(2)).body("errors[0].message", containsString("seq 1"));
        given().when().get("/api/v1/plans/" + plan + "/indicators").then().statusCode(200).body("total", equalTo(0));
    }

    /** A re-import that changes only a target gives the indicator a new ETag, so an update based on the old one is refused. */
    @Test
    void anImportThatChangesATargetGivesTheIndicatorANewVersion() {
        String plan = planCode();
        importCsv("plans", plansCsv(plan), false).then().statusCode(200);
        importCsv("indicators", indicatorsCsv(plan, "35"), false).then().statusCode(200);
        Response read = given().when().get("/api/v1/indicators/" + plan + "-02");
        String before = read.then().statusCode(200).extract().header("ETag");
        importCsv("indicators", indicatorsCsv(plan, "36"), false).then().statusCode(200).body("counts.indicators.UPDATED", equalTo(1));
        String after = given().when().get("/api/v1/indicators/" + plan + "-02").then().statusCode(200)
                .body("target.value", equalTo(36)).extract().header("ETag");
        assertTrue(!before.equals(after), "the ETag changed: " + before + " -> " + after);
        // A client that read before the import cannot silently put the old target back.
        given().contentType("application/json").header("If-Match", before).body(Fixtures.indicator(plan + "-02", 2, "绿化覆盖率", "%", "35"))
                .when().put("/api/v1/indicators/" + plan + "-02").then().statusCode(412);
    }
}
