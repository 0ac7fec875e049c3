package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Cors;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browsers on the configured origins may call the API; others are refused (see {@link Cors}). */
@QuarkusTest
class CorsTest {

    @Test
    void onlyConfiguredOriginsMayCallFromABrowser() {
        Cors.assertPolicy("/api/v1/departments");
    }
}
