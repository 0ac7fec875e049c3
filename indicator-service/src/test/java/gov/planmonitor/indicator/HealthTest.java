package gov.planmonitor.indicator;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The service starts on its own database and reports ready only when PostgreSQL answers. Health and metrics are on
 * the management port, not beside the API.
 */
@QuarkusTest
class HealthTest {

    /** Paths under the management interface's root, /q: this is /q/health/ready on the management port. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readyIncludesTheDatabase() {
        given().when().get(ready)
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheusOnTheManagementPortOnly() {
        given().when().get(metrics).then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }
}
