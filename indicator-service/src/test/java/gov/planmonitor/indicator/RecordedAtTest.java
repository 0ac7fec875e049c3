package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports that record history: a row's recordedAt (observations) or targetRecordedAt (indicators) dates it back to
 * its source document, so reads "as of" an earlier time do not see it, and later corrections still supersede it.
 */
@QuarkusTest
class RecordedAtTest {

    private static final String OBSERVATIONS = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,"
            + "comparable,source,note,recordedAt\n";
    private static final String INDICATORS = "code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,targetText,"
            + "targetKind,targetReference,series,footnoteZh,footnoteEn,targetRecordedAt\n";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static Response importCsv(String entity, String csv) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("entity", entity).when().post("/api/v1/imports");
    }

    /** An indicator in 亿元 of a new plan 2001–2005, led by HEALTH. */
    private static String newIndicator() {
        return Fixtures.createIndicator(Fixtures.createPlan("FIVE_YEAR", 2001, 2005), 1, "地区生产总值", "亿元", "3000");
    }

    private static String observationsAsOf(String code, String asOf) {
        return given().queryParam("asOf", asOf).when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void aDatedValueIsAbsentBeforeItsDateAndPresentFromIt() {
        String code = newIndicator();
        importCsv("observations", OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,2018-02-08\n"
                + code + ",2003,,20,,,FINAL,,,true,,,2018-03-01T10:00:00+08:00\n")
                .then().statusCode(200).body("counts.observations.CREATED", equalTo(2));

        // A date is its first moment in the bureau's time zone: 2018-02-08T00:00+08:00 is 2018-02-07T16:00Z.
        given().queryParam("asOf", "2018-02-07T15:59:59Z").when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("", hasSize(0));
        given().queryParam("asOf", "2018-02-07T16:00:00Z").when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("year", contains(2002));
        given().queryParam("asOf", "2018-03-01T02:00:00Z").when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("year", contains(2002, 2003));
        String recordedAt = given().when().get("/api/v1/indicators/{code}/observations/2002", code)
                .then().statusCode(200).extract().path("recordedAt");
        assertTrue(OffsetDateTime.parse(recordedAt).isEqual(OffsetDateTime.parse("2018-02-08T00:00:00+08:00")), recordedAt);
    }

    @Test
    void aLaterCorrectionSupersedesTheDatedValue() {
        String code = newIndicator();
        importCsv("observations", OBSERVATIONS + code + ",2002,,10,,,PRELIMINARY,,,true,,,2018-02-08\n").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Fixtures.observation(11, "FINAL"))
                .when().put("/api/v1/indicators/{code}/observations/{year}", code, 2002)
                .then().statusCode(200).body("revision", equalTo(2));

        given().queryParam("asOf", "2018-06-01T00:00:00Z").when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("value", contains(10)).body("revision", contains(1));
        given().when().get("/api/v1/indicators/{code}/observations", code)
                .then().statusCode(200).body("value", contains(11)).body("revision", contains(2));
        given().when().get("/api/v1/indicators/{code}/observations/2002/history", code)
                .then().statusCode(200).body("[0].supersededAt", notNullValue()).body("[1].supersededAt", nullValue());
    }

    @Test
    void aFutureRecordedAtIsRefusedWithItsRowAndNothingIsWritten() {
        String code = newIndicator();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        problem(importCsv("observations", OBSERVATIONS + code + ",2001,,5,,,FINAL,,,true,,,\n"
                + code + ",2002,,10,,,FINAL,,,true,,," + tomorrow + "\n").then(), 422)
                .body("errors", hasSize(1))
                .body("errors[0].entity", equalTo("observations"))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("recordedAt"))
                .body("errors[0].message", containsString("in the future"));
        given().when().get("/api/v1/indicators/{code}/observations", code).then().statusCode(200).body("", hasSize(0));

        problem(importCsv("observations", OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,last spring\n").then(), 422)
                .body("errors[0].field", equalTo("recordedAt"))
                .body("errors[0].message", containsString("not a date"));
    }

    @Test
    void historyIsNotWrittenBeforeWhatIsAlreadyKnown() {
        String code = newIndicator();
        importCsv("observations", OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,2018-02-08\n").then().statusCode(200);
        problem(importCsv("observations", OBSERVATIONS + code + ",2002,,12,,,FINAL,,,true,,,2017-01-01\n").then(), 422)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("recordedAt"))
                .body("errors[0].message", containsString("before"));
        // The same value again is no change, whatever date it carries.
        importCsv("observations", OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,2017-01-01\n")
                .then().statusCode(200).body("counts.observations.UNCHANGED", equalTo(1));
    }

    /**
     * Dated rows are history taken from documents: they need the planner role on top of what any value needs (the
     * responsible department), so a date never widens who may write a row. An undated row is a department's report.
     */
    @Test
    void onlyPlannersAndAdminsRecordHistory() {
        String code = newIndicator();
        String department = Tokens.bearer(Tokens.department("HEALTH"));
        given().header("Authorization", department).contentType("text/csv").body(OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,2018-02-08\n")
                .queryParam("entity", "observations").when().post("/api/v1/imports")
                .then().statusCode(403).contentType(Fixtures.PROBLEM).body("detail", containsString("observations row 1"));
        given().header("Authorization", department).contentType("text/csv").body(OBSERVATIONS + code + ",2002,,10,,,FINAL,,,true,,,\n")
                .queryParam("entity", "observations").when().post("/api/v1/imports")
                .then().statusCode(200);
        String planner = Tokens.bearer(Tokens.planner());
        // A planner alone may not write (or backdate) a value of an indicator it is not responsible for.
        given().header("Authorization", planner).contentType("text/csv")
                .body(OBSERVATIONS + code + ",2003,,10,,,FINAL,,,true,,,2018-02-08\n")
                .queryParam("entity", "observations").when().post("/api/v1/imports")
                .then().statusCode(403).contentType(Fixtures.PROBLEM).body("detail", containsString("HEALTH"));
        given().when().get("/api/v1/indicators/{code}/observations", code).then().statusCode(200).body("year", not(hasItem(2003)));
        // Planner and the responsible department in one token (or an admin): history is recorded.
        String plannerOfHealth = Tokens.bearer(Tokens.of("u-history", "史料录入", java.util.List.of("planner", "department"), java.util.List.of("HEALTH")));
        given().header("Authorization", plannerOfHealth).contentType("text/csv")
                .body(OBSERVATIONS + code + ",2003,,10,,,FINAL,,,true,,,2018-02-08\n")
                .queryParam("entity", "observations").when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.observations.CREATED", equalTo(1));
        given().header("Authorization", planner).contentType("text/csv")
                .body(OBSERVATIONS + code + ",2004,,10,,,FINAL,,,true,,,\n")
                .queryParam("entity", "observations").when().post("/api/v1/imports")
                .then().statusCode(403);
    }

    @Test
    void aDatedTargetIsUnknownToAnEvaluationBeforeItsDateAndACorrectionKeepsIt() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        String code = Fixtures.code("I");
        String row = code + "," + plan + ",1,绿化覆盖率,Green coverage,URBAN_ENVIRONMENT,%,EXPECTED,INCREASE,HEALTH:LEAD,TARGET,,,,,,RECORDED\n";
        importCsv("indicators", INDICATORS + row.replace("TARGET", "≥40").replace("RECORDED", "2016-09-29")).then().statusCode(200);

        String item = "items.find { it.code == '" + code + "' }";
        given().queryParam("year", 2017).queryParam("asOf", "2016-09-28T15:59:59Z").when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200)
                .body(item + ".target", nullValue())
                .body(item + ".explanation.rule", equalTo("NO_TARGET"));
        given().queryParam("year", 2017).queryParam("asOf", "2016-09-28T16:00:00Z").when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200).body(item + ".target.text", equalTo("≥40"));

        // Corrected now: an evaluation as of 2017 still judges against the target known then.
        importCsv("indicators", INDICATORS + row.replace("TARGET", "≥42").replace("RECORDED", "")).then().statusCode(200)
                .body("counts.indicators.UPDATED", equalTo(1));
        given().queryParam("year", 2017).queryParam("asOf", "2017-06-01T00:00:00Z").when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200).body(item + ".target.text", equalTo("≥40"));
        given().queryParam("year", 2017).when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200).body(item + ".target.text", equalTo("≥42"));
        given().when().get("/api/v1/indicators/{code}", code).then().statusCode(200).body("target.text", equalTo("≥42"));

        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        problem(importCsv("indicators", INDICATORS + row.replace("TARGET", "≥45").replace("RECORDED", tomorrow)).then(), 422)
                .body("errors[0].entity", equalTo("indicators"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("targetRecordedAt"));
        problem(importCsv("indicators", INDICATORS + row.replace("TARGET", "≥45").replace("RECORDED", "2017-01-01")).then(), 422)
                .body("errors[0].field", equalTo("targetRecordedAt"))
                .body("errors[0].message", containsString("before"));
    }
}
