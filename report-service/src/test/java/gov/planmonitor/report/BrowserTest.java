package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report as a person sees it: opened in headless Chromium, without errors, Chinese in a CJK font. */
@QuarkusTest
class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
    }

    @Test
    void theHtmlReportOpensWithoutErrorsAndIsScreenshot() throws Exception {
        String id = Reports.generated(Reports.ANNUAL_2017);
        String url = RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/reports/" + id + "/content?format=html";
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(url);
            byte[] png = chromium.screenshot(1240);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("annual-execution-2017.png"), png);

            List<String> errors = chromium.errors();
            assertEquals(List.of(), errors, "the page logs no errors and throws nothing");
            List<String> fonts = chromium.fontsOf("h1");
            assertTrue(fonts.stream().anyMatch(f -> f.contains("Droid Sans Fallback") || f.contains("Noto Sans CJK")),
                    "the Chinese title is drawn with a CJK font, not boxes: " + fonts);
            assertTrue(png.length > 10_000, "a screenshot with content");
        }
    }
}
