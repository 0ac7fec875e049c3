package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

/** Bodies, imports and XLSX files past the limits are refused with a Problem, and the service keeps answering. */
@QuarkusTest
class LimitsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aBodyOverTenMegabytesIsRefusedWith413() {
        byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        problem(given().contentType("application/json").body(body).when().post("/api/v1/plans").then(), 413)
                .body("detail", containsString("at most 10485760"));
        problem(given().contentType("text/csv").body(body).when().post("/api/v1/imports?entity=plans").then(), 413);
        stillAnswers();
    }

    @Test
    void anImportWithTooManyRowsIsRefusedAndWritesNothing() {
        String code = Fixtures.code("ROWS");
        StringBuilder csv = new StringBuilder("code,kind,startYear,endYear,titleZh,titleEn,parent\n");
        for (int i = 0; i <= 50_000; i++) {
            csv.append(code).append('-').append(i).append(",FIVE_YEAR,2021,2025,规划,Plan,\n");
        }
        problem(given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports?entity=plans").then(), 413)
                .body("detail", containsString("more than 50000 data rows"));
        problem(given().when().get("/api/v1/plans/" + code + "-0").then(), 404);
        stillAnswers();
    }

    /**
     * A workbook of 100,000 ordinary rows, well under the body and expansion limits: the row limit refuses it while the
     * sheet is being read (a row at a time), not after the whole workbook is in memory.
     */
    @Test
    void anXlsxWithTooManyRowsIsRefusedWhileItIsRead() throws IOException {
        String code = Fixtures.code("XROWS");
        byte[] workbook;
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, true, true); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("plans");
            String[] columns = {"code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            for (int r = 1; r <= 100_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(code + "-" + r);
                row.createCell(1).setCellValue("FIVE_YEAR");
                row.createCell(2).setCellValue(2021);
                row.createCell(3).setCellValue(2025);
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        problem(given().contentType(XLSX).body(workbook).when().post("/api/v1/imports?dryRun=true").then(), 413)
                .body("detail", containsString("more than 50000 data rows"));
        problem(given().when().get("/api/v1/plans/" + code + "-1").then(), 404);
        stillAnswers();
    }

    /** A workbook of a few hundred kilobytes whose sheet expands to tens of megabytes: POI refuses to inflate it. */
    @Test
    void anXlsxZipBombIsRefusedWhileTheServiceKeepsAnswering() throws IOException {
        byte[] bomb = zipBomb();
        org.junit.jupiter.api.Assertions.assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small: " + bomb.length);
        problem(given().contentType(XLSX).body(bomb).when().post("/api/v1/imports").then(), 413)
                .body("detail", containsString("XLSX"));
        stillAnswers();
    }

    private static byte[] zipBomb() throws IOException {
        String filler = "越秀区".repeat(200);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("plans");
            Row header = sheet.createRow(0);
            String[] columns = {"code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            for (int r = 1; r <= 20_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("BOMB-" + r);
                row.createCell(4).setCellValue(filler);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void stillAnswers() {
        given().when().get("/api/v1/plans").then().statusCode(200).body("total", greaterThan(-1));
    }
}
