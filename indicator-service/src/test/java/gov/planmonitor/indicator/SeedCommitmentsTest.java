package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quantified commitments of the 2018 plan's key work (seeds AP2018-101 to AP2018-131, 000:116–180) load with the
 * target the report prints and the 2017 result the same report gives (000:15–97). Values worked by hand from 000.
 */
@QuarkusTest
class SeedCommitmentsTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static JsonPath indicator(String code) {
        return given().when().get("/api/v1/indicators/{code}", code).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath observations(String code) {
        return given().when().get("/api/v1/indicators/{code}/observations", code).then().statusCode(200).extract().jsonPath();
    }

    /** Numbers compared as decimals: 6.0131 is not a float. */
    private static void assertNumber(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), "expected " + expected + " but was " + actual);
    }

    @Test
    void theAnnualPlanHoldsItsSevenTargetsAndThirtyOneCommitments() {
        // 000:106–112 print 7 targets; the key work (000:116–180) 31 quantified commitments, seq 101–131.
        given().when().get("/api/v1/plans/AP2018").then().statusCode(200).body("indicatorCount", equalTo(38));
        given().queryParam("size", 100).when().get("/api/v1/plans/AP2018/indicators").then().statusCode(200)
                .body("total", equalTo(38))
                .body("items[7].code", equalTo("AP2018-101"))
                .body("items[37].code", equalTo("AP2018-131"));
        // No document gives a 2018 value yet: every one of the 38 waits for its data (the 2017 values are baselines).
        given().when().get("/api/v1/plans/AP2018/evaluation").then().statusCode(200)
                .body("year", equalTo(2018))
                .body("summary.byVerdict.NOT_EVALUABLE", equalTo(38))
                .body("items.find { it.code == 'AP2018-122' }.explanation.rule", equalTo("NO_DATA"));
    }

    @Test
    void newUrbanJobsAtLeastFortyThousandWith60131In2017() {
        // 000:172 "实现全年城镇新增就业人数4万名以上": in 万名, as printed, so the target reads 4.
        JsonPath jobs = indicator("AP2018-122");
        assertEquals("城镇新增就业人数", jobs.getString("nameZh"));
        assertEquals("万名", jobs.getString("unit.printed"));
        assertEquals("AT_LEAST", jobs.getString("target.kind"));
        assertEquals("4万名以上", jobs.getString("target.text"));
        assertEquals("LEVEL", jobs.getString("target.measure"));
        assertNumber("4", jobs.get("target.value"));
        assertEquals("NEW_URBAN_JOBS", jobs.getString("series"));
        given().when().get("/api/v1/indicators/AP2018-122").then().body("linkedIndicators", hasItem("FYP13-117"))
                .body("departments", empty());
        // 000:82 "城镇新增就业人数60131人": 60131 / 10000 = 6.0131万名.
        JsonPath values = observations("AP2018-122");
        assertEquals(1, values.getList("$").size());
        assertEquals(2017, values.getInt("[0].year"));
        assertNumber("6.0131", values.get("[0].value"));
        assertEquals("FINAL", values.getString("[0].status"));
    }

    @Test
    void housingInventoryBelow565ThousandSquareMetresWith47Point95In2017() {
        // 000:122 "确保商品房库存规模少于56.5万平方米": a ceiling, and less is better.
        JsonPath stock = indicator("AP2018-102");
        assertEquals("万平方米", stock.getString("unit.printed"));
        assertEquals("DECREASE", stock.getString("direction"));
        assertEquals("AT_MOST", stock.getString("target.kind"));
        assertNumber("56.5", stock.get("target.value"));
        assertEquals("万平方米", stock.getString("target.unit"));
        // 000:52 "商品房库存规模为47.95万平方米".
        given().when().get("/api/v1/indicators/AP2018-102/observations").then().statusCode(200)
                .body("year", contains(2017)).body("[0].value", equalTo(47.95f));
    }

    @Test
    void wellsAndJobFairsInTheirOwnUnits() {
        // 000:158 "清井8万座": the unit 万座 (V11); 000:72 "清理市政井1618座" = 0.1618万座.
        JsonPath wells = indicator("AP2018-112");
        assertEquals("万座", wells.getString("unit.printed"));
        assertEquals("REACH", wells.getString("target.kind"));
        assertNumber("8", wells.get("target.value"));
        assertNumber("0.1618", observations("AP2018-112").get("[0].value"));
        // 000:170 "开展50场次就业专场招聘会"; 000:82 "共举办68场次就业专场招聘会".
        JsonPath fairs = indicator("AP2018-119");
        assertEquals("场次", fairs.getString("unit.printed"));
        assertEquals("REACH", fairs.getString("target.kind"));
        assertNumber("50", fairs.get("target.value"));
        assertNumber("68", observations("AP2018-119").get("[0].value"));
    }

    @Test
    void aShareFloorWithNoValueFor2017() {
        // 000:164 "完成存量违建处理比例不低于70%的目标"; the 2017 report gives no such share.
        JsonPath share = indicator("AP2018-116");
        assertEquals("AT_LEAST", share.getString("target.kind"));
        assertNumber("70", share.get("target.value"));
        assertEquals("URBAN_ENVIRONMENT", share.getString("category.code"));
        given().when().get("/api/v1/indicators/AP2018-116/observations").then().statusCode(200).body("$", hasSize(0));
    }
}
