package gov.planmonitor.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Installs {@link DefaultTokenFilter} and {@link ConformanceFilter} for every {@code @QuarkusTest} of a module that has test-support on its test
 * classpath (registered in META-INF/services). A Quarkus callback rather than a JUnit extension because Quarkus runs
 * the test, and loads it, in its own class loader: this callback is loaded there too, so the RestAssured it configures
 * is the one the test uses. Idempotent: RestAssured's filter list is global and outlives one test.
 */
public class ConformanceCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean conformance = false;
        boolean token = false;
        for (Filter filter : RestAssured.filters()) {
            conformance |= filter.getClass().getName().equals(ConformanceFilter.class.getName());
            token |= filter.getClass().getName().equals(DefaultTokenFilter.class.getName());
        }
        // The token first, so the conformance check sees the request as sent.
        if (!token) {
            RestAssured.filters(new DefaultTokenFilter());
        }
        if (!conformance) {
            RestAssured.filters(new ConformanceFilter());
        }
    }
}
