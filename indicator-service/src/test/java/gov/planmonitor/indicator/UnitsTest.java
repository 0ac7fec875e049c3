package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The units of measure are data the bureau keeps through the API (a plan that prints a new unit needs a row, not a
 * release), audited; indicators, targets and values take a unit the moment it is added.
 */
@QuarkusTest
class UnitsTest {

    private static final String UNIT = "/api/v1/units/{code}";

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** A printed form of its own for each test's unit, with no digit in it (a target reads digits as its number). */
    private static String letters(String code) {
        StringBuilder sb = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (Character.isDigit(c)) {
                sb.append((char) ('A' + (c - '0')));
            } else if (Character.isLetter(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> unit(String printed, String normalized, Object scale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("printed", printed);
        body.put("normalized", normalized);
        body.put("scale", scale);
        body.put("nameZh", printed);
        body.put("nonNegative", true);
        body.put("rate", false);
        body.put("sortOrder", 90);
        return body;
    }

    @Test
    void theCatalogueIsListedAndShownOnIndicators() {
        given().when().get("/api/v1/units").then().statusCode(200)
                .body("find { it.printed == '亿元' }.code", equalTo("YUAN_100M"))
                .body("find { it.printed == '亿元' }.scale", equalTo(100000000))
                .body("find { it.printed == '%' }.rate", equalTo(true))
                .body("printed", hasItem("/10万"));
        given().when().get("/api/v1/indicators/AP2017-01").then().statusCode(200)
                .body("unit.code", equalTo("YUAN_100M")).body("unit.normalized", equalTo("CNY")).body("unit.nameZh", equalTo("亿元"));
    }

    /** A unit the plans print that the catalogue lacks: refused, then added by a planner, then taken, by target text too. */
    @Test
    void aNewUnitIsAddedAsDataAndTakenAtOnce() {
        String start = Fixtures.changeFeedEnd();
        String code = Fixtures.departmentCode("U");
        String printed = "套" + letters(code);
        String plan = Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        Map<String, Object> indicator = Fixtures.indicator(Fixtures.code("I"), 1, "保障性住房", printed, "5000" + printed);
        problem(given().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/plans/{plan}/indicators", plan).then(), 422)
                .body("errors.field", hasItem("unit")).body("detail", containsString("PUT /api/v1/units"));

        String etag = given().contentType(ContentType.JSON).body(unit(printed, "dwelling", 1)).when().put(UNIT, code)
                .then().statusCode(201).header("Location", containsString("/api/v1/units/" + code))
                .body("printed", equalTo(printed)).body("nameEn", equalTo(null)).extract().header("ETag");
        given().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/plans/{plan}/indicators", plan).then().statusCode(201)
                .body("unit.code", equalTo(code)).body("target.value", equalTo(5000));

        // A replace needs the ETag, keeps the printed form, and is audited.
        Map<String, Object> renamed = unit(printed, "dwelling", 1);
        renamed.put("nameEn", "dwellings");
        problem(given().contentType(ContentType.JSON).body(renamed).when().put(UNIT, code).then(), 428);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(renamed).when().put(UNIT, code).then().statusCode(200)
                .body("nameEn", equalTo("dwellings")).header("ETag", not(equalTo(etag)));
        Map<String, Object> reprinted = unit(printed + "X", "dwelling", 1);
        String now = given().when().get(UNIT, code).then().statusCode(200).extract().header("ETag");
        problem(given().contentType(ContentType.JSON).header("If-Match", now).body(reprinted).when().put(UNIT, code).then(), 422)
                .body("errors.field", hasItem("printed"));
        given().queryParam("after", start).queryParam("types", "gov.planmonitor.indicator.unit.updated").when().get("/api/v1/changes")
                .then().statusCode(200).body("items.subject", hasItem("/api/v1/units/" + code)).body("items.data.nameEn", hasItem("dwellings"));

        // In use: not removed.
        problem(given().when().delete(UNIT, code).then(), 409).body("detail", containsString(indicator.get("code").toString()));
    }

    @Test
    void anUnusedUnitIsRemoved() {
        String code = Fixtures.departmentCode("U");
        given().contentType(ContentType.JSON).body(unit("处" + letters(code), "site", 1)).when().put(UNIT, code)
                .then().statusCode(201);
        given().when().delete(UNIT, code).then().statusCode(204);
        problem(given().when().get(UNIT, code).then(), 404);
    }

    @Test
    void badUnitsAreRefused() {
        String code = Fixtures.departmentCode("U");
        problem(given().contentType(ContentType.JSON).body(unit("件", "item", 1)).when().put(UNIT, code).then(), 409)
                .body("detail", containsString("ITEM"));
        problem(given().contentType(ContentType.JSON).body(unit("坪" + letters(code), "area", 0)).when().put(UNIT, code).then(), 400)
                .body("errors.field", hasItem("scale"));
        Map<String, Object> blank = unit("  ", "area", 1);
        problem(given().contentType(ContentType.JSON).body(blank).when().put(UNIT, code).then(), 400).body("errors.field", hasItem("printed"));
        problem(given().contentType(ContentType.JSON).body(unit("坪", "area", 1)).when().put(UNIT, "lower-case").then(), 400)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void onlyPlannersKeepUnits() {
        String code = Fixtures.departmentCode("U");
        problem(given().header("Authorization", Tokens.bearer(Tokens.department("DRC"))).contentType(ContentType.JSON)
                .body(unit("坪", "area", 1)).when().put(UNIT, code).then(), 403);
        problem(given().header("Authorization", Tokens.ANONYMOUS).contentType(ContentType.JSON)
                .body(unit("坪", "area", 1)).when().put(UNIT, code).then(), 401);
    }
}
