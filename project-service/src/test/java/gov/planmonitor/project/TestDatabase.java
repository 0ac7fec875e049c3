package gov.planmonitor.project;

import gov.planmonitor.testsupport.PostgresResource;
import gov.planmonitor.testsupport.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against a fresh PostgreSQL database (embedded unless PGHOST names a server)
 * and a WireMock indicator service.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "project_test"))
@QuarkusTestResource(IndicatorServiceMock.class)
@QuarkusTestResource(TokenResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
