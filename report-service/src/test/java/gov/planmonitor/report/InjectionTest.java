package gov.planmonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.render.HtmlRenderer;
import gov.planmonitor.report.render.MarkdownRenderer;
import gov.planmonitor.report.render.XlsxRenderer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static gov.planmonitor.testsupport.Injection.CMD;
import static gov.planmonitor.testsupport.Injection.HYPERLINK;
import static gov.planmonitor.testsupport.Injection.SCRIPT;
import static gov.planmonitor.testsupport.Injection.SQL;
import static gov.planmonitor.testsupport.Injection.SUM;
import static gov.planmonitor.testsupport.Injection.assertInertText;
import static gov.planmonitor.testsupport.Injection.cell;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names from the other services that look like a script, a formula or SQL: the report keeps them verbatim in its
 * content and renders them inert in every format (escaped in HTML and Markdown, text in PDF, string cells in XLSX).
 */
@QuarkusTest
class InjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "INJ-KEY";
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String LINK = "- [click](javascript:alert(1))";

    private static String id;

    @Inject
    HtmlRenderer html;
    @Inject
    MarkdownRenderer markdown;
    @Inject
    XlsxRenderer xlsx;

    /** The FYP13-KEY stand-ins as list INJ-KEY, with hostile list, category and project names. */
    @BeforeEach
    void hostileProjectList() throws IOException {
        DownstreamMock.healthy();
        ObjectNode list = read("fyp13-key-list.json");
        list.put("code", LIST).put("nameZh", SCRIPT).put("nameEn", HYPERLINK);
        ObjectNode summary = read("fyp13-key-summary.json");
        summary.set("list", list);
        ((ObjectNode) summary.at("/byCategory/0/category")).put("nameZh", SUM);
        ObjectNode projects = read("fyp13-key-projects.json");
        ObjectNode first = (ObjectNode) projects.at("/items/0");
        first.put("nameZh", HYPERLINK).put("nameEn", SCRIPT);
        ((ObjectNode) first.at("/category")).put("nameZh", SUM);
        stub("/api/v1/project-lists/" + LIST, list);
        stub("/api/v1/project-lists/" + LIST + "/summary", summary);
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/projects")).withQueryParam("list", equalTo(LIST))
                .willReturn(DownstreamMock.json(200, projects.toString())));
        if (id == null) {
            id = Reports.generated("{\"type\":\"PROJECT_PROGRESS\",\"list\":\"" + LIST + "\",\"year\":2017}");
        }
    }

    private static ObjectNode read(String resource) throws IOException {
        return (ObjectNode) JSON.readTree(DownstreamMock.resource(resource));
    }

    private static void stub(String path, JsonNode body) {
        DownstreamMock.server.stubFor(get(urlPathEqualTo(path)).willReturn(DownstreamMock.json(200, body.toString())));
    }

    private static byte[] content(String format) {
        return given().queryParam("format", format).when().get("/api/v1/reports/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
    }

    @Test
    void theContentKeepsTheNamesVerbatim() throws IOException {
        JsonNode content = JSON.readTree(content("json"));
        assertEquals(HYPERLINK, content.at("/projectRows/0/nameZh").asText());
        assertEquals(SCRIPT, content.at("/projectRows/0/nameEn").asText());
        assertTrue(content.at("/titleZh").asText().startsWith(SCRIPT));
    }

    @Test
    void htmlEscapesThemAndStaysWellFormed() throws Exception {
        String html = new String(content("html"), StandardCharsets.UTF_8);
        assertHtmlInert(html);
        assertTrue(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"), html);
        assertTrue(html.contains("@SUM(1+1)"), "the category, in the table and in the chart");
    }

    @Test
    void markdownHasNoHtmlOfTheData() {
        String md = new String(content("md"), StandardCharsets.UTF_8);
        assertFalse(md.contains("<script"), md);
        assertTrue(md.startsWith("# " + ESCAPED_SCRIPT), md);
    }

    @Test
    void pdfShowsThemAsText() throws IOException {
        try (PDDocument document = Loader.loadPDF(content("pdf"))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(SCRIPT), text);
            assertTrue(text.contains(HYPERLINK), text);
        }
    }

    @Test
    void xlsxHoldsThemAsQuotePrefixedStrings() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content("xlsx")))) {
            assertInertText(cell(workbook, "项目 Projects", "代码 Code", "FYP13-KP-01", "项目名称 Project"), HYPERLINK);
            assertInertText(cell(workbook, "项目 Projects", "代码 Code", "FYP13-KP-01", "类别 Category"), SUM);
            assertInertText(cell(workbook, "项目投资 Investment by category", "代码 Code", "FUNCTIONAL_ZONES", "类别 Category"), SUM);
        }
    }

    /** The renderers on an indicator table of hostile names, a hostile narrative and a link, as no downstream fixture has them. */
    @Test
    void indicatorTableOfHostileNames() throws Exception {
        ObjectNode content;
        try (InputStream in = InjectionTest.class.getResourceAsStream("/content/project-progress.json")) {
            content = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode indicator = (ObjectNode) content.at("/indicators/0");
        indicator.put("nameZh", SCRIPT).put("nameEn", CMD).put("target", HYPERLINK).put("explanationZh", SQL);
        content.put("narrativeZh", LINK);
        ReportContentDto typed = JSON.treeToValue(content, ReportContentDto.class);

        assertHtmlInert(html.render(typed));

        String md = markdown.render(typed);
        assertFalse(md.contains("<script"), md);
        String row = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| 3 |")).findFirst().orElseThrow();
        assertTrue(row.contains(ESCAPED_SCRIPT + "（约束性）<br>+cmd\\|' /C calc'!A0"), row);
        assertEquals(7, Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count(), "six cells: the name's pipe ends none: " + row);
        assertTrue(md.contains("\n\\- \\[click\\](javascript:alert(1))\n"), "no list item, no link: " + md);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.render(typed)))) {
            assertInertText(cell(workbook, "指标 Indicators", "代码 Code", "AP2018-03", "目标 Target"), HYPERLINK);
            assertInertText(cell(workbook, "指标 Indicators", "代码 Code", "AP2018-03", "Indicator (English)"), CMD);
            assertEquals(SCRIPT, cell(workbook, "指标 Indicators", "代码 Code", "AP2018-03", "指标名称 Indicator").getStringCellValue());
        }
    }

    /** No script element from the data, the data's script escaped, and well-formed for the PDF. */
    private static void assertHtmlInert(String html) throws Exception {
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertTrue(html.contains(ESCAPED_SCRIPT), html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
