package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A large table (8,000 observations of one plan; 20,000 were measured, the build keeps it smaller) exported whole:
 * rows are written as read through a database cursor, a chunk at a time, and the workbook keeps a window of rows in memory (the rest in temporary files).
 * The file must still be complete and well-formed, and import back unchanged. Its size and time are printed, not
 * asserted. (A printed estimate of the heap it held, sampled with a full collection every 100 ms, cost the build more
 * than the export itself and went; a heap figure belongs to a benchmark.)
 */
@QuarkusTest
class LargeExportTest {

    private static final int INDICATORS = 400;
    private static final int FIRST_YEAR = 2001;
    private static final int YEARS = 20;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aLargeTableIsExportedCompleteAndWellFormed() throws Exception {
        Fixtures.seeds();
        String plan = Fixtures.code("BIG");
        importCsv("plans", "code,kind,startYear,endYear,titleZh,titleEn,parent\n"
                + plan + ",FIVE_YEAR," + FIRST_YEAR + "," + (FIRST_YEAR + YEARS - 1) + ",大表规划,Large plan,\n");
        StringBuilder indicators = new StringBuilder("code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,"
                + "targetText,targetKind,targetReference,series,footnoteZh,footnoteEn\n");
        StringBuilder observations = new StringBuilder("indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,"
                + "qualitativeEn,comparable,source,note\n");
        for (int i = 1; i <= INDICATORS; i++) {
            String code = plan + "-" + i;
            indicators.append(code).append(',').append(plan).append(',').append(i).append(",指标").append(i).append(",Indicator ").append(i)
                    .append(",ECONOMY,亿元,EXPECTED,INCREASE,DRC:LEAD,").append(i).append("%左右,,,,,\n");
            for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                // every tenth note is formula-like: guarded in the workbook, and back unchanged by the import
                observations.append(code).append(',').append(year).append(",,").append(i).append('.').append(year % 100).append(",6.5,,FINAL,,,true,")
                        .append("统计年鉴 ").append(year).append(',').append(year % 10 == 0 ? "=SUM(A1:A9)" : "note " + i + "/" + year).append('\n');
            }
        }
        importCsv("indicators", indicators.toString());
        importCsv("observations", observations.toString());
        int rows = INDICATORS * YEARS;

        long started = System.nanoTime();
        byte[] workbook = given().queryParam("format", "xlsx").queryParam("plan", plan).when().get("/api/v1/exports")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        System.out.printf("[large export] %d observations: %d bytes of XLSX in %d ms%n", rows, workbook.length,
                (System.nanoTime() - started) / 1_000_000);

        Map<String, int[]> sheets = rowsAndCells(workbook);
        assertEquals(List.of("departments", "plans", "indicators", "tasks", "observations"), new ArrayList<>(sheets.keySet()));
        assertEquals(1, sheets.get("tasks")[0], "the header: the plan has no tasks");
        assertEquals(1 + 1, sheets.get("plans")[0], "header and the plan");
        assertEquals(1 + INDICATORS, sheets.get("indicators")[0], "header and every indicator");
        assertEquals(1 + rows, sheets.get("observations")[0], "header and every observation");

        // complete and well-formed enough for the import to read every row back, unchanged
        given().contentType(XLSX).body(workbook).queryParam("dryRun", true).when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.plans.UNCHANGED", equalTo(1)).body("counts.indicators.UNCHANGED", equalTo(INDICATORS))
                .body("counts.observations.UNCHANGED", equalTo(rows)).body("counts.observations.UPDATED", equalTo(0));

        String csv = given().queryParam("format", "csv").queryParam("entity", "observations").queryParam("plan", plan)
                .when().get("/api/v1/exports").then().statusCode(200).extract().asString();
        assertEquals(1 + rows, csv.split("\n").length, "header and every observation");
        assertEquals(plan + "-" + INDICATORS + "," + (FIRST_YEAR + YEARS - 1) + ",," + INDICATORS + ".2,6.5,,FINAL,,,true,统计年鉴 "
                + (FIRST_YEAR + YEARS - 1) + ",'=SUM(A1:A9),,,", csv.substring(csv.lastIndexOf('\n', csv.length() - 2) + 1).trim(),
                "the last row last, in order, its formula-like note guarded (completed, evidence and recordedAt left empty)");
    }

    private static void importCsv(String entity, String csv) {
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("entity", entity)
                .when().post("/api/v1/imports").then().statusCode(200).body("applied", equalTo(true));
    }

    /** Rows and cells per sheet, read with a SAX parser (a malformed sheet fails here), in the workbook's order. */
    private static Map<String, int[]> rowsAndCells(byte[] workbook) throws Exception {
        Map<String, int[]> sheets = new LinkedHashMap<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook))) {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    int[] counts = new int[2];
                    factory.newSAXParser().parse(sheet, new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String localName, String qName, Attributes attributes) {
                            if (localName.equals("row")) {
                                counts[0]++;
                            } else if (localName.equals("c")) {
                                counts[1]++;
                            }
                        }
                    });
                    sheets.put(it.getSheetName(), counts);
                }
            }
        }
        return sheets;
    }
}
