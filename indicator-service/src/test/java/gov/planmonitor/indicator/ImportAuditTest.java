package gov.planmonitor.indicator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit entries of an observation import, pinned as the API shows them (GET /api/v1/audit and the change feed):
 * each imported row's before and after is the observation's API representation, exactly as a single PUT of the same
 * value records it: the same properties in the same order, numbers without trailing zeros, nulls, times, the author.
 * The import builds them in another way than a PUT (set-based), so this pins the text, not just the values.
 */
@QuarkusTest
class ImportAuditTest {

    private static final String HEADER = "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,"
            + "comparable,source,note,completed,evidence,recordedAt\n";
    private static final String ADMIN = "系统管理员 (u-admin)";
    /**
     * What Jackson writes for an OffsetDateTime in UTC: seconds always, a fraction only as long as needed, to the
     * microsecond the database keeps (the time the observation itself shows).
     */
    private static final String UTC_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,5}[1-9])?Z";
    /** A PUT's entry keeps the time of its new revision as Java had it, to the nanosecond where the clock gives them. */
    private static final String PUT_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?Z";
    /** Numbers as they came (12.50 stays 12.50), so that the comparison sees the text the API sent. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static void importCsv(String csv, int created, int updated) {
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("entity", "observations")
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("counts.observations.CREATED", equalTo(created)).body("counts.observations.UPDATED", equalTo(updated));
    }

    /** The audit entries of an observation, oldest first, as the API sends them. */
    private static List<JsonNode> entries(String resource) throws Exception {
        String body = given().queryParam("resourceType", "observation").queryParam("resource", resource).queryParam("sort", "occurredAt")
                .when().get("/api/v1/audit").then().statusCode(200).extract().asString();
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(body).get("items").forEach(items::add);
        return items;
    }

    /** The state with its times checked for their form and replaced by a marker, so the rest compares as text. */
    private static String withoutTimes(JsonNode state, String timePattern) {
        if (state.isNull()) {
            return "null";
        }
        ObjectNode copy = state.deepCopy();
        for (String field : List.of("recordedAt", "supersededAt")) {
            if (copy.get(field).isTextual()) {
                assertTrue(copy.get(field).asText().matches(timePattern), field + " " + copy.get(field));
                copy.put(field, "<time>");
            }
        }
        return copy.toString();
    }

    @Test
    void anImportedRowsEntryIsItsApiRepresentation() throws Exception {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String code = Fixtures.createIndicator(plan, 1, "导入审计测试", "%", "≥5");
        String note = "他说\"好\"，路径 C:\\data\\n\n第二行";
        String csvNote = "\"" + note.replace("\"", "\"\"") + "\"";
        importCsv(HEADER
                + code + ",2021,2019,12.50,6.10,CURRENT_PRICES,FINAL,与经济增长基本同步,,false,统计公报," + csvNote + ",,,\n"
                + code + ",2022,,1000,,,PRELIMINARY,,,,,,,,\n"
                + code + ",2023,,-0.000100,,,ESTIMATE,,,,,,true,验收意见（越发改〔2020〕12号）,2023-03-01T10:00:00.120+08:00\n"
                + code + ",2024,,0,,,FINAL,,,,,,,,2024-05-06T07:08:09.000001-03:30\n", 4, 0);

        List<JsonNode> first = entries(code + "/2021");
        assertEquals(1, first.size());
        assertEquals("null", first.get(0).get("before").toString());
        assertEquals("{\"note\":\"他说\\\"好\\\"，路径 C:\\\\data\\\\n\\n第二行\",\"year\":2021,\"value\":12.5,\"source\":\"统计公报\","
                + "\"status\":\"FINAL\",\"evidence\":null,\"revision\":1,\"completed\":null,\"indicator\":\"" + code + "\","
                + "\"comparable\":false,\"growthRate\":6.1,\"priceBasis\":\"CURRENT_PRICES\",\"recordedAt\":\"<time>\","
                + "\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":2019,\"supersededAt\":null,\"supersededBy\":null,"
                + "\"qualitativeEn\":null,\"qualitativeZh\":\"与经济增长基本同步\"}", withoutTimes(first.get(0).get("after"), UTC_TIME));
        // The entry's time is the value's: the recorded time the observation itself shows.
        String recordedAt = given().when().get("/api/v1/indicators/" + code + "/observations/2021").then().statusCode(200)
                .extract().path("recordedAt");
        assertEquals(OffsetDateTime.parse(recordedAt).toInstant(), OffsetDateTime.parse(first.get(0).get("after").get("recordedAt").asText()).toInstant());

        assertEquals("{\"note\":null,\"year\":2022,\"value\":1000,\"source\":null,\"status\":\"PRELIMINARY\",\"evidence\":null,"
                + "\"revision\":1,\"completed\":null,\"indicator\":\"" + code + "\",\"comparable\":true,\"growthRate\":null,"
                + "\"priceBasis\":null,\"recordedAt\":\"<time>\",\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":null,"
                + "\"supersededAt\":null,\"supersededBy\":null,\"qualitativeEn\":null,\"qualitativeZh\":null}",
                withoutTimes(entries(code + "/2022").get(0).get("after"), UTC_TIME));
        // A row dated back keeps the time as the file gave it, offset and all.
        assertEquals("{\"note\":null,\"year\":2023,\"value\":-0.0001,\"source\":null,\"status\":\"ESTIMATE\","
                + "\"evidence\":\"验收意见（越发改〔2020〕12号）\",\"revision\":1,\"completed\":true,\"indicator\":\"" + code + "\","
                + "\"comparable\":true,\"growthRate\":null,\"priceBasis\":null,\"recordedAt\":\"2023-03-01T10:00:00.12+08:00\","
                + "\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":null,\"supersededAt\":null,\"supersededBy\":null,"
                + "\"qualitativeEn\":null,\"qualitativeZh\":null}", entries(code + "/2023").get(0).get("after").toString());

        // West of UTC, with minutes, to the microsecond; a zero without its fraction.
        assertEquals("{\"note\":null,\"year\":2024,\"value\":0,\"source\":null,\"status\":\"FINAL\",\"evidence\":null,"
                + "\"revision\":1,\"completed\":null,\"indicator\":\"" + code + "\",\"comparable\":true,\"growthRate\":null,"
                + "\"priceBasis\":null,\"recordedAt\":\"2024-05-06T07:08:09.000001-03:30\",\"recordedBy\":\"" + ADMIN + "\","
                + "\"periodStart\":null,\"supersededAt\":null,\"supersededBy\":null,\"qualitativeEn\":null,\"qualitativeZh\":null}",
                entries(code + "/2024").get(0).get("after").toString());

        // Updated: 2021 replaced once; 2022 twice in one file, the second row replacing the first of the same file.
        importCsv(HEADER
                + code + ",2021,,13,,,FINAL,,,,,,,,\n"
                + code + ",2022,,1000.5,,,FINAL,,,,,,,,\n"
                + code + ",2022,,1001,,,FINAL,,,,,,,,\n", 0, 3);
        List<JsonNode> updated = entries(code + "/2021");
        assertEquals(2, updated.size());
        JsonNode entry = updated.get(1);
        assertEquals("importData", entry.get("operation").asText());
        // The revision it replaced, as retired by this write: superseded now, by the importer.
        assertEquals("{\"note\":\"他说\\\"好\\\"，路径 C:\\\\data\\\\n\\n第二行\",\"year\":2021,\"value\":12.5,\"source\":\"统计公报\","
                + "\"status\":\"FINAL\",\"evidence\":null,\"revision\":1,\"completed\":null,\"indicator\":\"" + code + "\","
                + "\"comparable\":false,\"growthRate\":6.1,\"priceBasis\":\"CURRENT_PRICES\",\"recordedAt\":\"<time>\","
                + "\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":2019,\"supersededAt\":\"<time>\",\"supersededBy\":\"" + ADMIN + "\","
                + "\"qualitativeEn\":null,\"qualitativeZh\":\"与经济增长基本同步\"}", withoutTimes(entry.get("before"), UTC_TIME));
        assertEquals(entry.get("before").get("supersededAt"), entry.get("after").get("recordedAt"));
        assertEquals("{\"note\":null,\"year\":2021,\"value\":13,\"source\":null,\"status\":\"FINAL\",\"evidence\":null,"
                + "\"revision\":2,\"completed\":null,\"indicator\":\"" + code + "\",\"comparable\":true,\"growthRate\":null,"
                + "\"priceBasis\":null,\"recordedAt\":\"<time>\",\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":null,"
                + "\"supersededAt\":null,\"supersededBy\":null,\"qualitativeEn\":null,\"qualitativeZh\":null}",
                withoutTimes(entry.get("after"), UTC_TIME));

        List<JsonNode> twice = entries(code + "/2022");
        assertEquals(3, twice.size());
        // The first row's revision, as the second row of the same file retired it.
        assertEquals(withoutTimes(twice.get(1).get("after"), UTC_TIME).replace("\"supersededAt\":null,\"supersededBy\":null",
                "\"supersededAt\":\"<time>\",\"supersededBy\":\"" + ADMIN + "\""), withoutTimes(twice.get(2).get("before"), UTC_TIME));
        assertEquals(twice.get(2).get("before").get("supersededAt"), twice.get(2).get("after").get("recordedAt"));
        assertEquals("{\"note\":null,\"year\":2022,\"value\":1001,\"source\":null,\"status\":\"FINAL\",\"evidence\":null,"
                + "\"revision\":3,\"completed\":null,\"indicator\":\"" + code + "\",\"comparable\":true,\"growthRate\":null,"
                + "\"priceBasis\":null,\"recordedAt\":\"<time>\",\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":null,"
                + "\"supersededAt\":null,\"supersededBy\":null,\"qualitativeEn\":null,\"qualitativeZh\":null}",
                withoutTimes(twice.get(2).get("after"), UTC_TIME));
    }

    /** The change feed's event of an imported row carries the same state as its audit entry. */
    @Test
    void theChangeFeedShowsAnImportedRowAsItsAuditEntry() throws Exception {
        String start = Fixtures.changeFeedEnd();
        String plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String code = Fixtures.createIndicator(plan, 1, "导入变更测试", "%", "≥5");
        importCsv(HEADER + code + ",2021,,7.250,0.5,,FINAL,,\"rate \\ \"\"quoted\"\"\",,,,,,\n", 1, 0);
        String body = given().queryParam("after", start).queryParam("limit", 500).when().get("/api/v1/changes").then().statusCode(200)
                .extract().asString();
        JsonNode event = null;
        for (JsonNode e : JSON.readTree(body).get("items")) {
            if (e.get("subject").asText().endsWith("/" + code + "/observations/2021")) {
                event = e;
            }
        }
        assertNotNull(event, body);
        assertEquals("gov.planmonitor.indicator.observation.created", event.get("type").asText());
        assertEquals(entries(code + "/2021").get(0).get("after").toString(), event.get("data").toString());
        assertEquals("{\"note\":null,\"year\":2021,\"value\":7.25,\"source\":null,\"status\":\"FINAL\",\"evidence\":null,"
                + "\"revision\":1,\"completed\":null,\"indicator\":\"" + code + "\",\"comparable\":true,\"growthRate\":0.5,"
                + "\"priceBasis\":null,\"recordedAt\":\"<time>\",\"recordedBy\":\"" + ADMIN + "\",\"periodStart\":null,"
                + "\"supersededAt\":null,\"supersededBy\":null,\"qualitativeEn\":\"rate \\\\ \\\"quoted\\\"\",\"qualitativeZh\":null}",
                withoutTimes(event.get("data"), UTC_TIME));
        given().when().get("/api/v1/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    /** An imported row's entry is the entry a PUT of the same value records, created and updated, but for who and when. */
    @Test
    void anImportedRowsEntryEqualsThatOfAPutOfTheSameValue() throws Exception {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String put = Fixtures.createIndicator(plan, 1, "单条写入", "%", "≥5");
        String imported = Fixtures.createIndicator(plan, 2, "导入写入", "%", "≥5");
        Map<String, Object> value = Map.of("value", new BigDecimal("12.50"), "growthRate", new BigDecimal("6.10"), "priceBasis", "CONSTANT_PRICES", "status", "FINAL",
                "qualitativeZh", "稳中有进", "comparable", false, "note", "a \\ b \"c\"\nd", "periodStart", 2020);
        String etag = given().contentType(ContentType.JSON).body(value).when().put("/api/v1/indicators/{code}/observations/2021", put)
                .then().statusCode(201).extract().header("ETag");
        importCsv(HEADER + imported + ",2021,2020,12.50,6.10,CONSTANT_PRICES,FINAL,稳中有进,,false,,\"a \\ b \"\"c\"\"\nd\",,,\n", 1, 0);
        Map<String, Object> next = Map.of("value", new BigDecimal("0.000001"), "status", "PRELIMINARY", "completed", false, "evidence", "通知");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(next).when().put("/api/v1/indicators/{code}/observations/2021", put)
                .then().statusCode(200);
        importCsv(HEADER + imported + ",2021,,0.000001,,,PRELIMINARY,,,,,,false,通知,\n", 0, 1);

        List<JsonNode> byPut = entries(put + "/2021");
        List<JsonNode> byImport = entries(imported + "/2021");
        assertEquals(2, byPut.size());
        assertEquals(2, byImport.size());
        for (int i = 0; i < 2; i++) {
            for (String state : List.of("before", "after")) {
                assertEquals(withoutTimes(byPut.get(i).get(state), PUT_TIME).replace(put, "<code>"),
                        withoutTimes(byImport.get(i).get(state), UTC_TIME).replace(imported, "<code>"), state + " of entry " + i);
            }
            for (String field : List.of("subject", "subjectName", "roles", "resourceType")) {
                assertEquals(byPut.get(i).get(field), byImport.get(i).get(field), field);
            }
        }
        assertEquals("null", byImport.get(0).get("before").toString());
        assertEquals("0.000001", byImport.get(1).get("after").get("value").toString());
    }
}
