package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** PEOPLE_VISIBLE_TO=everyone: readers without a token see the people too, as before, and the answer does not vary. */
@QuarkusTest
@TestProfile(PeopleVisibleToEveryoneTest.Everyone.class)
class PeopleVisibleToEveryoneTest {

    public static class Everyone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planmonitor.privacy.people-visible-to", "everyone");
        }
    }

    @Test
    void anonymousReadersSeeThePeople() {
        Fixtures.seeds();
        String code = Fixtures.createIndicator(Fixtures.createPlan("FIVE_YEAR", 2001, 2005), 1, "居民人均可支配收入", "元", "50000");
        given().header("Authorization", Tokens.bearer(Tokens.of("u-wangfang", "王芳", List.of("department"), List.of("HEALTH"))))
                .contentType(ContentType.JSON).body(observation(40000, "PRELIMINARY"))
                .when().put("/api/v1/indicators/{code}/observations/{year}", code, 2003).then().statusCode(201);
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/indicators/{code}/observations/{year}", code, 2003)
                .then().statusCode(200).body("recordedBy", equalTo("王芳 (u-wangfang)")).header("ETag", "\"1\"").header("Vary", anyOf(nullValue(), not(containsString("Authorization"))));
    }
}
