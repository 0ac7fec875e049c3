package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.PROBLEM;
import static gov.planmonitor.indicator.Fixtures.code;
import static gov.planmonitor.indicator.Fixtures.etag;
import static gov.planmonitor.indicator.Fixtures.plan;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanResourceTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static Response postPlan(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans");
    }

    // ---- list ----

    @Test
    void listReturnsThePagingEnvelope() {
        given().queryParam("size", 2)
                .when().get("/api/v1/plans")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(2))
                .body("total", greaterThanOrEqualTo(4))
                .body("page", equalTo(0))
                .body("size", equalTo(2));

        List<String> first = given().queryParam("size", 2).queryParam("page", 0).get("/api/v1/plans")
                .then().statusCode(200).extract().path("items.code");
        Response second = given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/plans");
        second.then().statusCode(200).body("page", equalTo(1)).body("items", hasSize(2));
        List<String> secondCodes = second.path("items.code");
        assertTrue(Collections.disjoint(first, secondCodes), "pages overlap: " + first + " / " + secondCodes);
    }

    @Test
    void sizeAbove200AndPagesBeyondAnyListAreBadRequests() {
        given().queryParam("size", 200).when().get("/api/v1/plans").then().statusCode(200).body("size", equalTo(200));
        problem(given().queryParam("size", 201).when().get("/api/v1/plans").then(), 400).body("errors[0].field", equalTo("size"));
        problem(given().queryParam("size", 2147483647).when().get("/api/v1/plans").then(), 400).body("errors[0].field", equalTo("size"));
        problem(given().queryParam("page", 2147483647).when().get("/api/v1/plans").then(), 400).body("errors[0].field", equalTo("page"));
        problem(given().queryParam("page", 2147483647).queryParam("size", 200).when().get("/api/v1/plans").then(), 400);
    }

    @Test
    void negativePageIsABadRequest() {
        problem(given().queryParam("page", -1).when().get("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("page"));
    }

    /** A query parameter that is not a number is a bad query (400), not "no resource at this path" (404). */
    @Test
    void nonNumericQueryParametersAreBadRequests() {
        problem(given().queryParam("page", "abc").when().get("/api/v1/plans").then(), 400)
                .body("detail", containsString("page"));
        problem(given().queryParam("size", "ten").when().get("/api/v1/plans").then(), 400)
                .body("detail", containsString("size"));
        problem(given().queryParam("year", "2017x").when().get("/api/v1/plans").then(), 400)
                .body("detail", containsString("year"));
    }

    @Test
    void zeroSizeIsABadRequest() {
        problem(given().queryParam("size", 0).when().get("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void sortByAValidFieldOrdersTheItems() {
        List<Integer> years = given().queryParam("sort", "-startYear,code").queryParam("size", 200)
                .when().get("/api/v1/plans")
                .then().statusCode(200).extract().path("items.startYear");
        assertTrue(years.size() >= 4);
        for (int i = 1; i < years.size(); i++) {
            assertTrue(years.get(i - 1) >= years.get(i), "not descending by startYear: " + years);
        }
        List<String> codes = given().queryParam("sort", "code").queryParam("size", 200)
                .when().get("/api/v1/plans")
                .then().statusCode(200).extract().path("items.code");
        List<String> sorted = codes.stream().sorted().toList();
        assertEquals(sorted, codes);
    }

    @Test
    void sortByAnUnknownFieldIsABadRequest() {
        problem(given().queryParam("sort", "titleZh").when().get("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("sort"))
                .body("detail", containsString("titleZh"));
    }

    @Test
    void filterByKind() {
        given().queryParam("kind", "ANNUAL").queryParam("size", 200)
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("items.kind", everyItem(equalTo("ANNUAL")))
                .body("items.code", not(hasItem("FYP13")));
        // Newest first, so the seeded annual plans stay on the first page however many test plans of 2017 there are.
        given().queryParam("kind", "ANNUAL").queryParam("sort", "-startYear").queryParam("size", 200)
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("items.code", hasItems("AP2018"));
        problem(given().queryParam("kind", "MONTHLY").when().get("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void filterByParent() {
        given().queryParam("parent", "FYP13").queryParam("size", 200)
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("items.parent", everyItem(equalTo("FYP13")))
                .body("items.code", hasItems("AP2017", "AP2018"));
        given().queryParam("parent", "FYP12")
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(0));
    }

    @Test
    void filterByYear() {
        // Other tests add many plans of these years to the same database: each kind is asked for on its own.
        for (String kind : java.util.List.of("FIVE_YEAR", "ANNUAL")) {
            given().queryParam("year", 2017).queryParam("kind", kind).queryParam("size", 200)
                    .when().get("/api/v1/plans")
                    .then().statusCode(200)
                    .body("items.code", hasItem(kind.equals("ANNUAL") ? "AP2017" : "FYP13"))
                    .body("items.code", not(hasItem("FYP12")))
                    .body("items.code", not(hasItem("AP2018")))
                    .body("items.startYear", everyItem(lessThanOrEqualTo(2017)))
                    .body("items.endYear", everyItem(greaterThanOrEqualTo(2017)));
        }
    }

    // ---- read ----

    @Test
    void getPlanHasAnETag() {
        etag(given().when().get("/api/v1/plans/FYP13").then())
                .statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo("FYP13"))
                .body("kind", equalTo("FIVE_YEAR"))
                .body("startYear", equalTo(2016))
                .body("endYear", equalTo(2020))
                .body("parent", nullValue())
                .body("indicatorCount", equalTo(45));
        given().when().get("/api/v1/plans/AP2017")
                .then().statusCode(200).body("parent", equalTo("FYP13")).body("kind", equalTo("ANNUAL"));
    }

    @Test
    void unknownPlanIsNotFound() {
        problem(given().when().get("/api/v1/plans/NOPE-PLAN").then(), 404);
    }

    // ---- create ----

    @Test
    void createReturns201WithLocationAndETag() {
        String code = code("AP");
        Response created = postPlan(plan(code, "ANNUAL", 2019, 2019, "FYP13"));
        etag(created.then()).statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/plans/" + code))
                .body("code", equalTo(code))
                .body("kind", equalTo("ANNUAL"))
                .body("parent", equalTo("FYP13"))
                .body("indicatorCount", equalTo(0));

        String location = created.header("Location");
        etag(given().when().get(location).then()).statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("code", equalTo(code))
                .body("titleZh", equalTo("测试规划" + code));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = code("P");
        postPlan(plan(code, "FIVE_YEAR", 2021, 2025, null)).then().statusCode(201);
        Map<String, Object> again = plan(code, "FIVE_YEAR", 2026, 2030, null);
        again.put("titleEn", "changed");
        problem(postPlan(again).then(), 409).body("detail", containsString(code));
        given().get("/api/v1/plans/{code}", code).then().statusCode(200)
                .body("startYear", equalTo(2021)).body("titleEn", equalTo("Test plan " + code));
        problem(postPlan(plan("FYP13", "FIVE_YEAR", 2016, 2020, null)).then(), 409);
    }

    @Test
    void annualPlanOutsideItsParentsYearsIsUnprocessable() {
        String code = code("AP");
        problem(postPlan(plan(code, "ANNUAL", 2022, 2022, "FYP13")).then(), 422)
                .body("errors[0].field", equalTo("parent"))
                .body("detail", containsString("FYP13"));
        problem(given().get("/api/v1/plans/{code}", code).then(), 404);
    }

    @Test
    void unknownParentIsUnprocessable() {
        String code = code("AP");
        problem(postPlan(plan(code, "ANNUAL", 2019, 2019, "NO-SUCH-PLAN")).then(), 422)
                .body("errors[0].field", equalTo("parent"))
                .body("detail", containsString("NO-SUCH-PLAN"));
        problem(given().get("/api/v1/plans/{code}", code).then(), 404);
    }

    @Test
    void endYearBeforeStartYearIsUnprocessable() {
        String code = code("P");
        problem(postPlan(plan(code, "FIVE_YEAR", 2025, 2021, null)).then(), 422)
                .body("errors[0].field", equalTo("endYear"));
        problem(given().get("/api/v1/plans/{code}", code).then(), 404);
    }

    @Test
    void annualPlanSpanningSeveralYearsIsUnprocessable() {
        String code = code("AP");
        problem(postPlan(plan(code, "ANNUAL", 2019, 2020, null)).then(), 422)
                .body("errors[0].field", equalTo("endYear"));
        problem(given().get("/api/v1/plans/{code}", code).then(), 404);
    }

    // ---- update ----

    @Test
    void updateWithoutIfMatchIsPreconditionRequired() {
        String code = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        Map<String, Object> body = plan(code, "FIVE_YEAR", 2021, 2025, null);
        body.put("titleEn", "No If-Match");
        problem(given().contentType(ContentType.JSON).body(body).when().put("/api/v1/plans/{code}", code).then(), 428);
        given().get("/api/v1/plans/{code}", code).then().statusCode(200).body("titleEn", equalTo("Test plan " + code));
    }

    @Test
    void updateWithAStaleIfMatchFails() {
        String code = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String etag = given().get("/api/v1/plans/{code}", code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = plan(code, "FIVE_YEAR", 2021, 2025, null);
        body.put("titleEn", "First change");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/plans/{code}", code).then().statusCode(200);

        body.put("titleEn", "Lost update");
        problem(given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/plans/{code}", code).then(), 412);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(body)
                .when().put("/api/v1/plans/{code}", code).then(), 412);
        // If-Match compares strongly (RFC 9110): the current ETag marked weak does not match.
        String current = given().get("/api/v1/plans/{code}", code).then().statusCode(200).extract().header("ETag");
        problem(given().contentType(ContentType.JSON).header("If-Match", "W/" + current).body(body)
                .when().put("/api/v1/plans/{code}", code).then(), 412);
        given().get("/api/v1/plans/{code}", code).then().statusCode(200).body("titleEn", equalTo("First change"));
    }

    @Test
    void updateWithTheCurrentETagSucceedsAndChangesTheETag() {
        String code = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String etag = given().get("/api/v1/plans/{code}", code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = plan(code, "FIVE_YEAR", 2021, 2025, null);
        body.put("titleZh", "修改后的标题");
        body.put("titleEn", "Renamed plan");
        Response updated = given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/plans/{code}", code);
        etag(updated.then()).statusCode(200).contentType(ContentType.JSON)
                .body("titleZh", equalTo("修改后的标题"))
                .body("titleEn", equalTo("Renamed plan"));
        String newEtag = updated.header("ETag");
        assertNotEquals(etag, newEtag);

        etag(given().get("/api/v1/plans/{code}", code).then()).statusCode(200)
                .header("ETag", equalTo(newEtag))
                .body("titleEn", equalTo("Renamed plan"));
    }

    @Test
    void updateCannotChangeTheCode() {
        String code = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String etag = given().get("/api/v1/plans/{code}", code).then().extract().header("ETag");
        Map<String, Object> body = plan(code("P"), "FIVE_YEAR", 2021, 2025, null);
        problem(given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/plans/{code}", code).then(), 422)
                .body("errors[0].field", equalTo("code"));
        given().get("/api/v1/plans/{code}", code).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void updateOfAnUnknownPlanIsNotFound() {
        Map<String, Object> body = plan("NOPE-PLAN", "FIVE_YEAR", 2021, 2025, null);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/plans/NOPE-PLAN").then(), 404);
    }

    @Test
    void problemResponsesCarryTheRequestPath() {
        given().queryParam("page", -1).when().get("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM)
                .body("instance", equalTo("/api/v1/plans"))
                .body("errors", notNullValue());
    }

    @Test
    void publishedPlansAreReadWithoutATokenButABadTokenIsRefused() {
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/plans").then().statusCode(200);
        for (String bad : List.of(Tokens.unsigned(), Tokens.foreignKey(), Tokens.expired(), Tokens.otherAudience(),
                Tokens.otherIssuer(), "not-a-jwt")) {
            problem(given().header("Authorization", Tokens.bearer(bad)).when().get("/api/v1/plans").then(), 401);
        }
    }
}
