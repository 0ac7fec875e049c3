package gov.planmonitor.report;

import gov.planmonitor.testsupport.PostgresResource;
import gov.planmonitor.testsupport.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a fresh PostgreSQL database (embedded unless PGHOST names a server), trusts the test run's token key,. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "report_test"))
@QuarkusTestResource(DownstreamMock.class)
@QuarkusTestResource(TokenResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
