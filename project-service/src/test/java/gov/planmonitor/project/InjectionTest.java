package gov.planmonitor.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.testsupport.Injection.HYPERLINK;
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

/** A project named like a formula, a script or SQL: stored verbatim, exported inert, imported back unchanged. */
@QuarkusTest
class InjectionTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private String list;
    private String project;

    @BeforeEach
    void hostileProject() {
        Fixtures.loadSeeds();
        list = Fixtures.list(2017);
        project = Fixtures.code("P");
        given().contentType(ContentType.JSON).body(Map.of("id", project, "nameZh", HYPERLINK, "nameEn", SCRIPT,
                        "category", "PEOPLES_LIVELIHOOD", "tasksZh", SUM, "tasksEn", SQL, "note", QUOTED,
                        "location", Map.of("latitude", -33.5, "longitude", 151.25), "lists", List.of(Map.of("code", list, "seq", 1))))
                .when().post("/api/v1/projects").then().statusCode(201);
    }

    private void storedVerbatim() {
        given().when().get("/api/v1/projects/{id}", project).then().statusCode(200)
                .body("nameZh", equalTo(HYPERLINK)).body("nameEn", equalTo(SCRIPT)).body("tasksZh", equalTo(SUM))
                .body("tasksEn", equalTo(SQL)).body("note", equalTo(QUOTED));
    }

    @Test
    void csvAndXlsxExportsAreInertAndImportBackUnchanged() throws IOException {
        storedVerbatim();
        byte[] csv = given().queryParam("format", "csv").queryParam("entity", "projects").queryParam("list", list)
                .when().get("/api/v1/exports").then().statusCode(200).extract().asByteArray();
        Map<String, String> row = csvRow(csv, "code", project);
        assertEquals("'" + HYPERLINK, row.get("nameZh"));
        assertEquals(SCRIPT, row.get("nameEn"));
        assertEquals("'" + SUM, row.get("tasksZh"));
        assertEquals(SQL, row.get("tasksEn"));
        assertEquals("'" + QUOTED, row.get("note"));
        assertEquals("-33.5", row.get("latitude"), "a negative number stays a number");
        given().contentType("text/csv").body(csv).queryParam("entity", "projects").when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.projects.UNCHANGED", equalTo(1)).body("counts.projects.UPDATED", equalTo(0));

        byte[] book = given().queryParam("format", "xlsx").queryParam("list", list).when().get("/api/v1/exports")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertInertText(cell(workbook, "projects", "code", project, "nameZh"), HYPERLINK);
            assertInertText(cell(workbook, "projects", "code", project, "tasksZh"), SUM);
            assertInertText(cell(workbook, "projects", "code", project, "note"), QUOTED);
            Cell latitude = cell(workbook, "projects", "code", project, "latitude");
            assertEquals(CellType.NUMERIC, latitude.getCellType());
            assertEquals(-33.5, latitude.getNumericCellValue());
        }
        given().contentType(XLSX).body(book).when().post("/api/v1/imports").then().statusCode(200)
                .body("counts.projects.UNCHANGED", equalTo(1)).body("counts.projects.UPDATED", equalTo(0));
        storedVerbatim();
    }
}
