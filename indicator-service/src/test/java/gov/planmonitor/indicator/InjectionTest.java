package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.testsupport.Injection.CMD;
import static gov.planmonitor.testsupport.Injection.HYPERLINK;
import static gov.planmonitor.testsupport.Injection.MINUS;
import static gov.planmonitor.testsupport.Injection.QUOTED;
import static gov.planmonitor.testsupport.Injection.SCRIPT;
import static gov.planmonitor.testsupport.Injection.SQL;
import static gov.planmonitor.testsupport.Injection.SUM;
import static gov.planmonitor.testsupport.Injection.assertInertText;
import static gov.planmonitor.testsupport.Injection.cell;
import static gov.planmonitor.testsupport.Injection.csvRow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Text that looks like SQL, a script or a spreadsheet formula is stored and served verbatim, exported so that no
 * spreadsheet runs it (an apostrophe in CSV, a quote-prefixed string cell in XLSX, numbers left numeric), and the
 * exports import back unchanged.
 */
@QuarkusTest
class InjectionTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int YEAR = 2022;

    private String department;
    private String plan;
    private String indicator;

    @BeforeEach
    void hostileData() {
        Fixtures.seeds();
        department = Fixtures.departmentCode("INJ");
        given().contentType(ContentType.JSON).body(Map.of("code", department, "nameZh", HYPERLINK, "nameEn", SCRIPT))
                .when().post("/api/v1/departments").then().statusCode(201);

        Map<String, Object> planBody = Fixtures.plan(Fixtures.code("P"), "FIVE_YEAR", 2021, 2025, null);
        planBody.put("titleZh", SQL);
        planBody.put("titleEn", SUM);
        plan = given().contentType(ContentType.JSON).body(planBody).when().post("/api/v1/plans").then().statusCode(201)
                .extract().path("code");

        Map<String, Object> indicatorBody = Fixtures.indicator(Fixtures.code("I"), 1, CMD, "%", "6左右");
        indicatorBody.put("nameEn", SCRIPT);
        indicatorBody.put("departments", List.of(Fixtures.role(department, "LEAD")));
        indicatorBody.put("footnoteZh", HYPERLINK);
        indicatorBody.put("footnoteEn", QUOTED);
        indicator = given().contentType(ContentType.JSON).body(indicatorBody).when().post("/api/v1/plans/{plan}/indicators", plan)
                .then().statusCode(201).extract().path("code");

        Map<String, Object> observation = Fixtures.observation(-0.5, "FINAL");
        observation.put("growthRate", -12);
        observation.put("qualitativeZh", SQL);
        observation.put("qualitativeEn", SCRIPT);
        observation.put("source", SUM);
        observation.put("note", MINUS);
        given().contentType(ContentType.JSON).body(observation).when().put("/api/v1/indicators/{code}/observations/{year}", indicator, YEAR)
                .then().statusCode(201);
    }

    /** Every hostile text reads back through the API exactly as it was written. */
    private void storedVerbatim() {
        given().when().get("/api/v1/departments/{code}", department).then().statusCode(200)
                .body("nameZh", equalTo(HYPERLINK)).body("nameEn", equalTo(SCRIPT));
        given().when().get("/api/v1/plans/{code}", plan).then().statusCode(200)
                .body("titleZh", equalTo(SQL)).body("titleEn", equalTo(SUM));
        given().when().get("/api/v1/indicators/{code}", indicator).then().statusCode(200)
                .body("nameZh", equalTo(CMD)).body("nameEn", equalTo(SCRIPT))
                .body("footnoteZh", equalTo(HYPERLINK)).body("footnoteEn", equalTo(QUOTED));
        given().when().get("/api/v1/indicators/{code}/observations/{year}", indicator, YEAR).then().statusCode(200)
                .body("value", equalTo(-0.5f)).body("growthRate", equalTo(-12))
                .body("qualitativeZh", equalTo(SQL)).body("qualitativeEn", equalTo(SCRIPT))
                .body("source", equalTo(SUM)).body("note", equalTo(MINUS));
    }

    private byte[] export(String format, String entity) {
        var request = given().queryParam("format", format).queryParam("plan", plan);
        if (entity != null) {
            request = request.queryParam("entity", entity);
        }
        return request.when().get("/api/v1/exports").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void hostileTextIsStoredVerbatim() {
        storedVerbatim();
    }

    @Test
    void csvGuardsFormulaLikeTextAndImportsBackUnchanged() {
        byte[] departments = export("csv", "departments");
        Map<String, String> d = csvRow(departments, "code", department);
        assertEquals("'" + HYPERLINK, d.get("nameZh"), "a formula gets an apostrophe");
        assertEquals(SCRIPT, d.get("nameEn"), "other text stays as it is");

        byte[] plans = export("csv", "plans");
        Map<String, String> p = csvRow(plans, "code", plan);
        assertEquals(SQL, p.get("titleZh"), "an apostrophe before no formula character is no guard");
        assertEquals("'" + SUM, p.get("titleEn"));
        assertEquals("2021", p.get("startYear"));

        byte[] indicators = export("csv", "indicators");
        Map<String, String> i = csvRow(indicators, "code", indicator);
        assertEquals("'" + CMD, i.get("nameZh"));
        assertEquals("'" + HYPERLINK, i.get("footnoteZh"));
        assertEquals("'" + QUOTED, i.get("footnoteEn"), "text starting with an apostrophe itself gets another");
        assertEquals("1", i.get("seq"));

        byte[] observations = export("csv", "observations");
        Map<String, String> o = csvRow(observations, "indicator", indicator);
        assertEquals("-0.5", o.get("value"), "a negative number stays a number");
        assertEquals("-12", o.get("growthRate"));
        assertEquals("'" + SUM, o.get("source"));
        assertEquals("'" + MINUS, o.get("note"), "arithmetic is a formula, not a number");
        assertEquals(SQL, o.get("qualitativeZh"));

        Map<String, byte[]> files = Map.of("departments", departments, "plans", plans, "indicators", indicators, "observations", observations);
        files.forEach((entity, csv) -> given().contentType("text/csv").body(csv).queryParam("entity", entity)
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("counts." + entity + ".CREATED", equalTo(0)).body("counts." + entity + ".UPDATED", equalTo(0)));
        given().contentType("text/csv").body(observations).queryParam("entity", "observations").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200).body("counts.observations.UNCHANGED", equalTo(1));
        storedVerbatim();
    }

    @Test
    void xlsxHoldsFormulaLikeTextAsQuotePrefixedStringsAndImportsBackUnchanged() throws IOException {
        byte[] workbook = export("xlsx", null);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertInertText(cell(book, "departments", "code", department, "nameZh"), HYPERLINK);
            assertInertText(cell(book, "plans", "code", plan, "titleEn"), SUM);
            assertInertText(cell(book, "indicators", "code", indicator, "nameZh"), CMD);
            assertInertText(cell(book, "indicators", "code", indicator, "footnoteZh"), HYPERLINK);
            assertInertText(cell(book, "indicators", "code", indicator, "footnoteEn"), QUOTED);
            assertInertText(cell(book, "observations", "indicator", indicator, "source"), SUM);
            assertInertText(cell(book, "observations", "indicator", indicator, "note"), MINUS);
            Cell script = cell(book, "indicators", "code", indicator, "nameEn");
            assertEquals(SCRIPT, script.getStringCellValue());
            assertFalse(script.getCellStyle().getQuotePrefixed(), "text that is no formula keeps the plain style");
            Cell value = cell(book, "observations", "indicator", indicator, "value");
            assertEquals(CellType.NUMERIC, value.getCellType(), "numbers stay numbers");
            assertEquals(-0.5, value.getNumericCellValue());
        }
        given().contentType(XLSX).body(workbook).queryParam("dryRun", true).when().post("/api/v1/imports").then().statusCode(200)
                .body("counts.plans.UNCHANGED", equalTo(1)).body("counts.indicators.UNCHANGED", equalTo(1))
                .body("counts.observations.UNCHANGED", equalTo(1));
        given().contentType(XLSX).body(workbook).when().post("/api/v1/imports").then().statusCode(200)
                .body("counts.departments.UPDATED", equalTo(0)).body("counts.departments.CREATED", equalTo(0))
                .body("counts.indicators.UNCHANGED", equalTo(1)).body("counts.observations.UNCHANGED", equalTo(1));
        storedVerbatim();
    }

    @Test
    void jsonIsNoSpreadsheetAndStaysVerbatimBothWays() {
        byte[] json = export("json", null);
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/imports").then().statusCode(200)
                .body("counts.plans.UNCHANGED", equalTo(1)).body("counts.indicators.UNCHANGED", equalTo(1))
                .body("counts.observations.UNCHANGED", equalTo(1));
        JsonPath exported = JsonPath.from(new String(json, StandardCharsets.UTF_8));
        assertEquals(HYPERLINK, exported.getString("indicators.find { it.code == '" + indicator + "' }.footnoteZh"));
        assertEquals(QUOTED, exported.getString("indicators.find { it.code == '" + indicator + "' }.footnoteEn"));
        storedVerbatim();
    }
}
