package gov.planmonitor.report;

import gov.planmonitor.testsupport.SecurityHeaders;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nosniff and no-referrer on every response, the API's Content-Security-Policy on /api/* (see {@link SecurityHeaders}),
 * and an HTML report that needs nothing the policy forbids (BrowserTest opens it in Chromium under the policy).
 */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        SecurityHeaders.assertPolicy("/api/v1/reports", "/api/v1/reports/" + UUID.randomUUID(), ready);
    }

    @Test
    void anHtmlReportIsServedUnderThePolicyAndNeedsNothingItForbids() {
        String id = Reports.generated(Reports.ANNUAL_2017);
        SecurityHeaders.assertApi(given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .contentType(startsWith("application/json")));
        String html = SecurityHeaders.assertApi(given().queryParam("format", "html").when().get("/api/v1/reports/" + id + "/content")
                .then().statusCode(200).contentType(startsWith("text/html"))).extract().asString();
        assertTrue(html.contains("<style>") && html.contains("<svg"), "inline styles and inline SVG, which the policy allows");
        assertFalse(html.contains("<script"), "no script: the policy allows none");
        assertFalse(html.contains("url("), "no stylesheet resource (font, image) to fetch");
        assertFalse(html.contains("@import"), "no stylesheet to fetch");
        Matcher reference = Pattern.compile("\\s(?:src|href|srcset|action|data)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (reference.find()) {
            assertTrue(reference.group(1).startsWith("data:"), "only data: URLs are loaded (img-src data:): " + reference.group());
        }
    }
}
