package gov.planmonitor.indicator;

import gov.planmonitor.support.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.code;
import static gov.planmonitor.indicator.Fixtures.indicator;
import static gov.planmonitor.indicator.Fixtures.plan;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Every kind of bad request gets a 4xx Problem that says what is wrong, and changes nothing.
 */
@QuarkusTest
class BadInputTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** A five-year plan 2001–2005 with one indicator (seq 1, 亿元). */
    private record Setup(String plan, String indicator) {
    }

    private static Setup setup() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String indicator = Fixtures.createIndicator(plan, 1, "地区生产总值", "亿元", "3000");
        return new Setup(plan, indicator);
    }

    private static void planHasIndicators(String plan, int count) {
        given().when().get("/api/v1/plans/{plan}", plan).then().statusCode(200).body("indicatorCount", equalTo(count));
        given().queryParam("size", 200).when().get("/api/v1/plans/{plan}/indicators", plan)
                .then().statusCode(200).body("total", equalTo(count)).body("items", hasSize(count));
    }

    private static void planAbsent(String code) {
        problem(given().when().get("/api/v1/plans/{code}", code).then(), 404);
    }

    private static ValidatableResponse postPlanRaw(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/v1/plans").then();
    }

    private static ValidatableResponse postIndicatorRaw(String plan, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/v1/plans/{plan}/indicators", plan).then();
    }

    private static ValidatableResponse putObservationRaw(String indicator, int year, String json) {
        return given().contentType(ContentType.JSON).body(json)
                .when().put("/api/v1/indicators/{code}/observations/{year}", indicator, year).then();
    }

    private static void noObservation(String indicator, int year) {
        problem(given().when().get("/api/v1/indicators/{code}/observations/{year}", indicator, year).then(), 404);
        given().when().get("/api/v1/indicators/{code}/observations", indicator).then().statusCode(200).body("", hasSize(0));
    }

    private static String indicatorJson(String code, String seq, String attribute, String nameZh) {
        return """
                {"code": "%s", "seq": %s, "nameZh": "%s", "nameEn": "Some indicator", "category": "ECONOMY", "unit": "%%",
                 "attribute": %s, "direction": "INCREASE", "departments": [{"code": "HEALTH", "role": "LEAD"}],
                 "target": {"text": "35"}}
                """.formatted(code, seq, nameZh, attribute);
    }

    // ---- malformed bodies ----

    @Test
    void malformedJsonIsABadRequest() {
        String code = code("P");
        problem(postPlanRaw("{\"code\": \"" + code + "\", \"kind\": \"FIVE_YEAR\", "), 400);
        problem(postPlanRaw("{\"code\": \"" + code + "\" \"kind\": \"FIVE_YEAR\"}"), 400);
        planAbsent(code);
    }

    @Test
    void malformedJsonOnAnUpdateChangesNothing() {
        String code = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String etag = given().get("/api/v1/plans/{code}", code).then().extract().header("ETag");
        problem(given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"code\": \"" + code + "\", \"titleEn\": ")
                .when().put("/api/v1/plans/{code}", code).then(), 400);
        given().get("/api/v1/plans/{code}", code).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("titleEn", equalTo("Test plan " + code));
    }

    @Test
    void emptyBodyIsABadRequest() {
        problem(given().contentType(ContentType.JSON).body("").when().post("/api/v1/plans").then(), 400);
        problem(postPlanRaw("null"), 400);
    }

    @Test
    void arrayInsteadOfObjectIsABadRequest() {
        String code = code("P");
        problem(postPlanRaw("[{\"code\": \"" + code + "\"}]"), 400);
        planAbsent(code);
    }

    @Test
    void unknownFieldIsABadRequest() {
        String code = code("P");
        Map<String, Object> body = plan(code, "FIVE_YEAR", 2001, 2005, null);
        body.put("colour", "red");
        problem(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans").then(), 400)
                .body("detail", containsString("colour"))
                .body("errors[0].field", equalTo("colour"));
        planAbsent(code);
    }

    @Test
    void unknownNestedFieldIsABadRequest() {
        Setup s = setup();
        String code = code("I");
        Map<String, Object> body = indicator(code, 2, "绿化覆盖率", "%", "35");
        ((Map<String, Object>) body.get("target")).put("confidence", "high");
        problem(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", s.plan()).then(), 400)
                .body("detail", containsString("confidence"))
                .body("errors[0].field", equalTo("target.confidence"));
        planHasIndicators(s.plan(), 1);
    }

    @Test
    void wrongTypeIsABadRequest() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "\"abc\"", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("detail", containsString("seq"))
                .body("errors[0].field", equalTo("seq"));
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "true", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors[0].field", equalTo("seq"));
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "{}", "\"EXPECTED\"", "绿化覆盖率")), 400);
        planHasIndicators(s.plan(), 1);
        problem(given().when().get("/api/v1/indicators/{code}", code).then(), 404);
    }

    @Test
    void integerOverflowIsABadRequest() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "99999999999", "\"EXPECTED\"", "绿化覆盖率")), 400);
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "1e400", "\"EXPECTED\"", "绿化覆盖率")), 400);
        planHasIndicators(s.plan(), 1);
    }

    @Test
    void fractionalSeqIsRejectedNotTruncated() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "2.5", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("detail", containsString("seq"));
        planHasIndicators(s.plan(), 1);
        problem(given().when().get("/api/v1/indicators/{code}", code).then(), 404);
    }

    /**
     * Bodies that are not JSON, or numbers JSON cannot hold, get the malformed-body Problem that says what is wrong
     * (ProblemMappers.unreadable), not a bare "HTTP 400 Bad Request".
     */
    @Test
    void unreadableBodiesSayWhatIsWrong() {
        Setup s = setup();
        problem(postPlanRaw("{\"code\": \"X\", \"kind\": "), 400)
                .body("type", endsWith("/malformed-body"))
                .body("detail", not(equalTo("HTTP 400 Bad Request")));
        problem(putObservationRaw(s.indicator(), 2002, "{\"value\": NaN, \"status\": \"FINAL\"}"), 400)
                .body("type", endsWith("/malformed-body"))
                .body("detail", not(equalTo("HTTP 400 Bad Request")));
        problem(postIndicatorRaw(s.plan(), indicatorJson(code("I"), "99999999999", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("type", endsWith("/malformed-body"))
                .body("detail", containsString("seq"));
        noObservation(s.indicator(), 2002);
        planHasIndicators(s.plan(), 1);
    }

    @Test
    void nanIsNotANumber() {
        Setup s = setup();
        problem(putObservationRaw(s.indicator(), 2002, "{\"value\": NaN, \"status\": \"FINAL\"}"), 400);
        problem(putObservationRaw(s.indicator(), 2002, "{\"value\": Infinity, \"status\": \"FINAL\"}"), 400);
        problem(putObservationRaw(s.indicator(), 2002, "{\"value\": \"NaN\", \"status\": \"FINAL\"}"), 400);
        noObservation(s.indicator(), 2002);
    }

    @Test
    void hugeNumbersAreRejected() {
        Setup s = setup();
        ValidatableResponse exponent = putObservationRaw(s.indicator(), 2002, "{\"value\": 1e400, \"status\": \"FINAL\"}");
        problem(exponent, 400).body("errors.field", hasItem("value"));
        ValidatableResponse digits = putObservationRaw(s.indicator(), 2002, "{\"value\": 12345678901234567890.5, \"status\": \"FINAL\"}");
        problem(digits, 400).body("errors.field", hasItem("value"));
        problem(putObservationRaw(s.indicator(), 2002, "{\"growthRate\": 1e400, \"status\": \"FINAL\"}"), 400)
                .body("errors.field", hasItem("growthRate"));
        noObservation(s.indicator(), 2002);
    }

    @Test
    void hugeNumberOnAReplacementKeepsTheCurrentValue() {
        Setup s = setup();
        putObservationRaw(s.indicator(), 2003, "{\"value\": 3100, \"status\": \"FINAL\"}").statusCode(201);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"value\": 1e400, \"status\": \"FINAL\"}")
                .when().put("/api/v1/indicators/{code}/observations/{year}", s.indicator(), 2003).then(), 400);
        given().when().get("/api/v1/indicators/{code}/observations/{year}", s.indicator(), 2003)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("value", equalTo(3100));
    }

    @Test
    void tooManyDecimalsAreRejected() {
        Setup s = setup();
        problem(putObservationRaw(s.indicator(), 2002, "{\"value\": 1.1234567, \"status\": \"FINAL\"}"), 400)
                .body("errors.field", hasItem("value"));
        noObservation(s.indicator(), 2002);
    }

    // ---- constraint violations ----

    @Test
    void seqOutOfRangeIsRejected() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "-1", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors[0].field", equalTo("seq"));
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "0", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors[0].field", equalTo("seq"));
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "100000", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors[0].field", equalTo("seq"));
        planHasIndicators(s.plan(), 1);
        // A plan may hold up to 99,999 indicators (the benchmarks' plan has 10,000).
        postIndicatorRaw(s.plan(), indicatorJson(code, "10000", "\"EXPECTED\"", "绿化覆盖率")).statusCode(201).body("seq", equalTo(10000));
        planHasIndicators(s.plan(), 2);
    }

    @Test
    void invalidEnumIsRejected() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "2", "\"MAYBE\"", "绿化覆盖率")), 400)
                .body("errors[0].field", equalTo("attribute"))
                .body("detail", containsString("attribute"));
        planHasIndicators(s.plan(), 1);
    }

    @Test
    void overLongNameIsRejected() {
        Setup s = setup();
        String code = code("I");
        problem(postIndicatorRaw(s.plan(), indicatorJson(code, "2", "\"EXPECTED\"", "长".repeat(301))), 400)
                .body("errors[0].field", equalTo("nameZh"));
        planHasIndicators(s.plan(), 1);
        // 300 characters is the limit, and fits
        given().contentType(ContentType.JSON).body(indicatorJson(code, "2", "\"EXPECTED\"", "长".repeat(300)))
                .when().post("/api/v1/plans/{plan}/indicators", s.plan())
                .then().statusCode(201).body("nameZh", equalTo("长".repeat(300)));
    }

    @Test
    void blankOrMalformedCodeIsRejected() {
        Setup s = setup();
        problem(postIndicatorRaw(s.plan(), indicatorJson("", "2", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors.field", hasItem("code"));
        problem(postIndicatorRaw(s.plan(), indicatorJson("   ", "2", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors.field", hasItem("code"));
        problem(postIndicatorRaw(s.plan(), indicatorJson("lower-case", "2", "\"EXPECTED\"", "绿化覆盖率")), 400)
                .body("errors.field", hasItem("code"));
        planHasIndicators(s.plan(), 1);

        String plan = code("P");
        Map<String, Object> body = plan(plan, "FIVE_YEAR", 2001, 2005, null);
        body.put("code", " ");
        problem(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans").then(), 400)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void aTargetWithoutTextIsRejected() {
        // An indicator may have no target (IndicatorMeasuresTest); a target given must say what it is.
        Setup s = setup();
        String code = code("I");
        Map<String, Object> body = indicator(code, 2, "绿化覆盖率", "%", "35");
        body.put("target", Map.of("kind", "REACH"));
        problem(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", s.plan()).then(), 400)
                .body("errors[0].field", equalTo("target.text"));
        planHasIndicators(s.plan(), 1);
    }

    @Test
    void yearsOutOfRangeAreRejected() {
        String code = code("P");
        problem(given().contentType(ContentType.JSON).body(plan(code, "FIVE_YEAR", 1800, 1804, null))
                .when().post("/api/v1/plans").then(), 400)
                .body("errors.field", hasItem("startYear"));
        planAbsent(code);
    }

    // ---- conflicts ----

    @Test
    void duplicateIndicatorCodeIsAConflict() {
        Setup s = setup();
        String otherPlan = Fixtures.createPlan("FIVE_YEAR", 2006, 2010);
        problem(given().contentType(ContentType.JSON).body(indicator(s.indicator(), 1, "另一个指标", "%", "35"))
                .when().post("/api/v1/plans/{plan}/indicators", otherPlan).then(), 409)
                .body("detail", containsString(s.indicator()));
        planHasIndicators(otherPlan, 0);
        given().when().get("/api/v1/indicators/{code}", s.indicator())
                .then().statusCode(200).body("plan", equalTo(s.plan())).body("nameZh", equalTo("地区生产总值"));
    }

    @Test
    void duplicateSeqInAPlanIsAConflict() {
        Setup s = setup();
        String code = code("I");
        problem(given().contentType(ContentType.JSON).body(indicator(code, 1, "绿化覆盖率", "%", "35"))
                .when().post("/api/v1/plans/{plan}/indicators", s.plan()).then(), 409)
                .body("detail", containsString("seq"));
        planHasIndicators(s.plan(), 1);
        problem(given().when().get("/api/v1/indicators/{code}", code).then(), 404);
    }

    // ---- routing ----

    @Test
    void unknownPlanInThePathIsNotFound() {
        String code = code("I");
        problem(given().contentType(ContentType.JSON).body(indicator(code, 1, "绿化覆盖率", "%", "35"))
                .when().post("/api/v1/plans/NO-SUCH-PLAN/indicators").then(), 404)
                .body("detail", containsString("NO-SUCH-PLAN"));
        problem(given().when().get("/api/v1/indicators/{code}", code).then(), 404);
    }

    @Test
    void unknownPathIsAProblem() {
        problem(given().accept(ContentType.JSON).when().get("/api/v1/no-such-collection").then(), 404);
        problem(given().accept(ContentType.JSON).when().get("/api/v1/plans/FYP13/no-such-thing").then(), 404);
    }

    @Test
    void wrongMethodIsAProblem() {
        problem(given().when().delete("/api/v1/plans/FYP13").then(), 405);
        problem(given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/indicators/FYP13-01").then(), 405);
        given().when().get("/api/v1/plans/FYP13").then().statusCode(200).body("indicatorCount", equalTo(45));
    }

    @Test
    void wrongContentTypeIsAProblem() {
        String code = code("P");
        String json = "{\"code\": \"" + code + "\", \"kind\": \"FIVE_YEAR\", \"startYear\": 2001, \"endYear\": 2005,"
                + " \"titleZh\": \"规划\", \"titleEn\": \"Plan\"}";
        problem(given().contentType("text/plain").body(json).when().post("/api/v1/plans").then(), 415);
        problem(given().contentType("application/xml").body("<plan/>").when().post("/api/v1/plans").then(), 415);
        planAbsent(code);
    }

    @Test
    void unavailableMediaTypeIsAProblem() {
        problem(given().accept("application/xml").when().get("/api/v1/plans/FYP13").then(), 406);
    }

    @Test
    void malformedDateInATargetRevisionIsABadRequest() {
        Setup s = setup();
        problem(given().contentType(ContentType.JSON).body("{\"text\": \"4000\", \"effectiveFrom\": \"2003-13-45\", \"reason\": \"调整\"}")
                .when().post("/api/v1/indicators/{code}/targets", s.indicator()).then(), 400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        given().when().get("/api/v1/indicators/{code}/targets", s.indicator()).then().statusCode(200).body("", hasSize(1));
    }
}
