package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The division-of-responsibility table (任务分工): departments by their printed names, deadlines as bureaus write them,
 * all rows or none, the bureau's own workbook read from its first sheet, and export then import changing nothing.
 */
@QuarkusTest
class TaskAssignmentsTest {

    private static final String HEADER = "序号,任务,牵头单位,配合单位,完成时限\n";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** A plan of 2030 with an area and two tasks under it; returns plan, area, first and second task codes. */
    private static List<String> plan() {
        String plan = Fixtures.createPlan("ANNUAL", 2030, 2030);
        String area = Fixtures.code("T");
        String first = Fixtures.code("T");
        String second = Fixtures.code("T");
        given().contentType(ContentType.JSON).body(TaskResourceTest.task(area, plan, null, 1, "加大就业创业支持力度")).post("/api/v1/tasks").then().statusCode(201);
        given().contentType(ContentType.JSON).body(TaskResourceTest.task(first, plan, area, 1, "开展50场次就业专场招聘会。")).post("/api/v1/tasks").then().statusCode(201);
        given().contentType(ContentType.JSON).body(TaskResourceTest.task(second, plan, area, 2, "新增养老床位350张。")).post("/api/v1/tasks").then().statusCode(201);
        return List.of(plan, area, first, second);
    }

    private static io.restassured.response.ValidatableResponse importCsv(String plan, String csv, boolean dryRun) {
        return given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("dryRun", dryRun)
                .when().post("/api/v1/plans/{code}/task-assignments", plan).then();
    }

    @Test
    void aBureauTableAssignsByNameAndDeadlineAsWritten() {
        List<String> p = plan();
        String csv = HEADER
                + p.get(2) + ",开展50场次就业专场招聘会。,区人社局,区发改局、区商务局,2030年6月底\n"
                + p.get(3) + ",,DRC,,2030年9月30日\n";
        importCsv(p.get(0), csv, false).statusCode(200).body("applied", equalTo(true))
                .body("counts.task-assignments.UPDATED", equalTo(2));
        given().when().get("/api/v1/tasks/{code}", p.get(2)).then().statusCode(200)
                .body("lead.nameZh", contains("区人社局")).body("supporting.code", contains("DRC", "COMMERCE"))
                .body("deadline", equalTo("2030-06-30")).body("deadlineFromPlan", equalTo(false));
        given().when().get("/api/v1/tasks/{code}", p.get(3)).then().statusCode(200)
                .body("lead.code", contains("DRC")).body("deadline", equalTo("2030-09-30"));

        // The export is the same table (names, the deadline in force); importing it back changes nothing.
        String exported = given().queryParam("format", "csv").when().get("/api/v1/plans/{code}/task-assignments", p.get(0)).then()
                .statusCode(200).header("Content-Disposition", containsString("planmonitor-" + p.get(0) + "-task-assignments.csv"))
                .extract().asString();
        assertEquals(HEADER
                + p.get(1) + ",加大就业创业支持力度,,,2030-12-31\n"
                + p.get(2) + ",开展50场次就业专场招聘会。,区人社局,区发改局、区商务局,2030-06-30\n"
                + p.get(3) + ",新增养老床位350张。,区发改局,,2030-09-30\n", exported.replace("\r\n", "\n"));
        importCsv(p.get(0), exported, false).statusCode(200).body("counts.task-assignments.UNCHANGED", equalTo(3));
        given().when().get("/api/v1/tasks/{code}", p.get(1)).then().statusCode(200).body("deadlineFromPlan", equalTo(true));
    }

    @Test
    void anyBadRowRejectsTheTableAndNamesEveryError() {
        List<String> p = plan();
        String csv = HEADER
                + p.get(2) + ",,区人社局,,2030-06-30\n"
                + p.get(3) + ",养老床位,区人社局,,\n"
                + "NO-SUCH-TASK,,区人社局,,\n"
                + p.get(2) + ",,区不存在局,,\n"
                + p.get(2) + ",,区人社局,,下月\n";
        problem(importCsv(p.get(0), csv, false), 422)
                .body("errors.row", contains(2, 3, 4, 5))
                .body("errors.field", contains("任务", "序号", "牵头单位", "完成时限"))
                .body("errors[2].message", containsString("区不存在局"));
        // Nothing was written: the first, good row did not assign its task.
        given().when().get("/api/v1/tasks/{code}", p.get(2)).then().statusCode(200).body("lead.size()", equalTo(0));
        // A dry run of a good table reports and writes nothing.
        importCsv(p.get(0), HEADER + p.get(2) + ",,区人社局,,\n", true).statusCode(200).body("applied", equalTo(false))
                .body("counts.task-assignments.UPDATED", equalTo(1));
        given().when().get("/api/v1/tasks/{code}", p.get(2)).then().statusCode(200).body("lead.size()", equalTo(0));
        // A cell's size is bounded before its names are looked up.
        problem(importCsv(p.get(0), HEADER + p.get(2) + ",," + String.join("、", java.util.Collections.nCopies(21, "区发改局")) + ",,\n", false), 422)
                .body("errors[0].field", equalTo("牵头单位")).body("errors[0].message", containsString("at most 20"));
        // Only planners assign; an unknown plan is a 404.
        problem(given().header("Authorization", Tokens.bearer(Tokens.department("DRC"))).contentType("text/csv").body((HEADER + p.get(2) + ",,区人社局,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/{code}/task-assignments", p.get(0)).then(), 403);
        problem(importCsv("NO-SUCH-PLAN", HEADER + p.get(2) + ",,区人社局,,\n", false), 404);
        problem(given().queryParam("format", "json").when().get("/api/v1/plans/{code}/task-assignments", p.get(0)).then(), 400);
    }

    @Test
    void aWorkbookIsReadFromItsFirstSheetWhateverItsName() throws IOException {
        List<String> p = plan();
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Sheet1");
            String[][] cells = {{"序号", "任务", "牵头单位", "配合单位", "完成时限"}, {p.get(3), "新增养老床位350张。", "区城管局", "区卫计局", "2030年底"}};
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    sheet.createRow(r).createCell(c);
                }
            }
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.getRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    (row.getCell(c) == null ? row.createCell(c) : row.getCell(c)).setCellValue(cells[r][c]);
                }
            }
            book.createSheet("说明").createRow(0).createCell(0).setCellValue("这张表不读");
            book.write(out);
            workbook = out.toByteArray();
        }
        given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType(XLSX).body(workbook)
                .when().post("/api/v1/plans/{code}/task-assignments", p.get(0)).then().statusCode(200)
                .body("counts.task-assignments.UPDATED", equalTo(1));
        given().when().get("/api/v1/tasks/{code}", p.get(3)).then().statusCode(200)
                .body("lead.nameZh", contains("区城管局")).body("supporting.nameZh", hasItems("区卫计局")).body("deadline", equalTo("2030-12-31"));
        // And an exported workbook goes back in unchanged.
        byte[] exported = given().queryParam("format", "xlsx").when().get("/api/v1/plans/{code}/task-assignments", p.get(0)).then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType(XLSX).body(exported)
                .when().post("/api/v1/plans/{code}/task-assignments", p.get(0)).then().statusCode(200)
                .body("counts.task-assignments.UNCHANGED", equalTo(3));
    }
}
