package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed: every committed write is one event of its type, a refused write none; a consumer that pages with
 * the cursor sees every event once, in commit order, also when a transaction that started first commits last.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteIsOneEventOfItsTypeAndARefusedWriteNone() {
        String start = Fixtures.changeFeedEnd();
        String code = Fixtures.code("CF");
        Map<String, Object> plan = Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null);
        given().contentType(ContentType.JSON).body(plan).when().post("/api/v1/plans").then().statusCode(201);
        String etag = given().when().get("/api/v1/plans/" + code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = new java.util.HashMap<>(plan);
        renamed.put("titleEn", "Renamed for the change feed");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(renamed).when().put("/api/v1/plans/" + code).then().statusCode(200);
        given().contentType(ContentType.JSON).body(plan).when().post("/api/v1/plans").then().statusCode(409);

        JsonPath page = changes(start, null, null);
        assertEquals(List.of("gov.planmonitor.indicator.plan.created", "gov.planmonitor.indicator.plan.updated"), page.getList("items.type"));
        assertEquals(List.of("/api/v1/plans/" + code, "/api/v1/plans/" + code), page.getList("items.subject"));
        assertEquals("Renamed for the change feed", page.getString("items[1].data.titleEn"));
        assertEquals("1.0", page.getString("items[0].specversion"));
        assertEquals("/indicator-service", page.getString("items[0].source"));
        assertTrue(page.getString("items[0].actor").contains("(u-admin)"), page.getString("items[0].actor"));
        // Nothing new: no events, and the same cursor to come back with.
        String next = page.getString("next");
        JsonPath none = changes(next, null, null);
        assertEquals(0, none.getList("items").size());
        assertEquals(next, none.getString("next"));
        // Only the types asked for.
        assertEquals(List.of("gov.planmonitor.indicator.plan.updated"),
                changes(start, null, "gov.planmonitor.indicator.plan.updated").getList("items.type"));
    }

    @Test
    void aTransactionThatStartedFirstButCommitsLastIsNotSkipped() throws Exception {
        String start = Fixtures.changeFeedEnd();
        String quick = Fixtures.code("QK");
        String slow = Fixtures.code("SL");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // A long write: it takes its transaction id first, writes its audit entry (which appends to the hash chain,
            // whose lock it then holds until it ends) after the quick write has committed, and commits last.
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            given().contentType(ContentType.JSON).body(Fixtures.plan(quick, "FIVE_YEAR", 2021, 2025, null))
                    .when().post("/api/v1/plans").then().statusCode(201);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_entry (occurred_at, subject, subject_name, roles, operation, http_method, path, resource_type,
                                             resource_id, before_state, after_state, request_id)
                    VALUES (?, 'u-slow', 'Slow writer', 'planner', 'createPlan', 'POST', '/api/v1/plans', 'plan', ?, NULL,
                            CAST(? AS jsonb), 'slow-request')""")) {
                insert.setObject(1, OffsetDateTime.now());
                insert.setString(2, slow);
                insert.setString(3, "{\"code\":\"" + slow + "\"}");
                insert.executeUpdate();
            }
            // The quick write has committed, but an older transaction is still running: the feed holds both back.
            assertEquals(0, changes(start, null, null).getList("items").size());
            connection.commit();
        }
        // Paged one by one from the same cursor, each event comes once, the older transaction's first.
        List<String> subjects = new ArrayList<>();
        String cursor = start;
        for (int i = 0; i < 10; i++) {
            JsonPath page = changes(cursor, 1, null);
            if (page.getList("items").isEmpty()) {
                break;
            }
            subjects.add(page.getString("items[0].subject"));
            cursor = page.getString("next");
        }
        assertEquals(List.of("/api/v1/plans/" + slow, "/api/v1/plans/" + quick), subjects);
    }

    @Test
    void transactionIdsAreOrderedAsNumbersNotAsText() throws Exception {
        // Two entries of transactions 99 and 100 (long ended: every real transaction id here is higher), written
        // directly, long ago so that no other test's list of recent entries sees them. As text, "100" sorts first.
        String older = Fixtures.code("T99");
        String newer = Fixtures.code("T100");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_entry (occurred_at, subject, subject_name, roles, operation, http_method, path, resource_type,
                                              resource_id, before_state, after_state, request_id, tx_id)
                     VALUES (TIMESTAMPTZ '2000-01-01 00:00:00+00', 'u-old', 'Old writer', 'planner', 'createPlan', 'POST',
                             '/api/v1/plans', 'plan', ?, NULL, CAST(? AS jsonb), 'old-request', CAST(? AS xid8))""")) {
            for (String[] row : List.of(new String[]{newer, "100"}, new String[]{older, "99"})) {
                insert.setString(1, row[0]);
                insert.setString(2, "{\"code\":\"" + row[0] + "\"}");
                insert.setString(3, row[1]);
                insert.executeUpdate();
            }
        }
        // From the start, one event a page: each once, transaction 99's first.
        List<String> subjects = new ArrayList<>();
        String cursor = null;
        while (subjects.size() < 2) {
            JsonPath page = changes(cursor, 1, "gov.planmonitor.indicator.plan.created");
            assertEquals(1, page.getList("items").size(), () -> "the feed ended after " + subjects);
            String subject = page.getString("items[0].subject");
            if (subject.equals("/api/v1/plans/" + older) || subject.equals("/api/v1/plans/" + newer)) {
                subjects.add(subject);
            }
            cursor = page.getString("next");
        }
        assertEquals(List.of("/api/v1/plans/" + older, "/api/v1/plans/" + newer), subjects);
    }

    @Test
    void aBadCursorLimitOrTypeIsA400AndNoTokenA401() {
        given().queryParam("after", "not-a-cursor").when().get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        given().queryParam("limit", 0).when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 501).when().get("/api/v1/changes").then().statusCode(400);
        given().queryParam("types", "Plan Created!").when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("types"));
        given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/changes").then().statusCode(401);
    }

    private static JsonPath changes(String after, Integer limit, String types) {
        var request = given();
        if (after != null) {
            request.queryParam("after", after);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (types != null) {
            request.queryParam("types", types);
        }
        return request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }
}
