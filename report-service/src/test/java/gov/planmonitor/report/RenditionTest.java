package gov.planmonitor.report;

import gov.planmonitor.report.repository.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
            // JSON: content as an earlier release stored it, before verdictsByCategory; still within the contract's schema.
            byte[] older = format.equals("json") ? earlierJson(first) : ("rendered by an earlier release: " + format).getBytes(StandardCharsets.UTF_8);
            QuarkusTransaction.requiringNew().run(() -> reports.getEntityManager()
                    .createNativeQuery("UPDATE report_rendition SET body = :body WHERE report_id = :id AND format = :format")
                    .setParameter("body", older).setParameter("id", UUID.fromString(id)).setParameter("format", stored).executeUpdate());
            byte[] again = given().queryParam("format", format).when().get("/api/v1/reports/" + id + "/content")
                    .then().statusCode(200).extract().asByteArray();
            assertArrayEquals(older, again, format + ": later reads return the stored bytes, not a new rendering");
        }
    }

    private static byte[] earlierJson(byte[] content) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode earlier = (ObjectNode) json.readTree(content);
            earlier.remove("verdictsByCategory");
            earlier.put("narrativeZh", "较早版本的文字");
            return json.writeValueAsBytes(earlier);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A stored rendition is revalidated, not downloaded again: its ETag is its bytes', per format. */
    @Test
    void aHeldRenditionIsRevalidatedWith304() {
        String id = Reports.generated(Reports.ANNUAL_2017);
        String path = "/api/v1/reports/" + id + "/content";
        String pdf = given().accept("application/pdf").when().get(path).then().statusCode(200)
                .header("Vary", "Accept").header("Cache-Control", "no-cache").extract().header("ETag");
        String json = given().when().get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(pdf, json, "each format has its own ETag");
        given().accept("application/pdf").header("If-None-Match", pdf).when().get(path).then().statusCode(304)
                .header("ETag", pdf).body(emptyString());
        given().header("If-None-Match", pdf).when().get(path).then().statusCode(200).header("ETag", json)
                .contentType(startsWith("application/json"));
    }
}
