package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.PostgresDatabase;
import gov.planmonitor.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.observation;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail: every write with its author and before/after, nothing for refused or failed ones, admins only, append-only. */
@QuarkusTest
class AuditTest {

    private static final String PATH = "/api/v1/indicators/{code}/observations/{year}";
    private static final String VERIFICATION = "/api/v1/audit/verification";
    private static final String DATABASE = "indicator_test";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static JsonPath audit(String resourceType, String resource) {
        return given().queryParam("resourceType", resourceType).queryParam("resource", resource)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDepartmentsValuesAreRecordedWithAuthorBeforeAndAfter() {
        String code = Fixtures.createIndicator(Fixtures.createPlan("FIVE_YEAR", 2001, 2005), 1, "地区生产总值", "亿元", "3000");
        String health = Tokens.bearer(Tokens.of("u-wang", "王芳", List.of("department"), List.of("HEALTH")));
        given().header("Authorization", health).header("X-Request-Id", "audit-test-1").contentType(ContentType.JSON)
                .body(observation(2500, "PRELIMINARY")).when().put(PATH, code, 2002)
                .then().statusCode(201).header("X-Request-Id", "audit-test-1").body("recordedBy", equalTo("王芳 (u-wang)"));
        given().header("Authorization", health).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(observation(2600, "FINAL")).when().put(PATH, code, 2002).then().statusCode(200);

        JsonPath entries = audit("observation", code + "/2002");
        assertEquals(2, entries.getInt("total"));
        // Newest first.
        assertEquals("u-wang", entries.getString("items[0].subject"));
        assertEquals("王芳", entries.getString("items[0].subjectName"));
        assertEquals(List.of("department"), entries.getList("items[0].roles"));
        assertEquals("putObservation", entries.getString("items[0].operation"));
        assertEquals("PUT", entries.getString("items[0].httpMethod"));
        assertEquals("/api/v1/indicators/" + code + "/observations/2002", entries.getString("items[0].path"));
        assertEquals(2500, entries.getInt("items[0].before.value"));
        assertEquals(2600, entries.getInt("items[0].after.value"));
        assertEquals("FINAL", entries.getString("items[0].after.status"));
        assertNull(entries.get("items[1].before"));
        assertEquals("audit-test-1", entries.getString("items[1].requestId"));
    }

    @Test
    void refusedAndFailedWritesLeaveNoEntry() {
        String code = Fixtures.createIndicator(Fixtures.createPlan("FIVE_YEAR", 2001, 2005), 1, "地区生产总值", "亿元", "3000");
        // Another department: 403.
        problem(given().header("Authorization", Tokens.bearer(Tokens.department("EDU"))).contentType(ContentType.JSON)
                .body(observation(1, "FINAL")).when().put(PATH, code, 2002).then(), 403)
                .body("detail", equalTo("reporting values of indicator " + code + " is for departments HEALTH; your token speaks for EDU"));
        // A planner: values are the departments' to report.
        problem(given().header("Authorization", Tokens.bearer(Tokens.planner())).contentType(ContentType.JSON)
                .body(observation(1, "FINAL")).when().put(PATH, code, 2002).then(), 403);
        // The right department, but a year outside the plan: 422 and the transaction rolls back, entry included.
        problem(given().header("Authorization", Tokens.bearer(Tokens.department("HEALTH"))).contentType(ContentType.JSON)
                .body(observation(1, "FINAL")).when().put(PATH, code, 2009).then(), 422);
        assertEquals(0, audit("observation", code + "/2002").getInt("total"));
        assertEquals(0, audit("observation", code + "/2009").getInt("total"));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        problem(given().header("Authorization", Tokens.ANONYMOUS).when().get("/api/v1/audit").then(), 401);
        for (String token : List.of(Tokens.planner(), Tokens.reporter(), Tokens.department("DRC"))) {
            problem(given().header("Authorization", Tokens.bearer(token)).when().get("/api/v1/audit").then(), 403);
        }
        given().header("Authorization", Tokens.bearer(Tokens.admin())).when().get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void theTrailFiltersBySubjectAndTime() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String subject = "u-" + Fixtures.code("S").toLowerCase();
        String plan = Fixtures.code("P");
        given().header("Authorization", Tokens.bearer(Tokens.of(subject, "规划科 李明", List.of("planner"), List.of())))
                .contentType(ContentType.JSON).body(Fixtures.plan(plan, "FIVE_YEAR", 2021, 2025, null))
                .when().post("/api/v1/plans").then().statusCode(201);
        JsonPath mine = given().queryParam("subject", subject).queryParam("from", before.toString()).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, mine.getInt("total"));
        assertEquals(plan, mine.getString("items[0].resourceId"));
        assertEquals("createPlan", mine.getString("items[0].operation"));
        assertEquals(plan, mine.getString("items[0].after.code"));
        assertEquals(0, given().queryParam("subject", subject).queryParam("to", before.toString()).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        problem(given().queryParam("from", "yesterday").when().get("/api/v1/audit").then(), 400);
    }

    /**
     * The service's own login role may read and append, nothing more: it cannot change, remove or truncate entries, touch
     * the chain's head, alter the table, disable or drop its triggers, or drop it. Even the owner meets the append-only
     * trigger unless it disables it first.
     */
    @Test
    void theServicesRoleCannotChangeTheTrailOrItsGuards() throws SQLException {
        given().contentType(ContentType.JSON).body(Map.of("code", Fixtures.departmentCode("AUD"), "nameZh", "审计局", "nameEn", "Audit Bureau"))
                .when().post("/api/v1/departments").then().statusCode(201);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET subject = 'someone-else'", "DELETE FROM audit_entry", "TRUNCATE audit_entry",
                    "UPDATE audit_chain_head SET seq = 0", "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                    "ALTER TABLE audit_entry DISABLE TRIGGER ALL", "DROP TRIGGER audit_entry_chain ON audit_entry",
                    "DROP TRIGGER audit_entry_append_only ON audit_entry", "DROP TABLE audit_entry", "DROP FUNCTION audit_entry_chain() CASCADE",
                    "ALTER TABLE audit_entry ADD COLUMN note text", "CREATE TABLE shadow (id int)")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                        sql + ": " + refused.getMessage());
            }
        }
        try (Connection owner = PostgresDatabase.ownerConnection(DATABASE); Statement statement = owner.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET subject = 'someone-else'", "DELETE FROM audit_entry", "TRUNCATE audit_entry")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertTrue(given().when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getInt("total") > 0);
        given().when().get(VERIFICATION).then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * What the service's role cannot do, the database's owner can: with the append-only trigger disabled it changes one
     * entry, then removes another. Verification names each entry where the chain stops matching; putting the rows back
     * as they were makes the chain whole again.
     */
    @Test
    void verificationNamesTheFirstEntryChangedOrRemovedBehindTheServicesBack() throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = Fixtures.departmentCode("CHN");
            given().contentType(ContentType.JSON).body(Map.of("code", code, "nameZh", "链" + i, "nameEn", "Chain " + i))
                    .when().post("/api/v1/departments").then().statusCode(201);
            ids.add(given().queryParam("resourceType", "department").queryParam("resource", code).when().get("/api/v1/audit")
                    .then().statusCode(200).extract().jsonPath().getLong("items[0].id"));
        }
        JsonPath before = given().when().get(VERIFICATION).then().statusCode(200).body("intact", equalTo(true)).extract().jsonPath();
        long entries = before.getLong("entriesChecked");
        assertEquals(entries, before.getLong("headSequence"));
        long first = ids.get(0);
        long second = ids.get(1);
        long secondPosition;
        try (Connection owner = PostgresDatabase.ownerConnection(DATABASE); Statement sql = owner.createStatement()) {
            try (var row = sql.executeQuery("SELECT chain_seq FROM audit_entry WHERE id = " + second)) {
                row.next();
                secondPosition = row.getLong(1);
            }
            sql.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_entry WHERE id IN (" + first + ", " + second + ")");
            sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            try {
                // A changed entry: its content no longer hashes to what it holds.
                sql.execute("UPDATE audit_entry SET subject_name = '别人' WHERE id = " + first);
                given().when().get(VERIFICATION).then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstMismatchId", equalTo((int) first))
                        .body("problem", equalTo("its content was changed after it was recorded"));
                sql.execute("UPDATE audit_entry e SET subject_name = s.subject_name FROM saved s WHERE e.id = s.id AND e.id = " + first);
                given().when().get(VERIFICATION).then().statusCode(200).body("intact", equalTo(true));

                // A removed entry: the one after it names the gap.
                sql.execute("DELETE FROM audit_entry WHERE id = " + second);
                given().when().get(VERIFICATION).then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstMismatchId", equalTo(ids.get(2).intValue()))
                        .body("firstMismatchSequence", equalTo((int) secondPosition))
                        .body("problem", equalTo("the entry before it (position " + secondPosition + ") is missing"));
                // Put back as it was (the chain trigger would give it a new place): whole again.
                sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_chain");
                try {
                    sql.execute("INSERT INTO audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM saved WHERE id = " + second);
                } finally {
                    sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_chain");
                }
            } finally {
                sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            }
        }
        given().when().get(VERIFICATION).then().statusCode(200).body("intact", equalTo(true));
        // Only admins verify.
        given().header("Authorization", Tokens.bearer(Tokens.planner())).when().get(VERIFICATION).then().statusCode(403);
        given().header("Authorization", Tokens.ANONYMOUS).when().get(VERIFICATION).then().statusCode(401);
    }
}
