package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.etag;
import static gov.planmonitor.indicator.Fixtures.observation;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ObservationResourceTest {

    private static final String PATH = "/api/v1/indicators/{code}/observations/{year}";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** A new indicator in 亿元 (a non-negative unit) in a five-year plan 2001–2005. */
    private static String newIndicator() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        return Fixtures.createIndicator(plan, 1, "地区生产总值", "亿元", "3000");
    }

    private static Response put(String code, int year, Map<String, Object> body, String user, String ifMatch) {
        // Each user is an admin here: this test is about values and their history; who may write is AuthorizationTest's.
        var request = given().contentType(ContentType.JSON)
                .header("Authorization", Tokens.bearer(Tokens.of("u-" + user, user, List.of("admin"), List.of()))).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(PATH, code, year);
    }

    @Test
    void firstWriteCreatesTheValue() {
        String code = newIndicator();
        Map<String, Object> body = observation(2500.5, "PRELIMINARY");
        body.put("growthRate", 6.1);
        body.put("source", "统计公报");
        put(code, 2002, body, "alice", null)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/indicators/" + code + "/observations/2002"))
                .header("ETag", equalTo("\"1\""))
                .body("indicator", equalTo(code))
                .body("year", equalTo(2002))
                .body("value", equalTo(2500.5f))
                .body("growthRate", equalTo(6.1f))
                .body("status", equalTo("PRELIMINARY"))
                .body("comparable", equalTo(true))
                .body("source", equalTo("统计公报"))
                .body("revision", equalTo(1))
                .body("recordedBy", equalTo("alice (u-alice)"))
                .body("recordedAt", notNullValue())
                .body("supersededAt", nullValue());

        given().when().get(PATH, code, 2002)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("value", equalTo(2500.5f))
                .body("revision", equalTo(1));
    }

    @Test
    void replacingNeedsTheCurrentETag() {
        String code = newIndicator();
        put(code, 2003, observation(100, "PRELIMINARY"), "alice", null).then().statusCode(201);

        problem(put(code, 2003, observation(110, "FINAL"), "bob", null).then(), 428);
        problem(put(code, 2003, observation(110, "FINAL"), "bob", "\"7\"").then(), 412);
        given().when().get(PATH, code, 2003).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("value", equalTo(100)).body("revision", equalTo(1));

        etag(put(code, 2003, observation(110, "FINAL"), "bob", "\"1\"").then())
                .statusCode(200).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"2\""))
                .body("value", equalTo(110))
                .body("status", equalTo("FINAL"))
                .body("revision", equalTo(2))
                .body("recordedBy", equalTo("bob (u-bob)"));

        // the ETag of the first read is stale now
        problem(put(code, 2003, observation(120, "FINAL"), "carol", "\"1\"").then(), 412);
        given().when().get(PATH, code, 2003).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("value", equalTo(110));
    }

    @Test
    void historyAndAsOfKeepTheOldValue() {
        String code = newIndicator();
        Response first = put(code, 2004, observation(1000, "PRELIMINARY"), "alice", null);
        first.then().statusCode(201);
        Response second = put(code, 2004, observation(1050.25, "FINAL"), "bob", "\"1\"");
        second.then().statusCode(200);

        given().when().get(PATH + "/history", code, 2004)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("", hasSize(2))
                .body("revision", contains(1, 2))
                .body("recordedBy", contains("alice (u-alice)", "bob (u-bob)"))
                .body("[0].value", equalTo(1000))
                .body("[0].supersededAt", notNullValue())
                .body("[0].supersededBy", equalTo("bob (u-bob)"))
                .body("[1].value", equalTo(1050.25f))
                .body("[1].supersededAt", nullValue());

        OffsetDateTime firstAt = OffsetDateTime.parse(first.path("recordedAt"));
        OffsetDateTime secondAt = OffsetDateTime.parse(second.path("recordedAt"));
        assertTrue(secondAt.isAfter(firstAt), firstAt + " / " + secondAt);
        OffsetDateTime between = firstAt.plus(Duration.between(firstAt, secondAt).dividedBy(2)).withOffsetSameInstant(ZoneOffset.UTC);

        given().queryParam("asOf", between.toString())
                .when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].year", equalTo(2004))
                .body("[0].value", equalTo(1000))
                .body("[0].revision", equalTo(1));
        given().when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].value", equalTo(1050.25f))
                .body("[0].revision", equalTo(2));
        // before the first write there was nothing
        given().queryParam("asOf", firstAt.minusSeconds(60).toString())
                .when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void valuesAreListedByYear() {
        String code = newIndicator();
        put(code, 2003, observation(30, "FINAL"), "alice", null).then().statusCode(201);
        put(code, 2000, observation(10, "FINAL"), "alice", null).then().statusCode(201);
        put(code, 2001, observation(20, "FINAL"), "alice", null).then().statusCode(201);
        given().when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200)
                .body("year", contains(2000, 2001, 2003))
                .body("value", contains(10, 20, 30));
    }

    @Test
    void yearOutsideThePlanIsRejected() {
        String code = newIndicator();
        problem(put(code, 1999, observation(100, "FINAL"), "alice", null).then(), 422)
                .body("errors[0].field", equalTo("year"));
        problem(put(code, 2006, observation(100, "FINAL"), "alice", null).then(), 422)
                .body("errors[0].field", equalTo("year"));
        given().when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("", hasSize(0));
        // the year before the plan is allowed as the baseline
        put(code, 2000, observation(100, "FINAL"), "alice", null).then().statusCode(201);
    }

    @Test
    void negativeValueInANonNegativeUnitIsRejected() {
        String code = newIndicator();
        problem(put(code, 2002, observation(-5, "FINAL"), "alice", null).then(), 422)
                .body("errors[0].field", equalTo("value"))
                .body("detail", containsString("亿元"));
        problem(given().when().get(PATH, code, 2002).then(), 404);
    }

    @Test
    void negativeReplacementKeepsTheCurrentValue() {
        String code = newIndicator();
        put(code, 2002, observation(5, "FINAL"), "alice", null).then().statusCode(201);
        problem(put(code, 2002, observation(-5, "FINAL"), "bob", "\"1\"").then(), 422);
        given().when().get(PATH, code, 2002).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("value", equalTo(5));
        given().when().get(PATH + "/history", code, 2002).then().statusCode(200)
                .body("", hasSize(1)).body("[0].supersededAt", nullValue());
    }

    @Test
    void negativeGrowthIsAllowedOnARate() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String code = Fixtures.createIndicator(plan, 1, "常住人口自然增长率", "‰", "7‰以内");
        put(code, 2002, observation(-1.5, "FINAL"), "alice", null).then().statusCode(201)
                .body("value", equalTo(-1.5f));
    }

    @Test
    void aValueGrowthRateOrWordsIsRequired() {
        String code = newIndicator();
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("status", "FINAL");
        empty.put("source", "report");
        problem(put(code, 2002, empty, "alice", null).then(), 422)
                .body("errors[0].field", equalTo("value"));
        problem(given().when().get(PATH, code, 2002).then(), 404);

        Map<String, Object> words = new LinkedHashMap<>();
        words.put("status", "ESTIMATE");
        words.put("qualitativeZh", "与经济增长基本同步");
        put(code, 2002, words, "alice", null).then().statusCode(201)
                .body("qualitativeZh", equalTo("与经济增长基本同步"))
                .body("value", nullValue());
    }

    @Test
    void invalidStatusIsABadRequest() {
        String code = newIndicator();
        problem(put(code, 2002, observation(5, "FINAL_MAYBE"), "alice", null).then(), 400)
                .body("errors[0].field", equalTo("status"));
        Map<String, Object> noStatus = observation(5, null);
        problem(put(code, 2002, noStatus, "alice", null).then(), 400)
                .body("errors[0].field", equalTo("status"));
        problem(given().when().get(PATH, code, 2002).then(), 404);
    }

    @Test
    void malformedAsOfIsABadRequest() {
        String code = newIndicator();
        problem(given().queryParam("asOf", "yesterday").when().get("/api/v1/indicators/{code}/observations", code).then(), 400)
                .body("errors[0].field", equalTo("asOf"));
        problem(given().queryParam("asOf", "2018-02-08").when().get("/api/v1/indicators/{code}/observations", code).then(), 400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void missingValuesAndUnknownIndicatorsAreNotFound() {
        String code = newIndicator();
        problem(given().when().get(PATH, code, 2003).then(), 404);
        problem(given().when().get(PATH + "/history", code, 2003).then(), 404);
        problem(given().when().get("/api/v1/indicators/NOPE-1/observations").then(), 404);
        problem(put("NOPE-1", 2003, observation(1, "FINAL"), "alice", null).then(), 404);
    }

    @Test
    void anonymousWritesAreRefusedAndWriteNothing() {
        String code = newIndicator();
        problem(given().header("Authorization", Tokens.ANONYMOUS).contentType(ContentType.JSON).body(observation(7, "FINAL"))
                .when().put(PATH, code, 2001).then(), 401)
                .header("WWW-Authenticate", equalTo("Bearer"));
        problem(given().when().get(PATH, code, 2001).then(), 404);
    }
}
