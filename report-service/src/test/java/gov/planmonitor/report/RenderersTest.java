package gov.planmonitor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.report.config.ReportConfig;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.render.HtmlRenderer;
import gov.planmonitor.report.render.MarkdownRenderer;
import gov.planmonitor.report.render.PdfFontMissing;
import gov.planmonitor.report.render.PdfRenderer;
import gov.planmonitor.report.render.ReportFormat;
import gov.planmonitor.report.render.XlsxRenderer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renderers on content shapes the annual report does not have: a project progress report with a department,
 * project rows and no project summary, stored before verdictsByCategory existed, with text that needs escaping.
 * The renderers take their wording from the message bundles, so they run in the application.
 */
@QuarkusTest
class RenderersTest {

    /** Lenient, as content stored by hand may be: yuan as decimal strings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HtmlRenderer html;
    @Inject
    MarkdownRenderer markdown;
    @Inject
    XlsxRenderer xlsx;

    private static ReportContentDto projectProgress() throws IOException {
        try (InputStream in = RenderersTest.class.getResourceAsStream("/content/project-progress.json")) {
            return JSON.readValue(in, ReportContentDto.class);
        }
    }

    static ReportConfig fonts(String cjk) {
        return new ReportConfig() {
            @Override
            public Worker worker() {
                return new Worker() {
                    @Override
                    public Duration staleAfter() {
                        return Duration.ofMinutes(2);
                    }

                    @Override
                    public String poll() {
                        return "1s";
                    }

                    @Override
                    public int maxAttempts() {
                        return 3;
                    }
                };
            }

            @Override
            public Pdf pdf() {
                return new Pdf() {
                    @Override
                    public Path font() {
                        return Path.of(cjk);
                    }

                    @Override
                    public Path latinFont() {
                        return Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
                    }

                    @Override
                    public Path latinBoldFont() {
                        return Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
                    }
                };
            }
        };
    }

    @Test
    void htmlOfAProjectProgressReportIsWellFormedAndEscaped() throws Exception {
        String html = this.html.render(projectProgress());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("&lt;注意&gt; &amp; “引号”"), "text is escaped");
        assertTrue(html.contains("&lt;note&gt; &amp; &quot;quotes&quot; &#39;apostrophes&#39;"), "English too");
        assertTrue(html.contains("部门 区发改局"), "the department in the title block");
        assertTrue(html.contains("<span class=\"binding\" title=\"Binding\">约束性</span>"), "binding indicators are marked");
        assertTrue(html.contains("background-color:#c0392b\">进度滞后"), "lagging in red");
        assertEquals(1, html.split("<svg", -1).length - 1, "verdicts chart computed from indicators; no investment chart");
        assertTrue(html.contains("未分类") && html.contains("民生福祉"), "an indicator without category is counted as uncategorised");
        assertTrue(html.contains("本报告不含重点项目投资数据"), "the missing project summary is said, not drawn");
        assertTrue(html.contains("广州国际金融城配套道路工程") && html.contains("Under construction"), "project rows");
    }

    @Test
    void htmlOfAnEmptyContentStillRenders() throws Exception {
        ReportContentDto empty = JSON.readValue("{\"indicators\":null}", ReportContentDto.class);
        String html = this.html.render(empty);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertFalse(html.contains("分领域评价"), "no indicators: no indicator sections, rather than empty ones");
        assertTrue(html.contains("本报告不含重点项目投资数据"));
        assertFalse(html.contains("<svg"));
        assertTrue(markdown.render(empty).startsWith("# "));
        assertNotNull(xlsx.render(empty));
    }

    /** Characters XML 1.0 forbids would break the PDF's parse of the page: the page's escaping drops them. */
    @Test
    void htmlDropsCharactersXmlForbids() throws Exception {
        ReportContentDto content = JSON.readValue("{\"titleZh\":\"标题\\u0001\",\"narrativeEn\":\"a\\u0008b <c>\"}", ReportContentDto.class);
        String page = html.render(content);
        assertFalse(page.contains("\u0001") || page.contains("\u0008"), page);
        assertTrue(page.contains("<title>标题</title>") && page.contains("<p class=\"en\">ab &lt;c&gt;</p>"), page);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xlsxHasAProjectSheetWithNumericAmounts() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.render(projectProgress())))) {
            Sheet projects = workbook.getSheet("项目 Projects");
            assertNotNull(projects);
            Row first = projects.getRow(1);
            assertEquals(CellType.NUMERIC, first.getCell(8).getCellType(), "yuan stored as a decimal string still becomes a number");
            assertEquals(350000000d, first.getCell(8).getNumericCellValue());
            assertEquals(352500000.5d, first.getCell(9).getNumericCellValue());
            assertEquals(62.5, projects.getRow(2).getCell(7).getNumericCellValue());
            assertEquals(CellType.BLANK, projects.getRow(3).getCell(7).getCellType());
            assertEquals(null, workbook.getSheet("项目投资 Investment by category"), "no project summary, no investment sheet");
        }
    }

    @Test
    void pdfOfAProjectProgressReport() throws Exception {
        ReportContentDto content = projectProgress();
        byte[] pdf = new PdfRenderer(fonts("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")).render(html.render(content), content);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("广州国际金融城配套道路工程"), text);
            assertTrue(text.contains("≥3.5"), "symbols come from the Latin font, not boxes: " + text);
        }
    }

    @Test
    void aMissingFontRefusesThePdf() {
        PdfFontMissing e = assertThrows(PdfFontMissing.class,
                () -> new PdfRenderer(fonts("/nonexistent/cjk.ttf")).render("<html/>", null));
        assertTrue(e.getMessage().contains("fonts-droid-fallback"));
    }

    @Test
    void acceptNegotiation() {
        assertEquals(ReportFormat.JSON, ReportFormat.negotiate(List.of()));
        assertEquals(ReportFormat.JSON, ReportFormat.negotiate(List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(ReportFormat.JSON, ReportFormat.negotiate(List.of(MediaType.valueOf("image/png"))));
        assertEquals(ReportFormat.PDF, ReportFormat.negotiate(List.of(MediaType.valueOf("application/pdf"))));
        assertEquals(ReportFormat.HTML, ReportFormat.negotiate(List.of(MediaType.valueOf("text/html"), MediaType.WILDCARD_TYPE)));
        assertEquals(ReportFormat.MARKDOWN, ReportFormat.named("MD").orElseThrow());
        assertTrue(ReportFormat.named("docx").isEmpty());
    }
}
