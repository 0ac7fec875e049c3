package gov.planmonitor.indicator;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Shared test data builders: unique codes and request bodies, so every test creates what it needs. */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    static final String ETAG_PATTERN = "\"\\d+\"";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);

    private static int seededPort = -1;

    private Fixtures() {
    }

    /**
     * Loads the seeds once per started application (these tests never change seed data, and the import is
     * idempotent anyway); a restarted application listens on another random port and gets them again.
     */
    static synchronized void seeds() {
        if (seededPort != RestAssured.port) {
            Seeds.load();
            seededPort = RestAssured.port;
        }
    }

    /** A unique plan or indicator code: letters, digits and '-'. */
    static String code(String prefix) {
        return prefix + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** A unique department code: letters, digits and '_' only. */
    static String departmentCode(String prefix) {
        return prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
    }

    static Map<String, Object> plan(String code, String kind, int startYear, int endYear, String parent) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", code);
        plan.put("kind", kind);
        plan.put("startYear", startYear);
        plan.put("endYear", endYear);
        plan.put("titleZh", "测试规划" + code);
        plan.put("titleEn", "Test plan " + code);
        plan.put("parent", parent);
        return plan;
    }

    /** Creates a plan through the API and returns its code. */
    static String createPlan(String kind, int startYear, int endYear) {
        String code = code("P");
        given().contentType(ContentType.JSON).body(plan(code, kind, startYear, endYear, null))
                .when().post("/api/v1/plans")
                .then().statusCode(201);
        return code;
    }

    static Map<String, Object> role(String department, String role) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", department);
        r.put("role", role);
        return r;
    }

    static Map<String, Object> target(String text) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("text", text);
        return t;
    }

    /** An indicator body with one LEAD department (HEALTH) and an expected attribute. */
    static Map<String, Object> indicator(String code, int seq, String nameZh, String unit, String targetText) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("code", code);
        i.put("seq", seq);
        i.put("nameZh", nameZh);
        i.put("nameEn", "Test indicator " + code);
        i.put("category", "ECONOMY");
        i.put("unit", unit);
        i.put("attribute", "EXPECTED");
        i.put("direction", "INCREASE");
        List<Map<String, Object>> departments = new ArrayList<>();
        departments.add(role("HEALTH", "LEAD"));
        i.put("departments", departments);
        i.put("target", target(targetText));
        return i;
    }

    /** Creates an indicator in a plan and returns its code. Departments must exist (call Seeds.load()). */
    static String createIndicator(String plan, int seq, String nameZh, String unit, String targetText) {
        String code = code("I");
        given().contentType(ContentType.JSON).body(indicator(code, seq, nameZh, unit, targetText))
                .when().post("/api/v1/plans/{plan}/indicators", plan)
                .then().statusCode(201);
        return code;
    }

    static Map<String, Object> observation(Object value, String status) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", value);
        o.put("status", status);
        return o;
    }

    /** Asserts an RFC 9457 problem response with the given status. */
    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(PROBLEM)
                .body("type", startsWith("https://planmonitor.example.gov/problems/"))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }

    static ValidatableResponse etag(ValidatableResponse response) {
        return response.header("ETag", matchesPattern(ETAG_PATTERN));
    }

    /** The change feed's cursor after every event committed so far, paged to the end as a consumer would. */
    static String changeFeedEnd() {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            io.restassured.path.json.JsonPath page = request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }
}
