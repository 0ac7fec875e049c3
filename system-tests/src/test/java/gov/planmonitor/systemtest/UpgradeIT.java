package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.launcher.Postgres;
import gov.planmonitor.launcher.Suite;
import gov.planmonitor.testsupport.ConformanceFilter;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An upgrade keeps the data: the three databases as the commit before issue 27 (cc4c5be) left them (its {@code ./run
 * --fresh} with the seeds, a few writes beyond them and an annual report, dumped by
 * {@code system-tests/upgrade/make-fixture.sh}) are restored as {@code ./run} lays databases out and served by the
 * current packaged services. Every expected figure is the fixture's manifest, what the old code's API answered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final String FIXTURE = "cc4c5be";
    private static final List<String> SERVICES = List.of("indicator", "project", "report");
    private static final String PREFIX = "planmonitor_upgrade_";
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(60);
    /** Exact decimals: 0.1625 is compared as written, not as a double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static JsonNode manifest;
    private static Postgres postgres;
    private static Suite suite;
    private static RequestSpecification api;
    /** flyway_schema_history of each service as the old code left it, read before the current code started. */
    private static final Map<String, List<Map<String, Object>>> historyBefore = new HashMap<>();
    /** ...and after the current code's first start. */
    private static final Map<String, List<Map<String, Object>>> historyAfterFirstStart = new HashMap<>();

    @BeforeAll
    static void restoreTheOldDatabasesAndStartTheCurrentServices() throws Exception {
        try (InputStream in = resource("manifest.json")) {
            manifest = JSON.readTree(in);
        }
        assertEquals(FIXTURE, manifest.get("shortRevision").asText());
        long t0 = System.nanoTime();
        postgres = RunningSuite.postgres();
        long t1 = System.nanoTime();
        for (String service : SERVICES) {
            String database = PREFIX + service;
            // As ./run lays a database out: the owner role owns it and everything in it (it restores the dump, so every
            // object is its own), the service's role owns nothing; Suite.start() gives both new passwords again.
            String ownerPassword = "upgrade-owner-" + System.nanoTime();
            postgres.prepareDatabase(database, true);
            postgres.prepareRoles(database, database + "_owner", ownerPassword, database, "upgrade-" + System.nanoTime());
            restore(service + ".sql.gz", postgres.jdbcUrl(database), database + "_owner", ownerPassword);
            historyBefore.put(service, flywayHistory(service));
        }
        long t2 = System.nanoTime();
        suite = start();
        System.out.printf("[timing] upgrade: PostgreSQL %d ms, restore of the three dumps %d ms, first start of the current services %d ms%n",
                ms(t1 - t0), ms(t2 - t1), ms(System.nanoTime() - t2));
        for (String service : SERVICES) {
            historyAfterFirstStart.put(service, flywayHistory(service));
        }
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    // ---- the database --------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theOldMigrationsAreKeptAsTheyWereAndNewerOnesAppliedOnce() throws SQLException {
        for (String service : SERVICES) {
            List<Map<String, Object>> before = historyBefore.get(service);
            List<Map<String, Object>> after = historyAfterFirstStart.get(service);
            // The restored history is the one the old code wrote (the manifest read it from the old database).
            JsonNode recorded = manifest.get(service + "-service").get("migrations");
            assertEquals(recorded.size(), before.size(), service + ": migrations in the dump");
            for (int i = 0; i < recorded.size(); i++) {
                JsonNode want = recorded.get(i);
                Map<String, Object> got = before.get(i);
                assertEquals(want.get("installedRank").asInt(), got.get("installed_rank"), service);
                assertEquals(want.get("version").asText(), got.get("version"), service);
                assertEquals(want.get("script").asText(), got.get("script"), service);
                assertEquals(want.get("checksum").asInt(), got.get("checksum"), service + " " + got.get("script"));
                assertEquals(Boolean.TRUE, got.get("success"), service);
            }
            // Every old row unchanged, column for column (installed_on, checksum, ...): the current code repaired nothing.
            assertTrue(after.size() >= before.size(), service);
            assertEquals(before, after.subList(0, before.size()), service + ": the old migrations' rows");
            Set<Object> versions = new HashSet<>();
            before.forEach(row -> versions.add(row.get("version")));
            for (Map<String, Object> added : after.subList(before.size(), after.size())) {
                assertTrue(versions.add(added.get("version")), () -> service + ": " + added.get("version") + " applied more than once");
                assertEquals(Boolean.TRUE, added.get("success"), () -> service + ": " + added);
            }
            System.out.printf("[upgrade] %s: %d migrations of %s kept, %d newer applied%n", service, before.size(), FIXTURE,
                    after.size() - before.size());

            // The layout ./run makes: the owner owns every table, the service's role may append to the audit trail only.
            String database = PREFIX + service;
            try (Connection c = superuser(service); Statement s = c.createStatement()) {
                ResultSet foreign = s.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') AND pg_get_userbyid(c.relowner) <> '" + database + "_owner'");
                foreign.next();
                assertEquals(0, foreign.getInt(1), service + ": relations not owned by the owner role");
                ResultSet rights = s.executeQuery("SELECT has_table_privilege('" + database + "', 'audit_entry', 'INSERT'),"
                        + " has_table_privilege('" + database + "', 'audit_entry', 'UPDATE'),"
                        + " has_table_privilege('" + database + "', 'audit_entry', 'DELETE')");
                rights.next();
                assertTrue(rights.getBoolean(1), service + ": the service appends to its audit trail");
                assertFalse(rights.getBoolean(2) || rights.getBoolean(3), service + ": the service cannot change its audit trail");
            }
        }
    }

    // ---- what the old code answered, the current code answers -------------------------------------------------------------

    @Test
    @Order(2)
    void countsAreTheOldOnes() {
        JsonNode indicator = manifest.get("indicator-service");
        assertEquals(indicator.get("plans").asInt(), get(url("indicator", "/plans?size=1")).get("total").asInt(), "plans");
        Set<String> plans = new TreeSet<>();
        get(url("indicator", "/plans?size=100")).get("items").forEach(plan -> plans.add(plan.get("code").asText()));
        assertEquals(new TreeSet<>(names(indicator.get("indicatorsByPlan"))), plans, "plan codes");
        for (String plan : plans) {
            JsonNode indicators = get(url("indicator", "/plans/" + plan + "/indicators?size=100"));
            assertEquals(indicator.get("indicatorsByPlan").get(plan).asInt(), indicators.get("total").asInt(), "indicators of " + plan);
            assertEquals(indicators.get("total").asInt(), indicators.get("items").size(), "one page holds them");
            int observations = 0;
            for (JsonNode i : indicators.get("items")) {
                observations += get(url("indicator", "/indicators/" + i.get("code").asText() + "/observations")).size();
            }
            assertEquals(indicator.get("observationsByPlan").get(plan).asInt(), observations, "observations of " + plan);
        }
        assertEquals(indicator.get("tasks").asInt(), total(url("indicator", "/tasks")), "tasks");
        assertEquals(indicator.get("delayedTasks").asInt(), total(url("indicator", "/tasks?status=DELAYED")), "delayed tasks");
        assertEquals(indicator.get("departments").asInt(), total(url("indicator", "/departments")), "departments");

        JsonNode project = manifest.get("project-service");
        assertEquals(project.get("projectLists").asInt(), total(url("project", "/project-lists")), "project lists");
        assertEquals(project.get("projects").asInt(), total(url("project", "/projects")), "projects");
        for (String list : names(project.get("projectsByList"))) {
            assertEquals(project.get("projectsByList").get(list).asInt(), total(url("project", "/projects?list=" + list)), "projects of " + list);
        }
        assertEquals(manifest.get("report-service").get("reports").asInt(), total(url("report", "/reports")), "reports");
    }

    @Test
    @Order(2)
    void theValuesWrittenBeyondTheSeedsAreTheOldOnes() {
        JsonNode writes = manifest.get("writes");

        JsonNode observation = writes.get("observation");
        String observationUrl = url("indicator", "/indicators/" + observation.get("indicator").asText() + "/observations/" + observation.get("year").asInt());
        assertContains("observation", without(observation, "history"), get(observationUrl));
        JsonNode history = get(observationUrl + "/history");
        assertEquals(observation.get("history").size(), history.size(), "revisions of the observation");
        for (int i = 0; i < history.size(); i++) {
            assertContains("observation revision " + (i + 1), observation.get("history").get(i), history.get(i));
        }

        JsonNode taskUpdate = writes.get("taskUpdate");
        String taskUrl = url("indicator", "/tasks/" + taskUpdate.get("task").asText());
        assertContains("task", without(taskUpdate, "task", "updates"), get(taskUrl));
        JsonNode updates = get(taskUrl + "/updates");
        assertEquals(taskUpdate.get("updates").size(), updates.size(), "updates of the task");
        for (int i = 0; i < updates.size(); i++) {
            assertContains("task update", taskUpdate.get("updates").get(i), updates.get(i));
        }

        JsonNode department = writes.get("department");
        assertContains("department", department, get(url("indicator", "/departments/" + department.get("code").asText())));

        JsonNode investment = writes.get("investment");
        JsonNode investmentNow = get(url("project", "/projects/" + investment.get("project").asText() + "/investments/" + investment.get("year").asInt()));
        assertDecimal("planned investment", investment.get("planned"), investmentNow.get("planned").get("yuan"));
        assertDecimal("completed investment", investment.get("completed"), investmentNow.get("completed").get("yuan"));
        assertEquals(investment.get("note"), investmentNow.get("note"), "investment note");

        JsonNode milestone = writes.get("milestone");
        assertContains("milestone", without(milestone, "project"),
                get(url("project", "/projects/" + milestone.get("project").asText() + "/milestones/" + milestone.get("id").asLong())));
    }

    @Test
    @Order(2)
    void theOldReportIsThereWithTheSameContent() throws Exception {
        JsonNode report = manifest.get("report");
        String id = report.get("id").asText();
        assertContains("report", without(report, "content"), get(url("report", "/reports/" + id)));
        // Each format was stored when the old code first served it; the current code serves those bytes.
        for (String format : names(report.get("content"))) {
            byte[] content = given().spec(api).accept(format).get(url("report", "/reports/" + id + "/content"))
                    .then().statusCode(200).extract().asByteArray();
            JsonNode want = report.get("content").get(format);
            assertEquals(want.get("bytes").asInt(), content.length, "bytes of the report as " + format);
            assertEquals(want.get("sha256").asText(), sha256(content), "SHA-256 of the report as " + format);
        }
    }

    @Test
    @Order(2)
    void eachAuditTrailVerifiesThroughTheOldHead() {
        for (String service : SERVICES) {
            JsonNode audit = manifest.get(service + "-service").get("audit");
            assertEquals(audit.get("entries").asLong(), auditEntries(service), service + ": audit entries");
            JsonNode verification = verification(service);
            assertTrue(verification.get("intact").asBoolean(), () -> service + ": " + verification);
            assertEquals(audit.get("entries").asLong(), verification.get("entriesChecked").asLong(), service);
            // Nothing written since: the head is the one the old code left, hash for hash.
            assertEquals(audit.get("headSequence").asLong(), verification.get("headSequence").asLong(), service);
            assertEquals(audit.get("headHash").asText(), verification.get("headHash").asText(), service);
        }
    }

    // ---- the current code writes on the old data ---------------------------------------------------------------------

    @Test
    @Order(3)
    void newWritesWorkAndAreAuditedOnTheOldChains() throws Exception {
        String admin = token("admin");

        // The old observation replaced once more, with the version the old code left (revision 2) as If-Match.
        JsonNode observation = manifest.get("writes").get("observation");
        String observationUrl = url("indicator", "/indicators/" + observation.get("indicator").asText() + "/observations/" + observation.get("year").asInt());
        String etag = given().spec(api).auth().oauth2(admin).get(observationUrl).then().statusCode(200).extract().header("ETag");
        JsonNode replaced = json(given().spec(api).auth().oauth2(admin).header("If-Match", etag).contentType("application/json")
                .body("{\"value\":0.1632,\"status\":\"FINAL\",\"source\":\"升级后 after the upgrade\"}")
                .put(observationUrl).then().statusCode(200).extract().response());
        assertEquals(observation.get("revision").asInt() + 1, replaced.get("revision").asInt(), "the revision after the old ones");
        JsonNode history = get(observationUrl + "/history");
        assertEquals(observation.get("history").size() + 1, history.size());
        assertContains("the old revisions", observation.get("history").get(0), history.get(0));
        assertAudited("indicator", 1, "observation", observation.get("indicator").asText() + "/" + observation.get("year").asInt());

        // A milestone beside the old one: the restored sequence gives it the next id.
        JsonNode milestone = manifest.get("writes").get("milestone");
        String project = milestone.get("project").asText();
        JsonNode added = json(given().spec(api).auth().oauth2(admin).contentType("application/json")
                .body("{\"nameZh\":\"竣工验收\",\"nameEn\":\"Completion acceptance\",\"plannedDate\":\"2019-12-31\"}")
                .post(url("project", "/projects/" + project + "/milestones"))
                .then().statusCode(201).extract().response());
        assertTrue(added.get("id").asLong() > milestone.get("id").asLong(), added::toString);
        assertEquals(2, get(url("project", "/projects/" + project + "/milestones")).size(), "the old milestone and the new one");
        assertAudited("project", 1, "milestone", project + "/" + added.get("id").asLong());

        // A report of the old data, generated by the current code: the request and the worker's result are audited.
        String id = json(given().spec(api).auth().oauth2(token("reporter")).contentType("application/json")
                .body("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}").post(url("report", "/reports"))
                .then().statusCode(202).extract().response()).get("id").asText();
        long deadline = System.nanoTime() + REPORT_TIMEOUT.toNanos();
        String status;
        while (!(status = get(url("report", "/reports/" + id)).get("status").asText()).equals("SUCCEEDED")) {
            assertFalse(status.equals("FAILED") || System.nanoTime() > deadline, () -> "report " + id + ": " + get(url("report", "/reports/" + id)));
            Thread.sleep(200);
        }
        assertEquals(manifest.get("report-service").get("reports").asInt() + 1, total(url("report", "/reports")));
        assertAudited("report", 2, "report", id);
    }

    @Test
    @Order(4)
    void aSecondStartAppliesNothingMore() throws Exception {
        suite.close();
        long t0 = System.nanoTime();
        suite = start();
        System.out.printf("[timing] upgrade: second start of the current services %d ms%n", ms(System.nanoTime() - t0));
        for (String service : SERVICES) {
            assertEquals(historyAfterFirstStart.get(service), flywayHistory(service), service + ": flyway_schema_history after a second start");
            JsonNode verification = verification(service);
            assertTrue(verification.get("intact").asBoolean(), () -> service + ": " + verification);
        }
        // The old data is still served after the second start.
        JsonNode report = manifest.get("report").get("content").get("application/json");
        byte[] content = given().spec(api).accept("application/json").get(url("report", "/reports/" + manifest.get("report").get("id").asText() + "/content"))
                .then().statusCode(200).extract().asByteArray();
        assertEquals(report.get("sha256").asText(), sha256(content));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /**
     * The current packaged services on the restored databases, as {@code ./run} starts them on databases it finds (no
     * seeds: they load only into an empty service); every answer is checked against the current contract too.
     */
    private static Suite start() throws Exception {
        Suite started = new Suite(RunningSuite.root(), new Suite.Settings(RunningSuite.freePort(), RunningSuite.freePort(), RunningSuite.freePort(),
                PREFIX, false, RunningSuite.logs().resolve("upgrade-logs")), postgres);
        RunningSuite.stopAtExit(started);
        started.start();
        assertTrue(started.timings().seedLoad().isEmpty(), () -> "seeds were loaded into the restored databases: " + started.timings());
        Map<Integer, Path> contracts = new HashMap<>();
        for (String service : SERVICES) {
            contracts.put(started.service(service + "-service").port(),
                    RunningSuite.root().resolve(service + "-service/src/main/resources/openapi/openapi.yaml"));
        }
        api = new RequestSpecBuilder().addFilter(new ConformanceFilter(contracts)).build();
        return started;
    }

    /**
     * Runs a gzipped plain-SQL pg_dump as {@code user}, in one transaction: the statements through JDBC, each COPY's rows
     * through the COPY protocol (what psql would do with it; the tests have no psql).
     */
    private static void restore(String dump, String jdbcUrl, String user, String password) throws IOException, SQLException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource(dump)), StandardCharsets.UTF_8));
             Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder sql = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("\\restrict ") || line.startsWith("\\unrestrict ")) {
                    continue; // psql's guard against meta-commands smuggled into data; nothing to run
                }
                if (line.startsWith("\\")) {
                    throw new IllegalStateException(dump + ": a psql meta-command the restore does not know: " + line);
                }
                if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                    execute(c, sql);
                    StringBuilder rows = new StringBuilder();
                    String row;
                    while (!"\\.".equals(row = reader.readLine())) {
                        if (row == null) {
                            throw new IllegalStateException(dump + ": the rows of " + line + " do not end");
                        }
                        rows.append(row).append('\n');
                    }
                    copy.copyIn(line.substring(0, line.length() - 1), new StringReader(rows.toString()));
                } else {
                    sql.append(line).append('\n');
                }
            }
            execute(c, sql);
            c.commit();
        }
    }

    private static void execute(Connection c, StringBuilder sql) throws SQLException {
        if (!sql.toString().isBlank()) {
            try (Statement s = c.createStatement()) {
                s.execute(sql.toString());
            }
        }
        sql.setLength(0);
    }

    private static List<Map<String, Object>> flywayHistory(String service) throws SQLException {
        try (Connection c = superuser(service); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM flyway_schema_history ORDER BY installed_rank")) {
            ResultSetMetaData columns = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Connection superuser(String service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(PREFIX + service), postgres.user(), postgres.password());
    }

    /** After {@code written} more writes, the newest entry is the last one's and the chain verifies through the old head. */
    private static void assertAudited(String service, int written, String resourceType, String resourceId) {
        JsonNode audit = manifest.get(service + "-service").get("audit");
        long entries = audit.get("entries").asLong() + written;
        assertEquals(entries, auditEntries(service), service + ": audit entries after the new writes");
        JsonNode newest = json(given().spec(api).auth().oauth2(token("admin")).get(url(service, "/audit?size=1"))
                .then().statusCode(200).extract().response()).get("items").get(0);
        assertEquals(resourceType, newest.get("resourceType").asText(), () -> service + ": " + newest);
        assertEquals(resourceId, newest.get("resourceId").asText(), () -> service + ": " + newest);
        JsonNode verification = verification(service);
        assertTrue(verification.get("intact").asBoolean(), () -> service + ": " + verification);
        assertEquals(entries, verification.get("entriesChecked").asLong(), service);
        assertEquals(audit.get("headSequence").asLong() + written, verification.get("headSequence").asLong(), service);
    }

    private static long auditEntries(String service) {
        return json(given().spec(api).auth().oauth2(token("admin")).get(url(service, "/audit?size=1"))
                .then().statusCode(200).extract().response()).get("total").asLong();
    }

    private static JsonNode verification(String service) {
        return json(given().spec(api).auth().oauth2(token("admin")).get(url(service, "/audit/verification"))
                .then().statusCode(200).extract().response());
    }

    private static String token(String role) {
        return suite.keys().token(role, List.of(), Duration.ofMinutes(10));
    }

    private static String url(String service, String path) {
        return suite.service(service + "-service").baseUrl() + "/api/v1" + path;
    }

    /** An anonymous read, as the manifest's were made. */
    private static JsonNode get(String url) {
        Response response = given().spec(api).get(url);
        assertEquals(200, response.statusCode(), () -> "GET " + url + ": " + response.asString());
        return json(response);
    }

    private static int total(String url) {
        return get(url + (url.contains("?") ? "&" : "?") + "size=1").get("total").asInt();
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    /**
     * Every field of {@code expected} is in {@code actual} with the same value (numbers by value, instants as instants,
     * objects and arrays field by field); {@code actual} may have more.
     */
    private static void assertContains(String what, JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare(what, expected, actual, problems);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\nexpected (manifest): " + expected + "\nactual: " + actual);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (actual == null || actual.isMissingNode()) {
            problems.add(path + ": missing");
        } else if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), problems);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                problems.add(path + ": expected " + expected + " but was " + actual);
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    compare(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
                }
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                problems.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (!expected.equals(actual) && !sameInstant(expected, actual)) {
            problems.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static boolean sameInstant(JsonNode expected, JsonNode actual) {
        try {
            return expected.isTextual() && actual.isTextual()
                    && OffsetDateTime.parse(expected.asText()).toInstant().equals(OffsetDateTime.parse(actual.asText()).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static void assertDecimal(String what, JsonNode expected, JsonNode actual) {
        assertNotNull(actual, what);
        assertEquals(0, expected.decimalValue().compareTo(new BigDecimal(actual.asText())), () -> what + ": expected " + expected + " but was " + actual);
    }

    private static JsonNode without(JsonNode node, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static InputStream resource(String name) {
        InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/" + FIXTURE + "/" + name);
        if (in == null) {
            throw new IllegalStateException("upgrade/" + FIXTURE + "/" + name + " is missing: system-tests/upgrade/make-fixture.sh " + FIXTURE + " makes it");
        }
        return in;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
