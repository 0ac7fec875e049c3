package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;

/** With READS_NEED_TOKEN=true published data is no longer anonymous: every API read needs a valid token too. */
@QuarkusTest
@TestProfile(ReadsNeedTokenTest.ReadsNeedToken.class)
class ReadsNeedTokenTest {

    public static class ReadsNeedToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planmonitor.security.reads-need-token", "true");
        }
    }

    @Test
    void readsWithoutATokenAreRefused() {
        problem(given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/plans").then(), 401);
        problem(given().header("Authorization", Tokens.bearer(Tokens.expired())).when().get("/api/v1/plans").then(), 401);
        given().header("Authorization", Tokens.bearer(Tokens.department("DRC"))).when().get("/api/v1/plans").then().statusCode(200);
        // The contract stays public: it says how to get in.
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/q/openapi").then().statusCode(200);
    }
}
