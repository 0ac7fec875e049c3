package gov.planmonitor.project;

import gov.planmonitor.testsupport.SecurityHeaders;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

/** nosniff and no-referrer on every response, the API's Content-Security-Policy on /api/* (see {@link SecurityHeaders}). */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        SecurityHeaders.assertPolicy("/api/v1/project-lists", "/api/v1/projects/" + UUID.randomUUID(), ready);
    }
}
