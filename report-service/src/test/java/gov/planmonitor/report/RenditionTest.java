package gov.planmonitor.report;

import gov.planmonitor.report.repository.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A format is rendered once, on its first read, and stored: later reads return the stored bytes even when the
 * renderers would now produce others (a new release), so a published report never changes under its reader.
 */
@QuarkusTest
class RenditionTest {

    @Inject
    ReportRepository reports;

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
    }

    @Test
    void everyFormatIsServedFromItsStoredRendition() {
        String id = Reports.generated(Reports.ANNUAL_2017);
        for (String format : List.of("json", "md", "html", "pdf", "xlsx")) {
            byte[] first = given().queryParam("format", format).when().get("/api/v1/reports/" + id + "/content")
                    .then().statusCode(200).extract().asByteArray();
            String stored = format.equals("md") ? "MARKDOWN" : format.toUpperCase();
            assertArrayEquals(first, QuarkusTransaction.requiringNew().call(() -> reports.rendition(UUID.fromString(id), stored)),
                    format + ": the first read stores what it served");

            // Play a later release whose renderer would draw this format differently.
            byte[] older = (format.equals("json") ? "{\"renderedBy\":\"an earlier release\"}" : "rendered by an earlier release: " + format)
                    .getBytes(StandardCharsets.UTF_8);
            QuarkusTransaction.requiringNew().run(() -> reports.getEntityManager()
                    .createNativeQuery("UPDATE report_rendition SET body = :body WHERE report_id = :id AND format = :format")
                    .setParameter("body", older).setParameter("id", UUID.fromString(id)).setParameter("format", stored).executeUpdate());
            byte[] again = given().queryParam("format", format).when().get("/api/v1/reports/" + id + "/content")
                    .then().statusCode(200).extract().asByteArray();
            assertArrayEquals(older, again, format + ": later reads return the stored bytes, not a new rendering");
        }
    }
}
