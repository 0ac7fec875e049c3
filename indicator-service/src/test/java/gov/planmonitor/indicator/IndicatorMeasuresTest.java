package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * What an indicator states about itself (what its yearly values measure, an optional English name, no target at all) and
 * the yes/no results a department records with evidence, through the API.
 */
@QuarkusTest
class IndicatorMeasuresTest {

    private static final String INDICATORS = "/api/v1/plans/{plan}/indicators";
    private static final String OBSERVATION = "/api/v1/indicators/{code}/observations/{year}";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** The case the name guess got backwards: a decline rate whose better direction is DECREASE is refused, naming both. */
    @Test
    void aDeclineRateThatShouldFallIsRefusedNamingBoth() {
        String plan = Fixtures.createPlan("ANNUAL", 2017, 2017);
        Map<String, Object> body = Fixtures.indicator(Fixtures.code("M"), 1, "单位GDP能耗下降率", "%", "3.6%");
        body.put("direction", "DECREASE");
        problem(given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then(), 422)
                .body("detail", allOf(containsString("DECLINE_RATE"), containsString("DECREASE")))
                .body("errors.field", hasItem("direction"));
        // Stated as what it is, the same indicator reads 3.6% as the year's decline to reach.
        body.put("direction", "INCREASE");
        body.put("measures", "DECLINE_RATE");
        given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then().statusCode(201)
                .body("measures", equalTo("DECLINE_RATE")).body("target.kind", equalTo("REACH"));
    }

    @Test
    void aRateMeasureNeedsAPercentUnitAndAKnownName() {
        String plan = Fixtures.createPlan("ANNUAL", 2017, 2017);
        Map<String, Object> body = Fixtures.indicator(Fixtures.code("M"), 1, "地区生产总值", "亿元", "3000");
        body.put("measures", "GROWTH_RATE");
        problem(given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then(), 422)
                .body("errors.field", hasItem("measures")).body("detail", containsString("亿元"));
        body.put("measures", "SPEED");
        problem(given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then(), 400)
                .body("errors.field", hasItem("measures"));
        // Unstated, a level is a level.
        body.remove("measures");
        given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then().statusCode(201)
                .body("measures", equalTo("LEVEL"));
    }

    /** A growth rate stated as such is judged on the year's growth, whatever its name says. */
    @Test
    void aStatedGrowthRateIsJudgedOnGrowth() {
        String plan = Fixtures.createPlan("ANNUAL", 2017, 2017);
        String code = Fixtures.code("M");
        Map<String, Object> body = Fixtures.indicator(code, 1, "经济增速", "%", "7左右");
        body.put("measures", "GROWTH_RATE");
        given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then().statusCode(201)
                .body("target.measure", equalTo("GROWTH_RATE"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("growthRate", 6.4);
        value.put("status", "FINAL");
        given().contentType(ContentType.JSON).body(value).when().put(OBSERVATION, code, 2017).then().statusCode(201);
        given().when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.verdict", equalTo("NOT_ACHIEVED"))
                .body("items.find { it.code == '" + code + "' }.explanation.actual", equalTo(6.4f));
    }

    /** A bureau enters Chinese first; the API shows nameZh where no English name is given yet. */
    @Test
    void theEnglishNameIsOptional() {
        String plan = Fixtures.createPlan("ANNUAL", 2017, 2017);
        String code = Fixtures.code("M");
        Map<String, Object> body = Fixtures.indicator(code, 1, "空气质量优良天数比例", "%", "80以上");
        body.remove("nameEn");
        given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then().statusCode(201)
                .body("nameEn", equalTo("空气质量优良天数比例"));
        given().when().get("/api/v1/indicators/{code}", code).then().statusCode(200).body("nameEn", equalTo("空气质量优良天数比例"));
        given().when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.nameEn", equalTo("空气质量优良天数比例"));
        // The translation, once entered, is shown.
        body.put("nameEn", "Share of days with good air quality");
        String etag = given().when().get("/api/v1/indicators/{code}", code).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body).when().put("/api/v1/indicators/{code}", code)
                .then().statusCode(200).body("nameEn", equalTo("Share of days with good air quality"));
    }

    /** A statistic the plan reports without a target (a baseline series): created, listed, not evaluable, target kept on update. */
    @Test
    void anIndicatorMayHaveNoTarget() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        String code = Fixtures.code("M");
        Map<String, Object> body = Fixtures.indicator(code, 1, "常住人口", "万人", "x");
        body.remove("target");
        given().contentType(ContentType.JSON).body(body).when().post(INDICATORS, plan).then().statusCode(201)
                .body("target", nullValue());
        given().contentType(ContentType.JSON).body(Fixtures.observation(116.4, "FINAL")).when().put(OBSERVATION, code, 2016).then().statusCode(201);
        given().queryParam("year", 2016).when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.verdict", equalTo("NOT_EVALUABLE"))
                .body("items.find { it.code == '" + code + "' }.explanation.rule", equalTo("NO_TARGET"));

        // An import row without target text is such an indicator too; a later row with one sets it, and one without keeps it.
        String plan2 = Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        String header = "code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,targetText,targetKind,targetReference,series,"
                + "footnoteZh,footnoteEn\n";
        importCsv(header + plan2 + "-01," + plan2 + ",1,户籍人口,,SOCIAL,万人,,INCREASE,HEALTH:LEAD,,,,,,\n")
                .then().statusCode(200).body("counts.indicators.CREATED", equalTo(1));
        given().when().get("/api/v1/indicators/{code}", plan2 + "-01").then().statusCode(200)
                .body("target", nullValue()).body("nameEn", equalTo("户籍人口")).body("measures", equalTo("LEVEL"));
        importCsv(header + plan2 + "-01," + plan2 + ",1,户籍人口,,SOCIAL,万人,,INCREASE,HEALTH:LEAD,120,,,,,\n").then().statusCode(200);
        importCsv(header + plan2 + "-01," + plan2 + ",1,户籍人口,,SOCIAL,万人,,INCREASE,HEALTH:LEAD,,,,,,\n").then().statusCode(200);
        given().when().get("/api/v1/indicators/{code}", plan2 + "-01").then().statusCode(200).body("target.text", equalTo("120"));
    }

    /** A yes/no result is a department's word: it names its evidence, and the evidence goes with a result. */
    @Test
    void aYesNoResultNeedsItsEvidence() {
        String plan = Fixtures.createPlan("ANNUAL", 2017, 2017);
        String code = Fixtures.code("M");
        given().contentType(ContentType.JSON).body(Fixtures.indicator(code, 1, "省下达的节能任务", "项", "完成省下达任务"))
                .when().post(INDICATORS, plan).then().statusCode(201).body("target.kind", equalTo("YES_NO"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "FINAL");
        result.put("completed", true);
        problem(given().contentType(ContentType.JSON).body(result).when().put(OBSERVATION, code, 2017).then(), 422)
                .body("errors.field", hasItem("evidence"));
        result.remove("completed");
        result.put("evidence", "市发展改革委考核通报");
        problem(given().contentType(ContentType.JSON).body(result).when().put(OBSERVATION, code, 2017).then(), 422)
                .body("errors.field", hasItem("completed"));
        given().when().get(OBSERVATION, code, 2017).then().statusCode(404);

        result.put("completed", true);
        given().contentType(ContentType.JSON).body(result).when().put(OBSERVATION, code, 2017).then().statusCode(201)
                .body("completed", equalTo(true)).body("evidence", equalTo("市发展改革委考核通报"));
        given().when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.verdict", equalTo("ACHIEVED"))
                .body("items.find { it.code == '" + code + "' }.explanation.zh", containsString("市发展改革委考核通报"));
    }

    private static io.restassured.response.Response importCsv(String csv) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("entity", "indicators")
                .when().post("/api/v1/imports");
    }
}
