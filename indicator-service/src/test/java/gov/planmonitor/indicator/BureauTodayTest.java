package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Today" is the bureau's (Asia/Shanghai): at 01:00 on 1 January 2027 in Beijing (still 31 December in UTC) a target
 * revised from 1 January 2027 is the one in force.
 */
@QuarkusTest
@TestProfile(BureauTodayTest.NewYearsNightInBeijing.class)
class BureauTodayTest {

    public static class NewYearsNightInBeijing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planmonitor.clock.fixed-instant", "2026-12-31T17:00:00Z");
        }
    }

    @Test
    void aTargetRevisedFromNewYearsDayIsInForceAtOneInTheMorningInBeijing() {
        Fixtures.seeds();
        String plan = Fixtures.createPlan("FIVE_YEAR", 2026, 2030);
        String code = Fixtures.createIndicator(plan, 1, "服务业增加值比重", "%", "70");
        given().contentType(ContentType.JSON).body(Map.of("text", "75", "effectiveFrom", "2027-01-01", "reason", "中期调整"))
                .when().post("/api/v1/indicators/{code}/targets", code).then().statusCode(201);
        given().when().get("/api/v1/indicators/{code}", code).then().statusCode(200)
                .body("target.text", equalTo("75")).body("originalTarget.text", equalTo("70"));
    }
}
