package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.code;
import static gov.planmonitor.indicator.Fixtures.etag;
import static gov.planmonitor.indicator.Fixtures.indicator;
import static gov.planmonitor.indicator.Fixtures.problem;
import static gov.planmonitor.indicator.Fixtures.role;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class IndicatorResourceTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static final String FYP13_04 = "items.find { it.code == 'FYP13-04' }";

    private static Response post(String plan, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", plan);
    }

    private static void assertAbsent(String plan, String code) {
        problem(given().when().get("/api/v1/indicators/{code}", code).then(), 404);
        given().when().get("/api/v1/plans/{plan}", plan).then().statusCode(200).body("indicatorCount", equalTo(0));
    }

    private static String fiveYearPlan() {
        return Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
    }

    // ---- listing ----

    @Test
    void fyp13ListsItsTableAndTextIndicatorsWithAttributesAndDepartments() {
        // 专栏2's 22, then the 23 its text prints (seq 101–123).
        given().queryParam("size", 100)
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(45))
                .body("total", equalTo(45))
                .body("items[22].code", equalTo("FYP13-101"))
                .body("items.find { it.code == 'FYP13-117' }.target", org.hamcrest.Matchers.nullValue())
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("items[0].code", equalTo("FYP13-01"))
                .body("items[21].code", equalTo("FYP13-22"))
                .body("items.plan", everyItem(equalTo("FYP13")))
                .body("items.find { it.code == 'FYP13-14' }.attribute", equalTo("BINDING"))
                .body("items.find { it.code == 'FYP13-01' }.attribute", equalTo("EXPECTED"))
                .body(FYP13_04 + ".departments", hasSize(3))
                .body(FYP13_04 + ".departments[0].code", equalTo("FINANCIAL_AFFAIRS"))
                .body(FYP13_04 + ".departments[0].role", equalTo("LEAD"))
                .body(FYP13_04 + ".departments[0].nameZh", equalTo("区金融局"))
                .body(FYP13_04 + ".departments.findAll { it.role == 'SUPPORT' }.code", contains("COMMERCE", "SCITECH"));
    }

    @Test
    void pagingAndSortingOfIndicators() {
        given().queryParam("size", 5).queryParam("page", 8)
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-119", "FYP13-120", "FYP13-121", "FYP13-122", "FYP13-123"))
                .body("total", equalTo(45));
        given().queryParam("sort", "-seq").queryParam("size", 1)
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items[0].code", equalTo("FYP13-123"));
        problem(given().queryParam("sort", "unit").when().get("/api/v1/plans/FYP13/indicators").then(), 400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void filterByCategory() {
        given().queryParam("category", "INNOVATION")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.code", contains("FYP13-10", "FYP13-11", "FYP13-12", "FYP13-13"))
                .body("items.category.code", everyItem(equalTo("INNOVATION")));
    }

    @Test
    void filterByAttribute() {
        given().queryParam("attribute", "BINDING")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.code", contains("FYP13-14", "FYP13-17", "FYP13-20", "FYP13-21", "FYP13-22"));
        given().queryParam("attribute", "NONE").queryParam("size", 100)
                .when().get("/api/v1/plans/FYP12/indicators")
                .then().statusCode(200)
                .body("total", equalTo(24))
                .body("items.attribute", everyItem(nullValue()));
        // FYP13's own table gives every indicator an attribute; the targets its text prints have none.
        given().queryParam("attribute", "NONE").queryParam("size", 100)
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200).body("total", equalTo(23)).body("items.seq", everyItem(org.hamcrest.Matchers.greaterThan(100)));
        problem(given().queryParam("attribute", "MAYBE").when().get("/api/v1/plans/FYP13/indicators").then(), 400)
                .body("errors[0].field", equalTo("attribute"));
    }

    @Test
    void filterByDepartmentMatchesLeadAndSupport() {
        given().queryParam("department", "COMMERCE")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.code", contains("FYP13-03", "FYP13-04", "FYP13-05", "FYP13-06", "FYP13-07", "FYP13-08"));
        given().queryParam("department", "SCITECH")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-04", "FYP13-10", "FYP13-11", "FYP13-12", "FYP13-13", "FYP13-18"));
        given().queryParam("department", "FINANCIAL_AFFAIRS")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-04"));
    }

    @Test
    void searchByChineseEnglishOrCode() {
        given().queryParam("q", "增长率")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.code", contains("FYP13-01", "FYP13-02", "FYP13-08", "FYP13-09", "FYP13-19"));
        given().queryParam("q", "gRoWtH")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-01", "FYP13-02", "FYP13-08", "FYP13-09", "FYP13-19"));
        given().queryParam("q", "MODERN services")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-03"));
        given().queryParam("q", "fyp13-2")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-20", "FYP13-21", "FYP13-22"));
        given().queryParam("q", "增长率").queryParam("category", "WELLBEING")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200)
                .body("items.code", contains("FYP13-19"));
        given().queryParam("q", "不存在的指标")
                .when().get("/api/v1/plans/FYP13/indicators")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void indicatorsOfAnUnknownPlanAreNotFound() {
        problem(given().when().get("/api/v1/plans/NOPE-PLAN/indicators").then(), 404);
    }

    // ---- one indicator ----

    @Test
    void fyp13GdpGrowthHasItsTypedTarget() {
        etag(given().when().get("/api/v1/indicators/FYP13-01").then())
                .statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo("FYP13-01"))
                .body("plan", equalTo("FYP13"))
                .body("seq", equalTo(1))
                .body("nameZh", equalTo("地区生产总值年均增长率"))
                .body("category.code", equalTo("ECONOMY"))
                .body("unit.printed", equalTo("%"))
                .body("attribute", equalTo("EXPECTED"))
                .body("target.kind", equalTo("AVERAGE_ANNUAL_GROWTH"))
                .body("target.text", equalTo("7左右"))
                .body("target.measure", equalTo("GROWTH_RATE"))
                .body("target.value", equalTo(7))
                .body("target.tolerance", equalTo(0.5f))
                .body("target.effectiveFrom", equalTo("2016-01-01"))
                .body("originalTarget", nullValue())
                .body("departments[0].code", equalTo("DRC"))
                .body("departments[0].role", equalTo("LEAD"))
                .body("series", equalTo("GDP_GROWTH"))
                .body("linkedIndicators", hasItems("FYP12-01", "AP2017-01"));
    }

    @Test
    void unknownIndicatorIsNotFound() {
        problem(given().when().get("/api/v1/indicators/NOPE-1").then(), 404);
    }

    // ---- creating with each kind of target ----

    @ParameterizedTest(name = "{2} on {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            空气质量优良率              | %       | ≥94                      | -         | AT_LEAST              | LEVEL       | 94   | -   | -
            常住人口自然增长率          | ‰       | 7‰以内                   | -         | AT_MOST               | LEVEL       | 7    | -   | ‰
            地区能源消费总量            | 万吨标准煤 | 控制在673万吨标准煤以内    | -         | AT_MOST               | LEVEL       | 673  | -   | 万吨标准煤
            地区生产总值                | 亿元     | 6.5%左右                 | -         | ABOUT                 | GROWTH_RATE | 6.5  | 0.5 | %
            地区生产总值                | 亿元     | 3000左右                 | -         | ABOUT                 | LEVEL       | 3000 | 150 | -
            税收亿元楼宇                | 栋       | 50以上                   | -         | AT_LEAST              | LEVEL       | 50   | -   | -
            经认定高新技术企业          | 家       | 285                      | -         | REACH                 | LEVEL       | 285  | -   | -
            人均公园绿地面积            | 平方米    | ５．７０                  | -         | REACH                 | LEVEL       | 5.7  | -   | -
            地区生产总值年均增长率      | %       | 7左右                    | -         | AVERAGE_ANNUAL_GROWTH | GROWTH_RATE | 7    | 0.5 | -
            单位GDP能耗下降率           | %       | 19                       | -         | CUMULATIVE_DECLINE    | LEVEL       | 19   | -   | -
            现代服务业增加值占GDP比重   | %       | 70                       | REACH     | REACH                 | LEVEL       | 70   | -   | -
            城区治理水平                | %       | 全面提升，走在全市前列     | QUALITATIVE | QUALITATIVE         | LEVEL       | -    | -   | -
            """)
    void createsATypedTargetFromItsText(String nameZh, String unit, String text, String kind, String expectedKind,
                                        String expectedMeasure, String expectedValue, String expectedTolerance, String expectedTextUnit) {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, nameZh, unit, text);
        if (kind != null) {
            ((Map<String, Object>) body.get("target")).put("kind", kind);
        }
        Response created = post(plan, body);
        etag(created.then()).statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/indicators/" + code))
                .body("code", equalTo(code))
                .body("plan", equalTo(plan))
                .body("unit.printed", equalTo(unit))
                .body("target.text", equalTo(text))
                .body("target.kind", equalTo(expectedKind))
                .body("target.measure", equalTo(expectedMeasure))
                .body("target.unit", equalTo(expectedTextUnit))
                .body("target.effectiveFrom", equalTo("2001-01-01"));
        assertNumber(expectedValue, created.jsonPath().getString("target.value"));
        assertNumber(expectedTolerance, created.jsonPath().getString("target.tolerance"));

        Response read = given().when().get("/api/v1/indicators/{code}", code);
        read.then().statusCode(200)
                .body("target.kind", equalTo(expectedKind))
                .body("target.text", equalTo(text))
                .body("target.measure", equalTo(expectedMeasure));
        assertNumber(expectedValue, read.jsonPath().getString("target.value"));
        given().when().get("/api/v1/plans/{plan}", plan).then().statusCode(200).body("indicatorCount", equalTo(1));
    }

    private static void assertNumber(String expected, String actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), "expected " + expected + " but was " + actual);
        }
    }

    @Test
    void relativeTargetNeedsItsReferenceIndicator() {
        String plan = Fixtures.createPlan("ANNUAL", 2003, 2003);
        String gdp = Fixtures.createIndicator(plan, 1, "地区生产总值", "亿元", "6.5%左右");

        String income = code("I");
        Map<String, Object> body = indicator(income, 2, "城镇居民收入", "元", "与经济增长基本同步");
        ((Map<String, Object>) body.get("target")).put("referenceIndicator", gdp);
        post(plan, body).then().statusCode(201)
                .body("target.kind", equalTo("RELATIVE"))
                .body("target.measure", equalTo("GROWTH_RATE"))
                .body("target.referenceIndicator", equalTo(gdp))
                .body("target.tolerance", equalTo(0.5f))
                .body("target.value", nullValue());

        String strict = code("I");
        Map<String, Object> strictBody = indicator(strict, 3, "农村居民收入", "元", "与经济增长同步");
        ((Map<String, Object>) strictBody.get("target")).put("referenceIndicator", gdp);
        post(plan, strictBody).then().statusCode(201)
                .body("target.kind", equalTo("RELATIVE"))
                .body("target.tolerance", equalTo(0));
    }

    @Test
    void relativeTargetWithAnUnknownReferenceIsUnprocessable() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "城镇居民收入", "元", "与经济增长同步");
        ((Map<String, Object>) body.get("target")).put("referenceIndicator", "NO-SUCH-INDICATOR");
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("target.referenceIndicator"));
        assertAbsent(plan, code);

        ((Map<String, Object>) body.get("target")).remove("referenceIndicator");
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("target.referenceIndicator"));
        assertAbsent(plan, code);
    }

    @Test
    void referenceIndicatorOnANumericTargetIsUnprocessable() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "空气质量优良率", "%", "≥94");
        ((Map<String, Object>) body.get("target")).put("referenceIndicator", "FYP13-01");
        problem(post(plan, body).then(), 422).body("errors[0].field", equalTo("target.referenceIndicator"));
        assertAbsent(plan, code);
    }

    @Test
    void unparseableTargetTextIsRejectedAndNothingIsCreated() {
        String plan = fiveYearPlan();
        String code = code("I");
        problem(post(plan, indicator(code, 1, "地区生产总值年均增长率", "%", "七左右")).then(), 422)
                .body("detail", containsString("七左右"))
                .body("errors[0].field", equalTo("target.text"))
                .body("errors[0].message", containsString("七左右"));
        assertAbsent(plan, code);
    }

    @Test
    void kindContradictingTheTextIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "空气质量优良率", "%", "≥94");
        ((Map<String, Object>) body.get("target")).put("kind", "AT_MOST");
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("target.kind"))
                .body("detail", containsString("≥94"));
        assertAbsent(plan, code);
    }

    @Test
    void textUnitDifferentFromTheIndicatorsUnitIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        problem(post(plan, indicator(code, 1, "地区生产总值", "亿元", "控制在673万吨标准煤以内")).then(), 422)
                .body("errors[0].field", equalTo("target.text"));
        assertAbsent(plan, code);
    }

    @Test
    void unknownUnitIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        problem(post(plan, indicator(code, 1, "粮食产量", "公斤", "100")).then(), 422)
                .body("errors[0].field", equalTo("unit"))
                .body("detail", containsString("公斤"));
        assertAbsent(plan, code);
    }

    @Test
    void unknownCategoryIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "体育设施", "%", "100");
        body.put("category", "SPORTS");
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("category"))
                .body("detail", containsString("SPORTS"));
        assertAbsent(plan, code);
    }

    @Test
    void unknownDepartmentIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "绿化覆盖率", "%", "35");
        body.put("departments", List.of(role("NO_SUCH_DEPARTMENT", "LEAD")));
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("departments[0].code"))
                .body("detail", containsString("NO_SUCH_DEPARTMENT"));
        assertAbsent(plan, code);
    }

    @Test
    void twoLeadDepartmentsAreRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "绿化覆盖率", "%", "35");
        body.put("departments", List.of(role("HEALTH", "LEAD"), role("EDUCATION", "LEAD")));
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("departments"));
        assertAbsent(plan, code);
    }

    @Test
    void theSameDepartmentTwiceIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "绿化覆盖率", "%", "35");
        body.put("departments", List.of(role("HEALTH", "LEAD"), role("HEALTH", "SUPPORT")));
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("departments[1].code"));
        assertAbsent(plan, code);
    }

    @Test
    void supportOnlyIsRejected() {
        String plan = fiveYearPlan();
        String code = code("I");
        Map<String, Object> body = indicator(code, 1, "绿化覆盖率", "%", "35");
        body.put("departments", List.of(role("HEALTH", "SUPPORT")));
        problem(post(plan, body).then(), 422)
                .body("errors[0].field", equalTo("departments"));
        assertAbsent(plan, code);
    }

    // ---- target revisions ----

    @Test
    void targetRevisionTakesEffectFromItsDate() {
        String plan = fiveYearPlan();
        String code = Fixtures.createIndicator(plan, 1, "绿化覆盖率", "%", "35");

        given().contentType(ContentType.JSON)
                .body(Map.of("text", "40", "effectiveFrom", "2003-01-01", "reason", "规划中期评估调整"))
                .when().post("/api/v1/indicators/{code}/targets", code)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/indicators/" + code + "/targets"))
                .body("kind", equalTo("REACH"))
                .body("text", equalTo("40"))
                .body("value", equalTo(40))
                .body("effectiveFrom", equalTo("2003-01-01"))
                .body("reason", equalTo("规划中期评估调整"));

        given().when().get("/api/v1/indicators/{code}", code)
                .then().statusCode(200)
                .body("target.text", equalTo("40"))
                .body("target.value", equalTo(40))
                .body("target.effectiveFrom", equalTo("2003-01-01"))
                .body("originalTarget.text", equalTo("35"))
                .body("originalTarget.effectiveFrom", equalTo("2001-01-01"));

        given().when().get("/api/v1/indicators/{code}/targets", code)
                .then().statusCode(200)
                .body("text", contains("35", "40"));

        String item = "items.find { it.code == '" + code + "' }";
        given().queryParam("year", 2004)
                .when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200)
                .body(item + ".target.text", equalTo("40"))
                .body(item + ".originalTarget.text", equalTo("35"))
                .body(item + ".explanation.target", equalTo(40));
        given().queryParam("year", 2002)
                .when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200)
                .body(item + ".target.text", equalTo("35"))
                .body(item + ".explanation.target", equalTo(35));
    }

    @Test
    void targetRevisionWithoutAReasonIsRejected() {
        String plan = fiveYearPlan();
        String code = Fixtures.createIndicator(plan, 1, "绿化覆盖率", "%", "35");
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("text", "40", "effectiveFrom", "2003-01-01"))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("errors[0].field", equalTo("reason"));
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("text", "40", "effectiveFrom", "2003-01-01", "reason", "   "))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("errors[0].field", equalTo("reason"));
        given().when().get("/api/v1/indicators/{code}/targets", code)
                .then().statusCode(200).body("text", contains("35"));
        given().when().get("/api/v1/indicators/{code}", code)
                .then().statusCode(200).body("target.text", equalTo("35")).body("originalTarget", nullValue());
    }

    @Test
    void targetRevisionNeedsADateAfterTheLatestTargetAndWithinThePlan() {
        String plan = fiveYearPlan();
        String code = Fixtures.createIndicator(plan, 1, "绿化覆盖率", "%", "35");
        problem(given().contentType(ContentType.JSON).body(Map.of("text", "40", "reason", "调整"))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("errors[0].field", equalTo("effectiveFrom"));
        problem(given().contentType(ContentType.JSON).body(Map.of("text", "40", "effectiveFrom", "2001-01-01", "reason", "调整"))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("errors[0].field", equalTo("effectiveFrom"));
        problem(given().contentType(ContentType.JSON).body(Map.of("text", "40", "effectiveFrom", "2006-01-01", "reason", "调整"))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("errors[0].field", equalTo("effectiveFrom"));
        problem(given().contentType(ContentType.JSON).body(Map.of("text", "四十", "effectiveFrom", "2003-01-01", "reason", "调整"))
                .when().post("/api/v1/indicators/{code}/targets", code).then(), 422)
                .body("detail", containsString("四十"));
        given().when().get("/api/v1/indicators/{code}/targets", code)
                .then().statusCode(200).body("text", contains("35"));
    }

    @Test
    void targetRevisionOfAnUnknownIndicatorIsNotFound() {
        problem(given().contentType(ContentType.JSON).body(Map.of("text", "40", "effectiveFrom", "2003-01-01", "reason", "调整"))
                .when().post("/api/v1/indicators/NOPE-1/targets").then(), 404);
    }
}
