package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Indicator categories kept through the API, as project-service's ZoneAndCategoryAdminTest checks its categories and
 * zones: planners and admins create or replace one by its code (201, then 200 with If-Match) and delete one no indicator
 * is in (409 naming them while any is); everyone else is refused; bad input is a Problem naming the field; every write is
 * in the audit trail and the change feed, and the cached reads show it at once. Without nameEn the API shows nameZh and
 * the column stays empty. Every category made here is deleted again: other tests rely on the six seeded ones.
 */
@QuarkusTest
class CategoryAdminTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FEED = "gov.planmonitor.indicator.";
    private static final List<String> SEEDED = List.of("ECONOMY", "INNOVATION", "URBAN_ENVIRONMENT", "CULTURE", "WELLBEING", "SOCIAL");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PREFIX = "TEST_CATEGORY_";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** What a failed test left behind goes, so that it does not fail the others too (one still holding indicators stays). */
    @AfterEach
    void deleteLeftovers() {
        for (String code : codes()) {
            if (code.startsWith(PREFIX)) {
                delete(Tokens.bearer(Tokens.admin()), "/api/v1/categories/" + code);
            }
        }
    }

    /** A code no other test uses, in the codes' own form (UPPER_SNAKE_CASE), sorting before URBAN_ENVIRONMENT. */
    private static String code() {
        return PREFIX + (System.nanoTime() % 1_000_000) + "_" + COUNTER.incrementAndGet();
    }

    private static String planner() {
        return Tokens.bearer(Tokens.planner());
    }

    private static Map<String, Object> category(String nameZh, String nameEn, Integer sortOrder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", nameZh);
        if (nameEn != null) {
            body.put("nameEn", nameEn);
        }
        body.put("sortOrder", sortOrder);
        return body;
    }

    private static ValidatableResponse put(String token, String path, String ifMatch, Object body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    private static ValidatableResponse delete(String token, String path) {
        return given().header("Authorization", token).when().delete(path).then();
    }

    private static List<String> codes() {
        return given().when().get("/api/v1/categories").then().statusCode(200).extract().jsonPath().getList("code");
    }

    /** The name_en column itself, not what the API shows. */
    private String storedNameEn(String code) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name_en FROM category WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no row for category " + code);
                return row.getString(1);
            }
        }
    }

    /** The audit trail of one category, oldest first. */
    private static JsonPath audit(String code) {
        return given().queryParam("resourceType", "category").queryParam("resource", code).queryParam("sort", "occurredAt")
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The change feed's category events about one path, in commit order, once it has at least {@code count}: the feed
     * holds an entry back while any transaction older than its own is still open, which may take a moment.
     */
    private static List<Map<String, Object>> events(String subject, int count) throws InterruptedException {
        List<Map<String, Object>> events = events(subject);
        for (int i = 0; i < 50 && events.size() < count; i++) {
            Thread.sleep(100);
            events = events(subject);
        }
        return events;
    }

    /** The change feed's category events about one path, in commit order, read to its end. */
    private static List<Map<String, Object>> events(String subject) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            var call = given().queryParam("limit", 500)
                    .queryParam("types", FEED + "category.created," + FEED + "category.updated," + FEED + "category.deleted");
            if (cursor != null) {
                call.queryParam("after", cursor);
            }
            JsonPath page = call.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return events;
            }
            items.stream().filter(e -> subject.equals(e.get("subject"))).forEach(events::add);
            cursor = page.getString("next");
        }
    }

    /** A new indicator in the category, in a plan of its own; its code. */
    private static String indicatorIn(String category) {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String code = Fixtures.code("I");
        Map<String, Object> body = Fixtures.indicator(code, 1, "分类测试指标", "%", "35");
        body.put("category", category);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", plan)
                .then().statusCode(201).body("category.code", equalTo(category));
        return code;
    }

    /** Moves the indicator to another category (a replace with the indicator's If-Match). */
    private static void moveIndicator(String code, String plan, String category) {
        String etag = given().when().get("/api/v1/indicators/" + code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = Fixtures.indicator(code, 1, "分类测试指标", "%", "35");
        body.put("category", category);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body).when().put("/api/v1/indicators/" + code)
                .then().statusCode(200).body("category.code", equalTo(category)).body("plan", equalTo(plan));
    }

    @Test
    void aPlannerCreatesReplacesListsAndDeletesACategory() throws InterruptedException {
        String code = code();
        String path = "/api/v1/categories/" + code;
        String listTag = given().when().get("/api/v1/categories").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).when().get("/api/v1/categories").then().statusCode(304);

        // Created without an English name: the Chinese one stands in. Place 3, before URBAN_ENVIRONMENT (same place, earlier code).
        var created = put(planner(), path, null, category("测试类别", null, 3)).statusCode(201)
                .header("ETag", "\"0\"").body("code", equalTo(code)).body("nameZh", equalTo("测试类别"))
                .body("nameEn", equalTo("测试类别")).body("sortOrder", equalTo(3)).extract();
        assertThat(created.header("Location"), endsWith(path));
        // The cached list is not served again: the write shows at once.
        given().header("If-None-Match", listTag).when().get("/api/v1/categories").then().statusCode(200)
                .header("ETag", not(equalTo(listTag))).body("find { it.code == '" + code + "' }.sortOrder", equalTo(3));
        List<String> expected = new ArrayList<>(SEEDED);
        expected.add(2, code);
        assertEquals(expected, codes());
        String readTag = given().when().get(path).then().statusCode(200).header("ETag", "\"0\"").body("nameEn", equalTo("测试类别"))
                .extract().header("ETag");
        given().header("If-None-Match", readTag).when().get(path).then().statusCode(304);

        // A replace needs the ETag of the last read.
        Map<String, Object> renamed = category("测试类别二", "Test category", 9);
        put(planner(), path, null, renamed).statusCode(428).contentType(PROBLEM);
        put(planner(), path, "\"7\"", renamed).statusCode(412).contentType(PROBLEM);
        given().when().get(path).then().statusCode(200).header("ETag", "\"0\"").body("nameZh", equalTo("测试类别"));
        put(planner(), path, "\"0\"", renamed).statusCode(200).header("ETag", "\"1\"")
                .body("nameZh", equalTo("测试类别二")).body("nameEn", equalTo("Test category")).body("sortOrder", equalTo(9));
        // The read cached under the old ETag is not answered 304: the replace shows.
        given().header("If-None-Match", readTag).when().get(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("nameZh", equalTo("测试类别二")).body("nameEn", equalTo("Test category"));
        expected.remove(code);
        expected.add(code);
        assertEquals(expected, codes(), "place 9: after the six");
        // The representation as read goes back unchanged (its code included): nothing is written, the ETag stays.
        Map<String, Object> asRead = given().when().get(path).then().statusCode(200).header("ETag", "\"1\"").extract().jsonPath().getMap("$");
        put(planner(), path, "\"1\"", asRead).statusCode(200).header("ETag", "\"1\"").body("sortOrder", equalTo(9));

        delete(Tokens.ANONYMOUS, path).statusCode(401).contentType(PROBLEM);
        given().header("If-Match", "\"0\"").when().delete(path).then().statusCode(412).contentType(PROBLEM);
        given().when().get(path).then().statusCode(200);
        delete(planner(), path).statusCode(204);
        given().when().get(path).then().statusCode(404).contentType(PROBLEM);
        assertEquals(SEEDED, codes());
        delete(planner(), path).statusCode(404).contentType(PROBLEM);
        // Replacing what was deleted since it was read fails rather than bring it back.
        put(planner(), path, "\"1\"", renamed).statusCode(412).contentType(PROBLEM);
        given().when().get(path).then().statusCode(404);

        // The audit trail: who, which operation, the states before and after; the no-op replace and the refusals left no entry.
        JsonPath audit = audit(code);
        assertEquals(List.of("putCategory", "putCategory", "deleteCategory"), audit.getList("items.operation"));
        assertEquals(List.of("u-planner", "u-planner", "u-planner"), audit.getList("items.subject"));
        assertNull(audit.get("items[0].before"));
        assertEquals("测试类别", audit.getString("items[0].after.nameEn"));
        assertEquals(3, audit.getInt("items[1].before.sortOrder"));
        assertEquals(9, audit.getInt("items[1].after.sortOrder"));
        assertEquals("测试类别二", audit.getString("items[2].before.nameZh"));
        assertNull(audit.get("items[2].after"));
        // The change feed: created, updated, deleted, the last with no data.
        List<Map<String, Object>> events = events(path, 3);
        assertEquals(List.of(FEED + "category.created", FEED + "category.updated", FEED + "category.deleted"),
                events.stream().map(e -> e.get("type")).toList());
        assertEquals("测试类别", ((Map<?, ?>) events.get(0).get("data")).get("nameZh"));
        assertEquals(9, ((Map<?, ?>) events.get(1).get("data")).get("sortOrder"));
        assertNull(events.get(2).get("data"));
    }

    @Test
    void equalPlacesGoByCode() {
        String base = code();
        List<String> made = List.of(base + "_C", base + "_B", base + "_A");
        for (String code : made) {
            put(planner(), "/api/v1/categories/" + code, null, category("同位类别" + code.charAt(code.length() - 1), null, 40)).statusCode(201);
        }
        List<String> expected = new ArrayList<>(SEEDED);
        expected.addAll(List.of(base + "_A", base + "_B", base + "_C"));
        assertEquals(expected, codes(), "the same place: by code, not in the order they were made");
        for (String code : made) {
            delete(planner(), "/api/v1/categories/" + code).statusCode(204);
        }
        assertEquals(SEEDED, codes());
    }

    @Test
    void aCategoryInUseIsNotDeleted() throws InterruptedException {
        String code = code();
        String path = "/api/v1/categories/" + code;
        put(planner(), path, null, category("在用类别", "Category in use", 50)).statusCode(201);
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            indicators.add(indicatorIn(code));
        }
        List<String> sorted = indicators.stream().sorted().toList();

        // 409 naming the first five (by code) and saying there are more; nothing deleted, no event.
        var refused = delete(planner(), path).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("category " + code)).body("detail", containsString("…"));
        for (String named : sorted.subList(0, 5)) {
            refused.body("detail", containsString(named));
        }
        refused.body("detail", not(containsString(sorted.get(5))));
        given().when().get(path).then().statusCode(200).body("nameZh", equalTo("在用类别"));
        assertTrue(events(path).stream().noneMatch(e -> e.get("type").equals(FEED + "category.deleted")));
        // A seeded category is in use too.
        delete(planner(), "/api/v1/categories/ECONOMY").statusCode(409).contentType(PROBLEM).body("detail", containsString("category ECONOMY"));
        assertEquals(SEEDED, codes().stream().filter(SEEDED::contains).toList());

        // A rename shows in the indicators (the one read and the plan's list, both cached reads).
        String first = sorted.get(0);
        String plan = given().when().get("/api/v1/indicators/" + first).then().statusCode(200)
                .body("category.nameZh", equalTo("在用类别")).extract().path("plan");
        put(planner(), path, "\"0\"", category("改名类别", "Renamed category", 50)).statusCode(200);
        given().when().get("/api/v1/indicators/" + first).then().statusCode(200)
                .body("category.nameZh", equalTo("改名类别")).body("category.nameEn", equalTo("Renamed category"));
        given().when().get("/api/v1/plans/" + plan + "/indicators").then().statusCode(200)
                .body("items[0].category.nameZh", equalTo("改名类别"));

        // With one indicator left in it the Problem names that one only; once it has moved, the category can go.
        for (String indicator : sorted.subList(0, 5)) {
            String itsPlan = given().when().get("/api/v1/indicators/" + indicator).then().extract().path("plan");
            moveIndicator(indicator, itsPlan, "SOCIAL");
        }
        delete(planner(), path).statusCode(409).body("detail", containsString(sorted.get(5))).body("detail", not(containsString("…")))
                .body("detail", not(containsString(sorted.get(0))));
        String last = sorted.get(5);
        moveIndicator(last, given().when().get("/api/v1/indicators/" + last).then().extract().path("plan"), "SOCIAL");
        delete(Tokens.bearer(Tokens.admin()), path).statusCode(204);
        given().when().get(path).then().statusCode(404);
        assertEquals(SEEDED, codes());
        assertEquals(List.of("putCategory", "putCategory", "deleteCategory"), audit(code).getList("items.operation"));
        assertEquals("u-admin", audit(code).getString("items[2].subject"));
    }

    @Test
    void withoutAnEnglishNameTheChineseOneIsShownAndNothingIsStored() throws SQLException {
        String code = code();
        String path = "/api/v1/categories/" + code;
        put(planner(), path, null, category("无英文名类别", null, 60)).statusCode(201).body("nameEn", equalTo("无英文名类别"));
        assertNull(storedNameEn(code), "the column holds no copy of nameZh");
        given().when().get("/api/v1/categories").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.nameEn", equalTo("无英文名类别"));

        // Shown so in an indicator too, read alone and in its plan's list.
        String indicator = indicatorIn(code);
        String plan = given().when().get("/api/v1/indicators/" + indicator).then().statusCode(200)
                .body("category.nameEn", equalTo("无英文名类别")).extract().path("plan");
        given().when().get("/api/v1/plans/" + plan + "/indicators").then().statusCode(200)
                .body("items[0].category.code", equalTo(code)).body("items[0].category.nameEn", equalTo("无英文名类别"));

        // Sent back as read (nameEn the stand-in): nothing written. Renamed: the stand-in follows the new Chinese name.
        Map<String, Object> asRead = given().when().get(path).then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals("无英文名类别", asRead.get("nameEn"));
        put(planner(), path, "\"0\"", asRead).statusCode(200).header("ETag", "\"0\"");
        assertNull(storedNameEn(code));
        put(planner(), path, "\"0\"", category("改名无英文名类别", "  ", 60)).statusCode(200).header("ETag", "\"1\"")
                .body("nameEn", equalTo("改名无英文名类别"));
        assertNull(storedNameEn(code));
        given().when().get("/api/v1/indicators/" + indicator).then().statusCode(200).body("category.nameEn", equalTo("改名无英文名类别"));

        // A translation given later is kept and shown; taken away again, the Chinese name is back.
        put(planner(), path, "\"1\"", category("改名无英文名类别", " Translated at last ", 60)).statusCode(200)
                .body("nameEn", equalTo("Translated at last"));
        assertEquals("Translated at last", storedNameEn(code));
        given().when().get("/api/v1/plans/" + plan + "/indicators").then().statusCode(200)
                .body("items[0].category.nameEn", equalTo("Translated at last"));
        put(planner(), path, "\"2\"", category("改名无英文名类别", null, 60)).statusCode(200).body("nameEn", equalTo("改名无英文名类别"));
        assertNull(storedNameEn(code));

        moveIndicator(indicator, plan, "ECONOMY");
        delete(planner(), path).statusCode(204);
        assertEquals(SEEDED, codes());
    }

    @Test
    void onlyPlannersAndAdminsWrite() {
        String path = "/api/v1/categories/" + code();
        Map<String, Object> body = category("无权类别", null, 20);
        for (String token : List.of(Tokens.bearer(Tokens.department("DRC")), Tokens.bearer(Tokens.reporter()))) {
            put(token, path, null, body).statusCode(403).contentType(PROBLEM).body("detail", containsString("planner"));
            put(token, "/api/v1/categories/SOCIAL", "\"0\"", category("社会事业", "Social development", 6)).statusCode(403).contentType(PROBLEM);
            delete(token, "/api/v1/categories/SOCIAL").statusCode(403).contentType(PROBLEM).body("detail", containsString("planner"));
        }
        for (String token : List.of(Tokens.ANONYMOUS, Tokens.bearer(Tokens.expired()))) {
            put(token, path, null, body).statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            delete(token, "/api/v1/categories/SOCIAL").statusCode(401).contentType(PROBLEM);
        }
        // Nothing was written by the refused calls; the readers need no token.
        given().header("Authorization", Tokens.ANONYMOUS).when().get(path).then().statusCode(404);
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/categories/SOCIAL").then().statusCode(200)
                .body("nameZh", equalTo("社会事业")).body("sortOrder", equalTo(6));
        assertEquals(SEEDED, codes());

        // An admin may, as a planner may.
        put(Tokens.bearer(Tokens.admin()), path, null, body).statusCode(201);
        delete(Tokens.bearer(Tokens.admin()), path).statusCode(204);
        given().when().get(path).then().statusCode(404);
    }

    private static void rejected(String path, Object body, int status, String field) {
        put(planner(), path, null, body).statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("detail", notNullValue()).body("errors.field", hasItem(field));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String code = code();
        String path = "/api/v1/categories/" + code;
        rejected(path, category("  ", null, 1), 400, "nameZh");
        rejected(path, category(null, "Nameless", 1), 400, "nameZh");
        rejected(path, category("类".repeat(101), null, 1), 400, "nameZh");
        rejected(path, category("测试类别", "E".repeat(201), 1), 400, "nameEn");
        rejected(path, category("测试类别", null, null), 400, "sortOrder");
        rejected(path, category("测试类别", null, 0), 400, "sortOrder");
        rejected(path, category("测试类别", null, 100_001), 400, "sortOrder");
        rejected(path, "{\"nameZh\":\"测试类别\",\"sortOrder\":\"first\"}", 400, "sortOrder");
        rejected(path, "{\"nameZh\":\"测试类别\",\"sortOrder\":1,\"seq\":1}", 400, "seq");
        rejected(path, "{\"code\":\"lower\",\"nameZh\":\"测试类别\",\"sortOrder\":1}", 400, "code");
        rejected(path, "{\"code\":\"OTHER_CATEGORY\",\"nameZh\":\"测试类别\",\"sortOrder\":1}", 422, "code");
        rejected("/api/v1/categories/lower_case", category("测试类别", null, 1), 400, "code");
        rejected("/api/v1/categories/" + "C".repeat(41), category("测试类别", null, 1), 400, "code");
        given().header("Authorization", planner()).contentType(ContentType.JSON).when().put(path).then().statusCode(400).contentType(PROBLEM);
        // The body's code may be the path's, and a 40-character code is a code (created, then deleted again).
        String longest = "C".repeat(40);
        put(planner(), "/api/v1/categories/" + longest, null, Map.of("code", longest, "nameZh", "最长代码类别", "sortOrder", 70)).statusCode(201);
        delete(planner(), "/api/v1/categories/" + longest).statusCode(204);

        // Nothing was written.
        given().when().get(path).then().statusCode(404);
        assertEquals(0, audit(code).getInt("total"));
        assertEquals(SEEDED, codes());
        assertFalse(codes().contains("OTHER_CATEGORY"));
    }
}
