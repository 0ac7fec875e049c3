package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.departmentCode;
import static gov.planmonitor.indicator.Fixtures.etag;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DepartmentResourceTest {

    static final String[] SEEDED = {"DRC", "COMMERCE", "SCITECH", "CONSTRUCTION_WATER", "HEALTH", "CULTURE", "EDUCATION",
            "FINANCE", "HRSS", "HHG_PARK", "FINANCIAL_AFFAIRS", "ENVIRONMENT", "URBAN_MGMT", "GOV_SERVICES"};

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static Map<String, Object> department(String code, String nameZh, String nameEn) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("nameZh", nameZh);
        d.put("nameEn", nameEn);
        return d;
    }

    private static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/departments");
    }

    @Test
    void listHoldsTheFourteenSeededDepartments() {
        given().queryParam("size", 200)
                .when().get("/api/v1/departments")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("total", greaterThanOrEqualTo(14))
                .body("page", equalTo(0))
                .body("size", equalTo(200))
                .body("items.code", hasItems(SEEDED))
                .body("items.find { it.code == 'DRC' }.nameZh", equalTo("区发改局"))
                .body("items.find { it.code == 'HHG_PARK' }.nameEn", equalTo("Huanghuagang Science and Technology Park Administrative Committee"));

        List<String> codes = given().queryParam("size", 200).when().get("/api/v1/departments")
                .then().extract().path("items.code");
        assertEquals(codes.stream().sorted().toList(), codes, "default order is by code");
    }

    @Test
    void listIsPaged() {
        int total = given().when().get("/api/v1/departments").then().statusCode(200)
                .body("size", equalTo(20)).extract().path("total");
        List<String> all = new ArrayList<>();
        for (int page = 0; page * 5 < total; page++) {
            List<String> codes = given().queryParam("size", 5).queryParam("page", page)
                    .when().get("/api/v1/departments")
                    .then().statusCode(200)
                    .body("page", equalTo(page))
                    .body("size", equalTo(5))
                    .body("total", equalTo(total))
                    .extract().path("items.code");
            assertTrue(codes.size() <= 5);
            assertTrue(Collections.disjoint(all, codes), "pages overlap: " + all + " / " + codes);
            all.addAll(codes);
        }
        assertEquals(total, all.size());
        assertTrue(all.containsAll(List.of(SEEDED)));
        problem(given().queryParam("page", -1).when().get("/api/v1/departments").then(), 400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void listCanBeSearchedAndSorted() {
        given().queryParam("q", "发改")
                .when().get("/api/v1/departments")
                .then().statusCode(200)
                .body("items.code", contains("DRC"));
        given().queryParam("q", "financial AFFAIRS")
                .when().get("/api/v1/departments")
                .then().statusCode(200)
                .body("items.code", contains("FINANCIAL_AFFAIRS"));
        given().queryParam("sort", "-code").queryParam("size", 200)
                .when().get("/api/v1/departments")
                .then().statusCode(200)
                .body("items[0].code", not(emptyOrNullString()));
        problem(given().queryParam("sort", "budget").when().get("/api/v1/departments").then(), 400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void getDepartmentHasAnETag() {
        etag(given().when().get("/api/v1/departments/DRC").then())
                .statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo("DRC"))
                .body("nameZh", equalTo("区发改局"))
                .body("nameEn", equalTo("District Development and Reform Bureau"));
    }

    @Test
    void unknownDepartmentIsNotFound() {
        problem(given().when().get("/api/v1/departments/NO_SUCH_DEPARTMENT").then(), 404)
                .body("detail", containsString("NO_SUCH_DEPARTMENT"));
        problem(given().when().get("/api/v1/departments/NO_SUCH_DEPARTMENT/indicators").then(), 404);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(department("NO_SUCH_DEPARTMENT", "无", "None"))
                .when().put("/api/v1/departments/NO_SUCH_DEPARTMENT").then(), 404);
    }

    @Test
    void createReturns201WithLocationAndETag() {
        String code = departmentCode("STATS");
        int before = given().when().get("/api/v1/departments").then().extract().path("total");
        Response created = create(department(code, "区统计局", "District Statistics Bureau"));
        etag(created.then()).statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/departments/" + code))
                .body("code", equalTo(code))
                .body("nameZh", equalTo("区统计局"));
        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("nameEn", equalTo("District Statistics Bureau"));
        given().when().get("/api/v1/departments").then().body("total", equalTo(before + 1));
    }

    @Test
    void duplicateDepartmentIsAConflict() {
        String code = departmentCode("STATS");
        create(department(code, "区统计局", "District Statistics Bureau")).then().statusCode(201);
        problem(create(department(code, "另一个局", "Another bureau")).then(), 409)
                .body("detail", containsString(code));
        problem(create(department("DRC", "另一个局", "Another bureau")).then(), 409);
        given().when().get("/api/v1/departments/{code}", code).then().statusCode(200).body("nameZh", equalTo("区统计局"));
        given().when().get("/api/v1/departments/DRC").then().statusCode(200).body("nameZh", equalTo("区发改局"));
    }

    @Test
    void invalidDepartmentIsABadRequest() {
        String code = departmentCode("STATS");
        problem(create(department(code.replace('_', '-'), "区统计局", "Statistics")).then(), 400)
                .body("errors[0].field", equalTo("code"));
        problem(create(department(code, "", "Statistics")).then(), 400)
                .body("errors[0].field", equalTo("nameZh"));
        problem(given().when().get("/api/v1/departments/{code}", code).then(), 404);
    }

    @Test
    void renameNeedsTheCurrentETag() {
        String code = departmentCode("STATS");
        String etag = create(department(code, "区统计局", "District Statistics Bureau")).then().statusCode(201).extract().header("ETag");

        Map<String, Object> renamed = department(code, "区统计局（更名）", "District Bureau of Statistics");
        problem(given().contentType(ContentType.JSON).body(renamed).when().put("/api/v1/departments/{code}", code).then(), 428);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(renamed)
                .when().put("/api/v1/departments/{code}", code).then(), 412);
        given().when().get("/api/v1/departments/{code}", code).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("nameZh", equalTo("区统计局"));

        Response updated = given().contentType(ContentType.JSON).header("If-Match", etag).body(renamed)
                .when().put("/api/v1/departments/{code}", code);
        etag(updated.then()).statusCode(200).contentType(ContentType.JSON)
                .body("nameZh", equalTo("区统计局（更名）"))
                .body("nameEn", equalTo("District Bureau of Statistics"));
        assertNotEquals(etag, updated.header("ETag"));
        given().when().get("/api/v1/departments/{code}", code).then().statusCode(200)
                .header("ETag", equalTo(updated.header("ETag")))
                .body("nameZh", equalTo("区统计局（更名）"));

        // codes cannot change
        problem(given().contentType(ContentType.JSON).header("If-Match", updated.header("ETag"))
                .body(department(departmentCode("OTHER"), "区统计局", "Statistics"))
                .when().put("/api/v1/departments/{code}", code).then(), 422)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void drcIndicatorsCarryRoleAndVerdict() {
        String fyp13 = "find { it.code == 'FYP13-01' }";
        given().when().get("/api/v1/departments/DRC/indicators")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("code", hasItems("FYP13-01", "FYP12-01", "AP2017-01", "AP2018-07"))
                .body(fyp13 + ".plan", equalTo("FYP13"))
                .body(fyp13 + ".role", equalTo("LEAD"))
                .body(fyp13 + ".target.kind", equalTo("AVERAGE_ANNUAL_GROWTH"))
                .body(fyp13 + ".verdict", not(emptyOrNullString()))
                .body(fyp13 + ".verdictZh", not(emptyOrNullString()))
                .body("find { it.code == 'FYP12-01' }.role", equalTo("LEAD"))
                .body("find { it.code == 'FYP12-01' }.year", equalTo(2015))
                .body("find { it.code == 'FYP12-01' }.verdict", equalTo("ACHIEVED"))
                .body("findAll { it.code == 'FYP13-04' }", hasSize(0));
    }

    @Test
    void supportRoleIsReported() {
        given().when().get("/api/v1/departments/SCITECH/indicators")
                .then().statusCode(200)
                .body("find { it.code == 'FYP13-04' }.role", equalTo("SUPPORT"))
                .body("find { it.code == 'FYP13-10' }.role", equalTo("LEAD"));
        given().when().get("/api/v1/departments/FINANCIAL_AFFAIRS/indicators")
                .then().statusCode(200)
                .body("code", contains("FYP13-04"))
                .body("[0].role", equalTo("LEAD"));
    }

    @Test
    void newDepartmentHasNoIndicators() {
        String code = departmentCode("STATS");
        create(department(code, "区统计局", "District Statistics Bureau")).then().statusCode(201);
        given().when().get("/api/v1/departments/{code}/indicators", code)
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aNewlyResponsibleDepartmentSeesItsIndicator() {
        String code = departmentCode("STATS");
        create(department(code, "区统计局", "District Statistics Bureau")).then().statusCode(201);
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String indicator = Fixtures.code("I");
        Map<String, Object> body = Fixtures.indicator(indicator, 1, "绿化覆盖率", "%", "35");
        body.put("departments", List.of(Fixtures.role("HEALTH", "LEAD"), Fixtures.role(code, "SUPPORT")));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", plan)
                .then().statusCode(201)
                .body("departments.code", contains("HEALTH", code))
                .body("departments[1].nameZh", equalTo("区统计局"));
        given().when().get("/api/v1/departments/{code}/indicators", code)
                .then().statusCode(200)
                .body("code", contains(indicator))
                .body("[0].role", equalTo("SUPPORT"))
                .body("[0].plan", equalTo(plan))
                .body("[0].verdict", equalTo("NOT_EVALUABLE"));
    }
}
