package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every format of a report's content, read through HTTP as a client would. */
@QuarkusTest
class ReportFormatsTest {

    private static final Logger LOG = Logger.getLogger(ReportFormatsTest.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static String id;

    @BeforeEach
    void annualReport() {
        DownstreamMock.healthy();
        if (id == null) {
            id = Reports.generated(Reports.ANNUAL_2017);
        }
    }

    private static String url() {
        return "/api/v1/reports/" + id + "/content";
    }

    private static ExtractableResponse<Response> get(String format) {
        long start = System.nanoTime();
        ExtractableResponse<Response> response = given().queryParam("format", format).when().get(url()).then().statusCode(200).extract();
        LOG.infof("format=%s: %d bytes in %d ms", format, response.asByteArray().length, (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    @Test
    void htmlIsAStandalonePageWithTheTableAndTwoCharts() throws Exception {
        ExtractableResponse<Response> response = get("html");
        assertEquals("text/html;charset=UTF-8", response.contentType().replace(" ", ""));
        assertEquals("inline; filename=\"report-" + id + ".html\"", response.header("Content-Disposition"));
        String html = response.asString();
        assertTrue(html.contains("地区生产总值"), "the indicator's Chinese name");
        assertTrue(html.contains("Regional gross domestic product"), "and its English name");
        assertEquals(2, count(html, "<svg"), "verdicts by category and investment by category");
        assertTrue(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\""));
        assertTrue(html.contains("<meta charset=\"utf-8\"/>"));
        assertTrue(html.contains("<link rel=\"icon\" href=\"data:,\"/>"), "no favicon request");
        assertTrue(html.contains("font-family: \"Droid Sans Fallback\", \"Noto Sans CJK SC\""), "a CJK font first");
        assertFalse(html.toLowerCase().contains("<script"), "no script at all");
        assertTrue(html.contains("重大生产力建设工程") && html.contains("Major people&#39;s"), "categories, escaped");
        assertTrue(html.contains("数据截至 2018年2月8日 08:00（北京时间）"), "asOf in Beijing time");

        // Well-formed XML, as the PDF renderer needs it.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        assertEquals(2, dom.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
    }

    @Test
    void pdfHasTheChineseTextExtractableInAnEmbeddedFont() throws Exception {
        ExtractableResponse<Response> response = get("pdf");
        assertEquals("application/pdf", response.contentType());
        assertEquals("inline; filename=\"report-" + id + ".pdf\"", response.header("Content-Disposition"));
        byte[] pdf = response.asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("地区生产总值"), text);
            assertTrue(text.contains("单位GDP能耗下降率"), text);
            assertTrue(text.contains("Regional gross domestic"), text);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("DroidSansFallback")), "the CJK font is used: " + fonts);
            assertEquals("2018-02-08T00:00:00Z", document.getDocumentInformation().getCreationDate().toInstant().toString());

            // The PDF and a picture of its page 1 to look at, next to the browser's screenshot.
            Files.createDirectories(BrowserTest.SCREENSHOTS);
            Files.write(BrowserTest.SCREENSHOTS.resolve("annual-execution-2017.pdf"), pdf);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 60), "png",
                    BrowserTest.SCREENSHOTS.resolve("annual-execution-2017-pdf-page1.png").toFile());
        }
    }

    @Test
    void xlsxHasNumericCellsAndASheetPerTable() throws Exception {
        ExtractableResponse<Response> response = get("xlsx");
        assertEquals(XLSX, response.contentType());
        assertEquals("inline; filename=\"report-" + id + ".xlsx\"", response.header("Content-Disposition"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet indicators = workbook.getSheet("指标 Indicators");
            assertNotNull(indicators, "indicator sheet");
            Row gdp = rowWith(indicators, "代码 Code", "AP2017-01");
            Cell value = cell(indicators, gdp, "完成值 Value");
            assertEquals(CellType.NUMERIC, value.getCellType());
            assertEquals(3193, value.getNumericCellValue());
            Cell growth = cell(indicators, gdp, "增速（%）Growth %");
            assertEquals(CellType.NUMERIC, growth.getCellType());
            assertEquals(6.1, growth.getNumericCellValue());
            assertEquals("完成", cell(indicators, gdp, "评价 Verdict").getStringCellValue());
            Row energy = rowWith(indicators, "代码 Code", "AP2017-06");
            assertEquals(CellType.BLANK, cell(indicators, energy, "完成值 Value").getCellType(), "no figure yet: blank, not text");
            assertEquals("预计可完成", cell(indicators, energy, "定性情况 Qualitative").getStringCellValue());

            Sheet investment = workbook.getSheet("项目投资 Investment by category");
            assertNotNull(investment, "investment sheet");
            Row productive = rowWith(investment, "代码 Code", "PRODUCTIVE_CAPACITY");
            assertEquals(1424440000d, cell(investment, productive, "计划投资（元）Planned (yuan)").getNumericCellValue());
            Row total = rowWith(investment, "类别 Category", "合计");
            assertEquals(2390000000d, cell(investment, total, "完成投资（元）Completed (yuan)").getNumericCellValue());
            assertEquals(112.5, cell(investment, total, "完成率（%）Completion %").getNumericCellValue());
            assertNull(workbook.getSheet("项目 Projects"), "no project rows in an annual execution report");
        }
    }

    @Test
    void markdownIsATable() {
        ExtractableResponse<Response> response = get("md");
        assertTrue(response.contentType().startsWith("text/markdown"));
        assertEquals("inline; filename=\"report-" + id + ".md\"", response.header("Content-Disposition"));
        String md = response.asString();
        assertTrue(md.contains("| 序号 | 指标 Indicator | 目标 Target | 完成 Value | 增速 Growth % | 评价 Verdict |\n|---|---|---|---|---|---|\n"), md);
        assertTrue(md.contains("| 1 | 地区生产总值（简称“GDP”）<br>Regional gross domestic product (GDP) | 6.5%左右 | 3193 亿元 | 6.1 | 完成 Achieved |"), md);
    }

    @Test
    void jsonHasNoContentDispositionAndCarriesVerdictsByCategory() {
        given().when().get(url()).then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", (String) null)
                .body("indicators[0].category.code", equalTo("ECONOMY"))
                .body("verdictsByCategory[0].nameZh", equalTo("经济发展"))
                .body("verdictsByCategory[0].counts.ACHIEVED", equalTo(1))
                .body("verdictsByCategory[1].counts.NOT_EVALUABLE", equalTo(1));
    }

    @Test
    void acceptChoosesTheFormatWhenThereIsNoFormatParameter() {
        given().accept("application/pdf").when().get(url()).then().statusCode(200).contentType("application/pdf");
        given().accept(XLSX).when().get(url()).then().statusCode(200).contentType(XLSX);
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").when().get(url())
                .then().statusCode(200).contentType(startsWith("text/html"));
        given().accept("text/markdown").when().get(url()).then().statusCode(200).contentType(startsWith("text/markdown"));
        given().accept("*/*").when().get(url()).then().statusCode(200).contentType(startsWith("application/json"));
        // format= wins over Accept.
        given().accept("application/pdf").queryParam("format", "html").when().get(url()).then().statusCode(200)
                .contentType(startsWith("text/html"));
    }

    @Test
    void anUnknownFormatIsAProblemListingTheFormats() {
        given().queryParam("format", "docx").when().get(url()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("detail", containsString("json, markdown, md, html, pdf, xlsx"));
    }

    @Test
    void readingTwiceGivesTheSameBytes() {
        for (String format : List.of("json", "md", "html", "pdf")) {
            byte[] first = get(format).asByteArray();
            byte[] again = get(format).asByteArray();
            assertArrayEquals(first, again, format + " is stable");
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int column(Sheet sheet, String header) {
        for (Cell c : sheet.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    private static Row rowWith(Sheet sheet, String header, String value) {
        int c = column(sheet, header);
        for (Row row : sheet) {
            Cell cell = row.getCell(c);
            if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + header + " = " + value);
    }

    private static Cell cell(Sheet sheet, Row row, String header) {
        return row.getCell(column(sheet, header), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }
}
