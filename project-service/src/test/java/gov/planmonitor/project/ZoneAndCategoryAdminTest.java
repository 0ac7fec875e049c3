package gov.planmonitor.project;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Zones (一核三带四区) and project categories kept through the API: planners and admins create or replace one by its
 * code (201, then 200 with If-Match) and delete one no project uses (409 while one does); everyone else is refused;
 * bad input is a Problem naming the field; every write is in the audit trail and the change feed, and the cached lists
 * show it at once. Every zone and category made here is deleted again: other tests count the seeded ones.
 */
@QuarkusTest
class ZoneAndCategoryAdminTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FEED = "gov.planmonitor.project.";
    private static final List<String> SEEDED_ZONES = List.of("BEIJING_ROAD_CULTURAL_CORE", "YANJIANG_ROAD_BUSINESS_BELT",
            "DONGFENG_ROAD_BUILDING_BELT", "HUANSHI_ROAD_INNOVATION_BELT", "HUANGHUAGANG_SCI_TECH_PARK", "GUANGZHOU_PRIVATE_FINANCE_STREET",
            "GUANGZHOU_HEALTH_MEDICAL_CENTER", "LIUHUA_MODERN_BUSINESS_DISTRICT");
    private static final List<String> SEEDED_CATEGORIES = List.of("FUNCTIONAL_ZONES", "MAJOR_INFRASTRUCTURE", "SCI_TECH_INNOVATION",
            "PRODUCTIVE_CAPACITY", "PEOPLES_LIVELIHOOD");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    /** A code no other test uses, in the codes' own form (UPPER_SNAKE_CASE). */
    private static String code(String prefix) {
        return prefix + "_" + (System.nanoTime() % 1_000_000) + "_" + COUNTER.incrementAndGet();
    }

    private static String planner() {
        return Tokens.bearer(Tokens.planner());
    }

    private static Map<String, Object> zone(String nameZh, String nameEn, String kind, Integer seq) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", nameZh);
        if (nameEn != null) {
            body.put("nameEn", nameEn);
        }
        body.put("kind", kind);
        body.put("seq", seq);
        return body;
    }

    private static Map<String, Object> category(String nameZh, String nameEn, Integer seq) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", nameZh);
        if (nameEn != null) {
            body.put("nameEn", nameEn);
        }
        body.put("seq", seq);
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

    private static List<String> codes(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath().getList("code");
    }

    /** The audit trail of one zone or category, oldest first. */
    private static JsonPath audit(String resourceType, String code) {
        return given().queryParam("resourceType", resourceType).queryParam("resource", code).queryParam("sort", "occurredAt")
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The change feed's events about one resource, in commit order, once it has at least {@code count}: the feed holds an
     * entry back while any transaction older than its own is still open, which may take a moment.
     */
    private static List<Map<String, Object>> events(String resourceType, String subject, int count) throws InterruptedException {
        List<Map<String, Object>> events = events(resourceType, subject);
        for (int i = 0; i < 50 && events.size() < count; i++) {
            Thread.sleep(100);
            events = events(resourceType, subject);
        }
        return events;
    }

    /** The change feed's events about one resource, in commit order, read to its end. */
    private static List<Map<String, Object>> events(String resourceType, String subject) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            var call = given().queryParam("limit", 500).queryParam("types",
                    FEED + resourceType + ".created," + FEED + resourceType + ".updated," + FEED + resourceType + ".deleted");
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

    @Test
    void aPlannerCreatesReplacesListsAndDeletesAZone() throws InterruptedException {
        String code = code("TEST_ZONE");
        String path = "/api/v1/zones/" + code;
        String listTag = given().when().get("/api/v1/zones").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).when().get("/api/v1/zones").then().statusCode(304);

        // Created without an English name: the Chinese one stands in. Place 1, after the core (same place, earlier code).
        var created = put(planner(), path, null, zone("测试功能区", null, "DISTRICT", 1)).statusCode(201)
                .header("ETag", "\"0\"").body("code", equalTo(code)).body("nameZh", equalTo("测试功能区"))
                .body("nameEn", equalTo("测试功能区")).body("kind", equalTo("DISTRICT")).body("seq", equalTo(1)).extract();
        assertThat(created.header("Location"), endsWith(path));
        // The cached list is not served again: the write shows at once.
        given().header("If-None-Match", listTag).when().get("/api/v1/zones").then().statusCode(200)
                .header("ETag", not(equalTo(listTag)));
        List<String> expected = new ArrayList<>(SEEDED_ZONES);
        expected.add(1, code);
        assertEquals(expected, codes("/api/v1/zones"));
        given().when().get(path).then().statusCode(200).header("ETag", "\"0\"").body("nameEn", equalTo("测试功能区"));

        // A replace needs the ETag of the last read.
        Map<String, Object> renamed = zone("测试功能带", "Test Belt", "BELT", 9);
        put(planner(), path, null, renamed).statusCode(428).contentType(PROBLEM);
        put(planner(), path, "\"7\"", renamed).statusCode(412).contentType(PROBLEM);
        put(planner(), path, "\"0\"", renamed).statusCode(200).header("ETag", "\"1\"")
                .body("nameZh", equalTo("测试功能带")).body("nameEn", equalTo("Test Belt")).body("kind", equalTo("BELT")).body("seq", equalTo(9));
        expected.remove(code);
        expected.add(code);
        assertEquals(expected, codes("/api/v1/zones"), "place 9: after the eight");
        // The representation as read goes back unchanged (its code included): nothing is written, the ETag stays.
        Map<String, Object> asRead = given().when().get(path).then().statusCode(200).header("ETag", "\"1\"").extract().jsonPath().getMap("$");
        put(planner(), path, "\"1\"", asRead).statusCode(200).header("ETag", "\"1\"");

        delete(Tokens.ANONYMOUS, path).statusCode(401).contentType(PROBLEM);
        given().header("If-Match", "\"0\"").when().delete(path).then().statusCode(412).contentType(PROBLEM);
        delete(planner(), path).statusCode(204);
        given().when().get(path).then().statusCode(404).contentType(PROBLEM);
        assertEquals(SEEDED_ZONES, codes("/api/v1/zones"));
        delete(planner(), path).statusCode(404);
        // Replacing what was deleted since it was read fails rather than bring it back.
        put(planner(), path, "\"1\"", renamed).statusCode(412);
        given().when().get(path).then().statusCode(404);

        // The audit trail: who, which operation, the states before and after; the no-op replace left no entry.
        JsonPath audit = audit("zone", code);
        assertEquals(List.of("putZone", "putZone", "deleteZone"), audit.getList("items.operation"));
        assertEquals(List.of("u-planner", "u-planner", "u-planner"), audit.getList("items.subject"));
        assertNull(audit.get("items[0].before"));
        assertEquals("测试功能区", audit.getString("items[0].after.nameEn"));
        assertEquals("DISTRICT", audit.getString("items[1].before.kind"));
        assertEquals("BELT", audit.getString("items[1].after.kind"));
        assertEquals("测试功能带", audit.getString("items[2].before.nameZh"));
        assertNull(audit.get("items[2].after"));
        // The change feed: created, updated, deleted, the last with no data.
        List<Map<String, Object>> events = events("zone", path, 3);
        assertEquals(List.of(FEED + "zone.created", FEED + "zone.updated", FEED + "zone.deleted"), events.stream().map(e -> e.get("type")).toList());
        assertEquals(9, ((Map<?, ?>) events.get(1).get("data")).get("seq"));
        assertNull(events.get(2).get("data"));
    }

    @Test
    void aZoneInUseIsNotDeleted() {
        String code = code("TEST_ZONE");
        String path = "/api/v1/zones/" + code;
        put(planner(), path, null, zone("在用功能区", "Zone in use", "CORE", 50)).statusCode(201);
        String project = Fixtures.code("P");
        String body = "{\"id\":\"" + project + "\",\"nameZh\":\"功能区内项目\",\"nameEn\":\"Project in the zone\",\"category\":\"PEOPLES_LIVELIHOOD\"";
        given().contentType(ContentType.JSON).body(body + ",\"zone\":\"" + code + "\"}").when().post("/api/v1/projects")
                .then().statusCode(201).body("zone.code", equalTo(code)).body("zone.nameZh", equalTo("在用功能区"));

        delete(planner(), path).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString(project)).body("detail", containsString("zone " + code));
        given().when().get(path).then().statusCode(200).body("nameZh", equalTo("在用功能区"));
        assertEquals(0, events("zone", path).stream().filter(e -> e.get("type").equals(FEED + "zone.deleted")).count());

        // A rename shows in the project; then the project leaves the zone, and the zone can go.
        put(planner(), path, "\"0\"", zone("改名功能区", "Renamed zone", "CORE", 50)).statusCode(200);
        given().when().get("/api/v1/projects/" + project).then().statusCode(200).body("zone.nameZh", equalTo("改名功能区"));
        String etag = given().when().get("/api/v1/projects/" + project).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body + "}").when().put("/api/v1/projects/" + project)
                .then().statusCode(200).body("zone", nullValue());
        delete(planner(), path).statusCode(204);
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void aPlannerKeepsTheCategoriesAndOneInUseIsNotDeleted() throws InterruptedException {
        String code = code("TEST_CATEGORY");
        String path = "/api/v1/categories/" + code;
        String listTag = given().when().get("/api/v1/categories").then().statusCode(200).extract().header("ETag");

        var created = put(planner(), path, null, category("测试类别", null, 3)).statusCode(201).header("ETag", "\"0\"")
                .body("code", equalTo(code)).body("nameEn", equalTo("测试类别")).body("seq", equalTo(3)).extract();
        assertThat(created.header("Location"), endsWith(path));
        given().header("If-None-Match", listTag).when().get("/api/v1/categories").then().statusCode(200);
        // Place 3, after SCI_TECH_INNOVATION (same place, earlier code).
        List<String> expected = new ArrayList<>(SEEDED_CATEGORIES);
        expected.add(3, code);
        assertEquals(expected, codes("/api/v1/categories"));

        put(planner(), path, null, category("测试类别二", "Test category", 6)).statusCode(428);
        put(planner(), path, "\"0\"", category("测试类别二", "Test category", 6)).statusCode(200).header("ETag", "\"1\"")
                .body("nameZh", equalTo("测试类别二")).body("nameEn", equalTo("Test category")).body("seq", equalTo(6));
        expected.remove(code);
        expected.add(code);
        assertEquals(expected, codes("/api/v1/categories"));
        given().when().get(path).then().statusCode(200).header("ETag", "\"1\"").body("seq", equalTo(6));

        // In use by a project: 409 naming it; once the project is in another category, the category can go.
        String project = Fixtures.code("P");
        String body = "{\"id\":\"" + project + "\",\"nameZh\":\"类别测试项目\",\"nameEn\":\"Category test project\",\"category\":\"";
        given().contentType(ContentType.JSON).body(body + code + "\"}").when().post("/api/v1/projects").then().statusCode(201)
                .body("category.nameZh", equalTo("测试类别二"));
        delete(planner(), path).statusCode(409).contentType(PROBLEM).body("detail", containsString(project));
        given().when().get(path).then().statusCode(200);
        String etag = given().when().get("/api/v1/projects/" + project).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body + "PEOPLES_LIVELIHOOD\"}").when().put("/api/v1/projects/" + project)
                .then().statusCode(200).body("category.code", equalTo("PEOPLES_LIVELIHOOD"));
        delete(Tokens.bearer(Tokens.admin()), path).statusCode(204);
        assertEquals(SEEDED_CATEGORIES, codes("/api/v1/categories"));
        given().when().get(path).then().statusCode(404);

        JsonPath audit = audit("category", code);
        assertEquals(List.of("putProjectCategory", "putProjectCategory", "deleteProjectCategory"), audit.getList("items.operation"));
        assertEquals(List.of("u-planner", "u-planner", "u-admin"), audit.getList("items.subject"));
        assertEquals(3, audit.getInt("items[1].before.seq"));
        assertEquals(6, audit.getInt("items[1].after.seq"));
        assertNull(audit.get("items[2].after"));
        List<Map<String, Object>> events = events("category", path, 3);
        assertEquals(List.of(FEED + "category.created", FEED + "category.updated", FEED + "category.deleted"),
                events.stream().map(e -> e.get("type")).toList());
        assertEquals("测试类别二", ((Map<?, ?>) events.get(1).get("data")).get("nameZh"));
        assertNull(events.get(2).get("data"));
    }

    @Test
    void onlyPlannersAndAdminsWrite() {
        String zone = "/api/v1/zones/" + code("TEST_ZONE");
        String category = "/api/v1/categories/" + code("TEST_CATEGORY");
        Map<String, Object> zoneBody = zone("无权功能区", null, "BELT", 20);
        Map<String, Object> categoryBody = category("无权类别", null, 20);
        for (String token : List.of(Tokens.bearer(Tokens.department("DRC")), Tokens.bearer(Tokens.reporter()))) {
            put(token, zone, null, zoneBody).statusCode(403).contentType(PROBLEM).body("detail", containsString("planner"));
            put(token, category, null, categoryBody).statusCode(403).contentType(PROBLEM).body("detail", containsString("planner"));
            delete(token, "/api/v1/zones/BEIJING_ROAD_CULTURAL_CORE").statusCode(403).contentType(PROBLEM);
            delete(token, "/api/v1/categories/PEOPLES_LIVELIHOOD").statusCode(403).contentType(PROBLEM);
        }
        for (String token : List.of(Tokens.ANONYMOUS, Tokens.bearer(Tokens.expired()))) {
            put(token, zone, null, zoneBody).statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            put(token, category, null, categoryBody).statusCode(401).contentType(PROBLEM);
            delete(token, "/api/v1/zones/BEIJING_ROAD_CULTURAL_CORE").statusCode(401).contentType(PROBLEM);
            delete(token, "/api/v1/categories/PEOPLES_LIVELIHOOD").statusCode(401).contentType(PROBLEM);
        }
        // Nothing was written by the refused calls; the readers need no token.
        given().header("Authorization", Tokens.ANONYMOUS).when().get(zone).then().statusCode(404);
        given().header("Authorization", Tokens.ANONYMOUS).when().get(category).then().statusCode(404);
        assertEquals(SEEDED_ZONES, codes("/api/v1/zones"));
        assertEquals(SEEDED_CATEGORIES, codes("/api/v1/categories"));

        // An admin may, as a planner may.
        put(Tokens.bearer(Tokens.admin()), zone, null, zoneBody).statusCode(201);
        put(Tokens.bearer(Tokens.admin()), category, null, categoryBody).statusCode(201);
        delete(Tokens.bearer(Tokens.admin()), zone).statusCode(204);
        delete(Tokens.bearer(Tokens.admin()), category).statusCode(204);
    }

    private static void rejected(String path, Object body, int status, String field) {
        put(planner(), path, null, body).statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("detail", notNullValue()).body("errors.field", hasItem(field));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String code = code("TEST_ZONE");
        String path = "/api/v1/zones/" + code;
        rejected(path, zone("  ", null, "CORE", 1), 400, "nameZh");
        rejected(path, zone("区".repeat(101), null, "CORE", 1), 400, "nameZh");
        rejected(path, zone("测试区", "E".repeat(201), "CORE", 1), 400, "nameEn");
        rejected(path, zone("测试区", null, "RING", 1), 400, "kind");
        rejected(path, zone("测试区", null, null, 1), 400, "kind");
        rejected(path, zone("测试区", null, "CORE", null), 400, "seq");
        rejected(path, zone("测试区", null, "CORE", 0), 400, "seq");
        rejected(path, "{\"nameZh\":\"测试区\",\"kind\":\"CORE\",\"seq\":\"first\"}", 400, "seq");
        rejected(path, "{\"nameZh\":\"测试区\",\"kind\":\"CORE\",\"seq\":1,\"colour\":\"red\"}", 400, "colour");
        rejected(path, "{\"code\":\"OTHER_ZONE\",\"nameZh\":\"测试区\",\"kind\":\"CORE\",\"seq\":1}", 422, "code");
        rejected("/api/v1/zones/bad-code", zone("测试区", null, "CORE", 1), 400, "code");
        rejected("/api/v1/zones/" + "Z".repeat(61), zone("测试区", null, "CORE", 1), 400, "code");
        given().header("Authorization", planner()).contentType(ContentType.JSON).when().put(path).then().statusCode(400).contentType(PROBLEM);

        String category = "/api/v1/categories/" + code("TEST_CATEGORY");
        rejected(category, category("", null, 1), 400, "nameZh");
        rejected(category, category("测试类别", null, -3), 400, "seq");
        rejected(category, "{\"nameZh\":\"测试类别\",\"seq\":1,\"kind\":\"CORE\"}", 400, "kind");
        rejected("/api/v1/categories/lower_case", category("测试类别", null, 1), 400, "code");

        // Nothing was written.
        given().when().get(path).then().statusCode(404);
        given().when().get(category).then().statusCode(404);
        assertEquals(0, audit("zone", code).getInt("total"));
        assertEquals(SEEDED_ZONES, codes("/api/v1/zones"));
    }
}
