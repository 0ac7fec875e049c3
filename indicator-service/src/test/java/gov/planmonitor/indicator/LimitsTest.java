package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.DeepBodies;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
            // One row over the limit is enough: the refusal comes while the rows are read, before any is applied.
            for (int r = 1; r <= 50_001; r++) {
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

    /** The 1.5 KB workbook that once stopped the service: one cell whose reference lies far beyond the last column (XFD). */
    @Test
    void aCellReferenceOutsideAWorksheetIsRefused() throws IOException {
        byte[] workbook = rewriteSheet(plansWorkbook(Fixtures.code("REF"), 0), xml -> xml.replace("r=\"A2\"", "r=\"AAAAAAA2\""));
        org.junit.jupiter.api.Assertions.assertTrue(workbook.length < 8 * 1024, "the workbook is small: " + workbook.length);
        problem(given().contentType(XLSX).body(workbook).when().post("/api/v1/imports").then(), 422)
                .body("errors[0].message", containsString("outside a worksheet"));
        // A row number past the last row too.
        byte[] lowRow = rewriteSheet(plansWorkbook(Fixtures.code("REF"), 0), xml -> xml.replace("r=\"2\"", "r=\"99999999\""));
        problem(given().contentType(XLSX).body(lowRow).when().post("/api/v1/imports").then(), 422)
                .body("errors[0].message", containsString("rows 1 to 1048576"));
        stillAnswers();
    }

    /** A value in a column right of every column an import has is refused; an empty formatted cell there is not. */
    @Test
    void aValueRightOfTheImportsColumnsIsRefusedAndAnEmptyFormattedCellIsNot() throws IOException {
        String code = Fixtures.code("WIDE");
        problem(given().contentType(XLSX).body(plansWorkbook(code, 16_383)).when().post("/api/v1/imports").then(), 422)
                .body("errors[0].message", containsString("XFD2 holds a value right of the import's columns"));
        byte[] styledOnly;
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(plansWorkbook(code, -1))); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var style = book.createCellStyle();
            style.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            book.getSheet("plans").getRow(1).createCell(16_383).setCellStyle(style);
            book.write(out);
            styledOnly = out.toByteArray();
        }
        given().contentType(XLSX).body(styledOnly).when().post("/api/v1/imports?dryRun=true").then().statusCode(200)
                .body("counts.plans.CREATED", org.hamcrest.Matchers.equalTo(1));
        stillAnswers();
    }

    /** Parts that each stay under the per-part limit but together expand past the total: refused before POI opens them. */
    @Test
    void partsThatTogetherExpandTooFarAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int part = 0; part < 5; part++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/filler" + part + ".bin"));
                for (int mb = 0; mb < 12; mb++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(out.size() < 1024 * 1024, "the file is small: " + out.size());
        problem(given().contentType(XLSX).body(out.toByteArray()).when().post("/api/v1/imports").then(), 413)
                .body("detail", containsString("in all"));
        stillAnswers();
    }

    /** A CSV record of endless fields or one endless quoted field is stopped while it is read. */
    @Test
    void csvRecordsAreBoundedInFieldsAndLength() {
        String header = "code,kind,startYear,endYear,titleZh,titleEn,parent\n";
        problem(given().contentType("text/csv").body(header + ",".repeat(200_000) + "\n").when().post("/api/v1/imports?entity=plans").then(), 422)
                .body("errors[0].row", org.hamcrest.Matchers.equalTo(1))
                .body("errors[0].message", containsString("more than 39 fields"));
        problem(given().contentType("text/csv").body(",".repeat(200_000) + "\n").when().post("/api/v1/imports?entity=plans").then(), 422)
                .body("errors[0].message", containsString("the header has more than"));
        problem(given().contentType("text/csv").body(header + "X,FIVE_YEAR,2021,2025,\"" + "甲".repeat(2_000_000)).when().post("/api/v1/imports?entity=plans").then(), 422)
                .body("errors[0].message", containsString("longer than 1048576 characters"));
        problem(given().contentType("text/csv").body(header + "X,FIVE_YEAR,2021,2025," + "甲".repeat(40_000) + ",x,\n").when().post("/api/v1/imports?entity=plans").then(), 422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("titleZh"))
                .body("errors[0].message", containsString("at most 32767"));
        stillAnswers();
    }

    /** A JSON import is read a row at a time: containers inside a row are skipped, not built, and absurd numbers refused. */
    @Test
    void jsonImportRowsAreBounded() {
        String code = Fixtures.code("JSN");
        String row = "{\"code\":\"" + code + "\",\"kind\":\"FIVE_YEAR\",\"startYear\":2021,\"endYear\":2025,\"titleZh\":\"甲\",\"titleEn\":\"x\",\"parent\":null";
        problem(given().contentType("application/json").body("{\"plans\":[" + row.replace("\"x\"", "[" + "0,".repeat(500_000) + "0]") + "}]}")
                .when().post("/api/v1/imports").then(), 422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("titleEn"))
                .body("errors[0].message", containsString("must be a string, number or boolean"));
        problem(given().contentType("application/json").body("{\"plans\":[" + row.replace("2021", "1e999999999") + "}]}")
                .when().post("/api/v1/imports").then(), 422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("startYear"));
        problem(DeepBodies.given().contentType("application/json").body("{\"plans\":[" + row.replace("\"x\"", "[".repeat(10_000) + "]".repeat(10_000)) + "}]}")
                .when().post("/api/v1/imports").then(), 422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("not valid JSON")));
        given().contentType("application/json").body("{\"plans\":[" + row + "}]}").when().post("/api/v1/imports?dryRun=true").then().statusCode(200);
        stillAnswers();
    }

    /** A file of thousands of bad rows lists the first thousand errors and says how many more there were. */
    @Test
    void errorsAreListedUpToAThousand() {
        StringBuilder csv = new StringBuilder("code,kind,startYear,endYear,titleZh,titleEn,parent\n");
        String code = Fixtures.code("ERR");
        for (int i = 0; i < 1_500; i++) {
            csv.append(code).append('-').append(i).append(",SIX_YEAR,2021,2025,甲,x,\n");
        }
        problem(given().contentType("text/csv").body(csv.toString()).when().post("/api/v1/imports?entity=plans").then(), 422)
                .body("errors.size()", org.hamcrest.Matchers.equalTo(1_001))
                .body("errors[999].row", org.hamcrest.Matchers.equalTo(1_000))
                .body("errors[1000].message", containsString("500 more errors are not listed"));
        problem(given().when().get("/api/v1/plans/" + code + "-0").then(), 404);
    }

    /** A one-sheet workbook of plans with one data row; a value at {@code extraColumn} (0-based) of that row when not negative. */
    private static byte[] plansWorkbook(String code, int extraColumn) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("plans");
            String[] columns = {"code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent"};
            Object[] values = {code, "FIVE_YEAR", 2021, 2025, "规划", "Plan", null};
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
                if (values[i] instanceof Integer n) {
                    row.createCell(i).setCellValue(n);
                } else if (values[i] != null) {
                    row.createCell(i).setCellValue((String) values[i]);
                }
            }
            if (extraColumn >= 0) {
                row.createCell(extraColumn).setCellValue("note");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with its first sheet's XML edited, every other part as it was. */
    private static byte[] rewriteSheet(byte[] workbook, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String edited = edit.apply(xml);
                    org.junit.jupiter.api.Assertions.assertNotEquals(xml, edited, "the edit applies to the sheet");
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void stillAnswers() {
        given().when().get("/api/v1/plans").then().statusCode(200).body("total", greaterThan(-1));
    }
}
