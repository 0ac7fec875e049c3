package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The verdicts must follow from the printed numbers of the seed documents. */
@QuarkusTest
class EvaluationTest {

    /** The seeds, once per started application: no test changes seed data (Fixtures.seeds). */
    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static String verdict(String code) {
        return "items.find { it.code == '" + code + "' }.verdict";
    }

    @Test
    void fyp12FinalEvaluationFollowsTheTableOfColumn1() {
        given().queryParam("year", 2015)
                .when().get("/api/v1/plans/FYP12/evaluation")
                .then().statusCode(200)
                .body("stage", equalTo("FINAL"))
                .body("items", hasSize(24))
                .body("summary.byVerdict.ACHIEVED", equalTo(19))
                .body("summary.byVerdict.NOT_ACHIEVED", equalTo(4))
                .body("summary.byVerdict.NOT_COMPARABLE", equalTo(1))
                // 8.8 against 8: average annual growth
                .body(verdict("FYP12-01"), equalTo("ACHIEVED"))
                .body("items.find { it.code == 'FYP12-01' }.explanation.actual", equalTo(8.8f))
                // 7.08 against 8, 21.97 against 25, 5.69 against 5.82, 56.9 against ≤56
                .body(verdict("FYP12-07"), equalTo("NOT_ACHIEVED"))
                .body(verdict("FYP12-08"), equalTo("NOT_ACHIEVED"))
                .body(verdict("FYP12-21"), equalTo("NOT_ACHIEVED"))
                .body(verdict("FYP12-24"), equalTo("NOT_ACHIEVED"))
                // the footnote: caliber changed
                .body(verdict("FYP12-18"), equalTo("NOT_COMPARABLE"))
                // ≤10.5 with 8.93; ≥94 with 95.69; cumulative decline 19.25 against 19
                .body(verdict("FYP12-10"), equalTo("ACHIEVED"))
                .body(verdict("FYP12-12"), equalTo("ACHIEVED"))
                .body(verdict("FYP12-23"), equalTo("ACHIEVED"))
                .body("items.find { it.code == 'FYP12-23' }.explanation.rule", equalTo("CUMULATIVE_DECLINE"))
                // reached exactly: 35.26 against 35.26
                .body(verdict("FYP12-22"), equalTo("ACHIEVED"))
                .body("summary.byCategory.ECONOMY.NOT_ACHIEVED", equalTo(2))
                .body("summary.byAttribute.NONE.ACHIEVED", equalTo(19))
                .body("summary.byDepartment.DRC.ACHIEVED", equalTo(8));
    }

    @Test
    void ap2017MainIndicatorsReachedTheAnnualTargetsWithTheEnergyFigurePending() {
        given().when().get("/api/v1/plans/AP2017/evaluation")
                .then().statusCode(200)
                .body("year", equalTo(2017))
                .body("summary.byVerdict.ACHIEVED", equalTo(5))
                .body("summary.byVerdict.NOT_EVALUABLE", equalTo(1))
                // 6.1% against 6.5%左右: within the expected indicator's band of 0.5 points
                .body(verdict("AP2017-01"), equalTo("ACHIEVED"))
                .body("items.find { it.code == 'AP2017-01' }.explanation.threshold", equalTo(6))
                .body("items.find { it.code == 'AP2017-01' }.target.measure", equalTo("GROWTH_RATE"))
                .body(verdict("AP2017-03"), equalTo("ACHIEVED"))
                // 与经济增长基本同步, stated in words by the report
                .body(verdict("AP2017-04"), equalTo("ACHIEVED"))
                .body("items.find { it.code == 'AP2017-04' }.explanation.rule", equalTo("OFFICIAL_QUALITATIVE_STATEMENT"))
                .body(verdict("AP2017-05"), equalTo("ACHIEVED"))
                .body(verdict("AP2017-06"), equalTo("NOT_EVALUABLE"))
                .body("items.find { it.code == 'AP2017-06' }.explanation.rule", equalTo("ESTIMATE_PENDING"));
    }

    @Test
    void fyp13MidTermProgressUsesLinkedAnnualValuesAndTheElapsedShare() {
        given().queryParam("year", 2017)
                .when().get("/api/v1/plans/FYP13/evaluation")
                .then().statusCode(200)
                .body("stage", equalTo("PROGRESS"))
                .body("elapsedShare", equalTo(0.4f))
                // GDP growth 6.1% in 2017 (from AP2017-01) below 7%左右 less 0.5
                .body(verdict("FYP13-01"), equalTo("LAGGING"))
                .body("items.find { it.code == 'FYP13-01' }.observation.fromIndicator", equalTo("AP2017-01"))
                // 554 high-tech enterprises (estimate) against 285 by 2020
                .body(verdict("FYP13-11"), equalTo("AHEAD"))
                .body(verdict("FYP13-09"), equalTo("ON_TRACK"))
                .body(verdict("FYP13-22"), equalTo("NOT_EVALUABLE"))
                // 总部经济: 48.7% in 2015 (the outline's text), 50 by 2020; 48.7 + 1.3 × 0.4 = 49.22 due, 48.94 recorded
                .body(verdict("FYP13-05"), equalTo("LAGGING"))
                .body("items.find { it.code == 'FYP13-05' }.explanation.baseline", equalTo(48.7f))
                .body("items.find { it.code == 'FYP13-05' }.explanation.expected", equalTo(49.22f))
                // Air quality: words only in the outline; 81% in 2015, 78.4% in 2017 recorded beside them
                .body(verdict("FYP13-101"), equalTo("NOT_EVALUABLE"))
                .body("items.find { it.code == 'FYP13-101' }.observation.value", equalTo(78.4f))
                .body("items.find { it.code == 'FYP13-101' }.explanation.zh", containsString("2015年81%；2017年78.4%"));
    }

    /**
     * The seeds are recorded at the dates of their documents: the outline (专栏1 results, the 12th and 13th plans'
     * targets) was issued on 2016-09-29, the 2017 execution report (2017 values, the annual plans) read on 2018-02-08.
     */
    @Test
    void seedsAreKnownFromTheDatesOfTheirDocuments() {
        String endOf2017 = "2017-12-31T15:59:59Z";   // 23:59:59 in Beijing
        given().queryParam("year", 2017).queryParam("asOf", endOf2017)
                .when().get("/api/v1/plans/FYP13/evaluation")
                .then().statusCode(200)
                .body("items.findAll { it.code != 'FYP13-117' }.target", everyItem(notNullValue()))
                .body("items.find { it.code == 'FYP13-117' }.explanation.rule", equalTo("NO_TARGET"))
                .body("items.find { it.code == 'FYP13-01' }.target.text", equalTo("7左右"))
                .body("items.observation", everyItem(nullValue()))
                .body("summary.byVerdict.NOT_EVALUABLE", equalTo(45));
        // The outline gave FYP13-05's 2015 level; the report its 2017 one, from 2018-02-08.
        given().queryParam("asOf", endOf2017).when().get("/api/v1/indicators/FYP13-05/observations")
                .then().statusCode(200).body("year", contains(2015));
        given().queryParam("asOf", endOf2017).when().get("/api/v1/plans/AP2017/evaluation")
                .then().statusCode(200).body("items.explanation.rule", everyItem(equalTo("NO_TARGET")));

        String endOf2018 = "2018-12-31T15:59:59Z";
        given().queryParam("year", 2017).queryParam("asOf", endOf2018)
                .when().get("/api/v1/plans/FYP13/evaluation")
                .then().statusCode(200)
                .body(verdict("FYP13-01"), equalTo("LAGGING"))
                .body("items.find { it.code == 'FYP13-01' }.observation.fromIndicator", equalTo("AP2017-01"))
                .body("items.find { it.code == 'FYP13-05' }.observation.value", equalTo(48.94f));
        given().queryParam("asOf", endOf2018).when().get("/api/v1/indicators/FYP13-05/observations")
                .then().statusCode(200).body("year", contains(2015, 2017));
        given().queryParam("asOf", endOf2018).when().get("/api/v1/plans/AP2017/evaluation")
                .then().statusCode(200).body("summary.byVerdict.ACHIEVED", equalTo(5));

        // The outline's first moment, in Beijing: before it the 12th plan had neither targets nor results here.
        given().queryParam("year", 2015).queryParam("asOf", "2016-09-28T15:59:59Z").when().get("/api/v1/plans/FYP12/evaluation")
                .then().statusCode(200).body("items.explanation.rule", everyItem(equalTo("NO_TARGET")));
        given().queryParam("year", 2015).queryParam("asOf", "2016-09-28T16:00:00Z").when().get("/api/v1/plans/FYP12/evaluation")
                .then().statusCode(200).body("summary.byVerdict.ACHIEVED", equalTo(19));
    }

    @Test
    void yearOutsideThePlanIsRejected() {
        given().queryParam("year", 2030)
                .when().get("/api/v1/plans/FYP13/evaluation")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"))
                .body("detail", containsString("outside plan FYP13"));
    }

    @Test
    void unknownPlanIsNotFound() {
        given().when().get("/api/v1/plans/NOPE/evaluation")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("errors", nullValue());
    }
}
