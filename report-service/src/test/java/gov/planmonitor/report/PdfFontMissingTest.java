package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Without its CJK font the PDF is refused with a 503 naming the font, never printed with boxes; other formats still work. */
@QuarkusTest
@TestProfile(PdfFontMissingTest.NoCjkFont.class)
class PdfFontMissingTest {

    public static class NoCjkFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("report.pdf.font", "/nonexistent/DroidSansFallbackFull.ttf");
        }
    }

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
    }

    @Test
    void aMissingFontIsA503ProblemNamingIt() {
        String id = Reports.generated(Reports.ANNUAL_2017);
        given().queryParam("format", "pdf").when().get("/api/v1/reports/" + id + "/content").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", (String) null)
                .body("status", equalTo(503))
                .body("detail", containsString("/nonexistent/DroidSansFallbackFull.ttf"))
                .body("detail", containsString("fonts-droid-fallback"))
                .body("detail", containsString("report.pdf.font"));
        given().queryParam("format", "html").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .contentType(startsWith("text/html"));
    }
}
