package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rulebook, case by case: src/test/resources/rules/evaluation-cases.csv (written by generate_evaluation_cases.py,
 * which restates the rules on its own) gives a plan, a target, the yearly values and the verdict with its numbers.
 * Each row has a plan of its own with its indicator and values, and reads the evaluation back through the API.
 * The plans, indicators and values of all rows are written first through the bulk import API, a few requests for the
 * lot (the import applies each row with the same service rules as a single write): one request each, about five a
 * row, took most of this class's time.
 */
@QuarkusTest
class EvaluationCasesTest {

    /** Rows per round of imports: keeps each import request to a few seconds. */
    private static final int BATCH = 200;
    private static final List<String> PLAN_COLUMNS = List.of("code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent");
    private static final List<String> INDICATOR_COLUMNS = List.of("code", "plan", "seq", "nameZh", "nameEn", "category", "unit", "attribute",
            "direction", "departments", "targetText", "targetKind", "targetReference", "series", "footnoteZh", "footnoteEn", "measures");
    private static final List<String> OBSERVATION_COLUMNS = List.of("indicator", "year", "periodStart", "value", "growthRate", "priceBasis",
            "status", "qualitativeZh", "qualitativeEn", "comparable", "source", "note", "completed", "evidence");

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    @ParameterizedTest(name = "#{0} {1} {2} {6} [{4} {5}] {7} -> {9}")
    @CsvFileSource(resources = "/rules/evaluation-cases.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void theVerdictFollowsTheRulebook(int id, String planKind, int year, String unit, String attribute, String direction, String target,
                                      String observations, String reference, String verdict, String rule, BigDecimal actual,
                                      BigDecimal threshold, BigDecimal expected, String measures) {
        Built built = built("rulebook " + id, Arrays.asList(planKind, unit, attribute, direction, target, observations, reference, measures));
        Map<String, Object> item = item(evaluation(built, year), built.code());
        String where = "case " + id + ": " + explanation(item).get("zh");
        assertVerdict(item, where, verdict, rule, actual, threshold, expected);
        // The words too: each case's explanation as committed (-Dexplanations.update=true writes them after a change).
        String words = explanation(item).get("zh") + "\t" + explanation(item).get("en");
        if (Boolean.getBoolean("explanations.update")) {
            WORDS.put(id, words);
        } else {
            assertEquals(committedWords().get(id), words, "the explanation of case " + id + " (rules/evaluation-explanations.tsv)");
        }
    }

    /**
     * The cases worked out by hand (rules/hand-worked-cases.csv, each with the sum that decides it): an indicator of the
     * given name and unit in a plan of its own, its yearly values, and the verdict with the numbers it rests on; where the
     * row says so, a phrase written by hand that the Chinese explanation must contain.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} {7} [{5} {6}] {8} -> {10}")
    @CsvFileSource(resources = "/rules/hand-worked-cases.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void theHandWorkedCasesHold(String id, String planKind, int year, String name, String unit, String attribute, String direction,
                                String target, String observations, String reference, String verdict, String rule, BigDecimal actual,
                                BigDecimal threshold, BigDecimal expected, String arithmetic, String measures, String says) {
        Built built = built("hand-worked " + id, Arrays.asList(planKind, name, unit, attribute, direction, target, observations, reference, measures));
        Map<String, Object> item = item(evaluation(built, year), built.code());
        String zh = (String) explanation(item).get("zh");
        String where = "case " + id + " (" + arithmetic + "): " + zh;
        assertVerdict(item, where, verdict, rule, actual, threshold, expected);
        if (says != null) {
            assertTrue(zh != null && zh.contains(says), "case " + id + ": the explanation should say 「" + says + "」 but reads: " + zh);
        }
    }

    private static JsonPath evaluation(Built built, int year) {
        return given().queryParam("year", year).when().get("/api/v1/plans/{plan}/evaluation", built.plan())
                .then().statusCode(200).extract().jsonPath();
    }

    /** A row's plan and indicator as imported, with the row's cells they were made from. */
    private record Built(String plan, String code, List<String> cells) {
    }

    private static final Map<String, Built> BUILT = new HashMap<>();
    private static int builtPort = -1;

    /**
     * The plan and indicator of a row, all rows being imported the first time one is asked for in a started application
     * (a restarted one has a fresh database). The row's cells as JUnit read them must be the ones they were made from.
     */
    private static synchronized Built built(String key, List<String> cells) {
        if (builtPort != RestAssured.port) {
            BUILT.clear();
            importAll();
            builtPort = RestAssured.port;
        }
        Built built = BUILT.get(key);
        assertTrue(built != null, key + " was not imported");
        assertEquals(cells, built.cells(), key + ": the row imported");
        return built;
    }

    /** The plans, indicators and values of one round of rows, as the three import files take them. */
    private static final class Files {
        final List<List<Object>> plans = new ArrayList<>();
        final List<List<Object>> indicators = new ArrayList<>();
        final List<List<Object>> observations = new ArrayList<>();
    }

    private static void importAll() {
        List<CSVRecord> rows = new ArrayList<>(rows("/rules/evaluation-cases.csv"));
        int rulebook = rows.size();
        rows.addAll(rows("/rules/hand-worked-cases.csv"));
        for (int from = 0; from < rows.size(); from += BATCH) {
            Files files = new Files();
            for (int i = from; i < Math.min(rows.size(), from + BATCH); i++) {
                CSVRecord row = rows.get(i);
                if (i < rulebook) {
                    String attribute = row.get("attribute");
                    add(files, "rulebook " + row.get("id"), Arrays.asList(row.get("plan"), row.get("unit"), attribute, row.get("direction"),
                            row.get("target"), row.get("observations"), row.get("reference"), row.get("measures")),
                            row.get("plan"), "C", "测试指标", row.get("unit"), attribute.equals("NONE") ? null : attribute, row.get("direction"),
                            row.get("target"), null, row.get("observations"), row.get("reference"), row.get("measures"));
                } else {
                    // KIND:text requests a kind for the text (QUALITATIVE:进一步完善); otherwise the text decides
                    java.util.regex.Matcher kinded = java.util.regex.Pattern.compile("([A-Z_]+):(.+)").matcher(row.get("target"));
                    add(files, "hand-worked " + row.get("id"), Arrays.asList(row.get("plan"), row.get("name"), row.get("unit"), row.get("attribute"),
                            row.get("direction"), row.get("target"), row.get("observations"), row.get("reference"), row.get("measures")),
                            row.get("plan"), "H", row.get("name"), row.get("unit"), row.get("attribute"), row.get("direction"),
                            kinded.matches() ? kinded.group(2) : row.get("target"), kinded.matches() ? kinded.group(1) : null,
                            row.get("observations"), row.get("reference"), row.get("measures"));
                }
            }
            importCsv("plans", PLAN_COLUMNS, files.plans);
            importCsv("indicators", INDICATOR_COLUMNS, files.indicators);
            importCsv("observations", OBSERVATION_COLUMNS, files.observations);
        }
    }

    /**
     * A row's plan (ANNUAL 2017 or FIVE_YEAR 2016-2020), its indicator (seq 2, HEALTH leading, as Fixtures.indicator
     * makes it) and values, and for a RELATIVE target the plan's GDP growth indicator (seq 1) with the reference values.
     */
    private static void add(Files files, String key, List<String> cells, String planKind, String prefix, String name, String unit,
                            String attribute, String direction, String targetText, String targetKind, String observations, String reference,
                            String measures) {
        String plan = Fixtures.code("P");
        Map<String, Object> planBody = planKind.equals("ANNUAL") ? Fixtures.plan(plan, "ANNUAL", 2017, 2017, null)
                : Fixtures.plan(plan, "FIVE_YEAR", 2016, 2020, null);
        files.plans.add(PLAN_COLUMNS.stream().map(planBody::get).toList());
        String gdp = null;
        if (reference != null) {
            gdp = Fixtures.code("GDP");
            files.indicators.add(Arrays.asList(gdp, plan, 1, "地区生产总值增长率", "Regional GDP growth", "ECONOMY", "%", "EXPECTED", "INCREASE",
                    "HEALTH:LEAD", "7", null, null, null, null, null, null));
            values(files, gdp, reference);
        }
        String code = Fixtures.code(prefix);
        files.indicators.add(Arrays.asList(code, plan, 2, name, "Test indicator " + code, "ECONOMY", unit, attribute, direction,
                "HEALTH:LEAD", targetText, targetKind, gdp, null, null, null, measures));
        values(files, code, observations);
        BUILT.put(key, new Built(plan, code, cells));
    }

    /** The rows of a case file: comment lines (#) skipped, the header read, an empty cell null (as @CsvFileSource reads them). */
    private static List<CSVRecord> rows(String resource) {
        try (java.io.Reader in = new java.io.InputStreamReader(EvaluationCasesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setNullString("").get().parse(in).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void importCsv(String entity, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Response response = given().contentType("text/csv; charset=UTF-8").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("entity", entity).when().post("/api/v1/imports");
        assertEquals(200, response.statusCode(), () -> "the " + entity + " of the cases: " + response.asString());
        assertEquals(rows.size(), response.jsonPath().getInt("counts." + entity + ".CREATED"), () -> entity + " created: " + response.asString());
    }

    private static final Map<Integer, String> WORDS = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final java.nio.file.Path WORDS_FILE = java.nio.file.Path.of("src/test/resources/rules/evaluation-explanations.tsv");
    private static Map<Integer, String> committed;

    private static synchronized Map<Integer, String> committedWords() {
        if (committed == null) {
            committed = new java.util.HashMap<>();
            try {
                for (String line : java.nio.file.Files.readAllLines(WORDS_FILE)) {
                    int tab = line.indexOf('\t');
                    committed.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return committed;
    }

    @org.junit.jupiter.api.AfterAll
    static void writeWords() throws java.io.IOException {
        if (Boolean.getBoolean("explanations.update") && !WORDS.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            WORDS.forEach((id, words) -> sb.append(id).append('\t').append(words).append('\n'));
            java.nio.file.Files.writeString(WORDS_FILE, sb.toString());
        }
    }

    private static void post(String plan, Map<String, Object> indicator) {
        given().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/plans/{plan}/indicators", plan).then().statusCode(201);
    }

    /**
     * "2015=60;2017=g6.5": a value, g growth rate, nc a value of another caliber, est an estimate without a figure, p the period's
     * average growth, w words only, done / notdone a yes/no result with its evidence.
     */
    private static List<Map<String, Object>> observationBodies(String observations) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        if (observations == null) {
            return bodies;
        }
        for (String entry : observations.split(";")) {
            String[] parts = entry.split("=", 2);
            int year = Integer.parseInt(parts[0]);
            String spec = parts[1];
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("year", year);
            body.put("status", "FINAL");
            if (spec.equals("done") || spec.equals("notdone")) {
                body.put("completed", spec.equals("done"));
                body.put("evidence", "区政务服务数据管理局验收意见（" + year + "年）");
            } else if (spec.equals("est")) {
                body.put("status", "ESTIMATE");
                body.put("qualitativeZh", "预计可完成");
            } else if (spec.startsWith("nc")) {
                body.put("value", new BigDecimal(spec.substring(2)));
                body.put("comparable", false);
            } else if (spec.startsWith("g")) {
                body.put("growthRate", new BigDecimal(spec.substring(1)));
            } else if (spec.startsWith("p")) {
                body.put("periodStart", 2016);
                body.put("growthRate", new BigDecimal(spec.substring(1)));
            } else if (spec.startsWith("w")) {
                body.put("qualitativeZh", spec.substring(1));
            } else {
                body.put("value", new BigDecimal(spec));
            }
            bodies.add(body);
        }
        return bodies;
    }

    /** The values as rows of the observations file, in the order given (a PUT each, in the same order, before). */
    private static void values(Files files, String code, String observations) {
        for (Map<String, Object> body : observationBodies(observations)) {
            List<Object> row = new ArrayList<>();
            for (String column : OBSERVATION_COLUMNS) {
                row.add(column.equals("indicator") ? code : body.get(column));
            }
            files.observations.add(row);
        }
    }

    /** The values through the API, one PUT each. */
    private static void record(String code, String observations) {
        for (Map<String, Object> body : observationBodies(observations)) {
            Object year = body.remove("year");
            given().contentType(ContentType.JSON).body(body).when().put("/api/v1/indicators/{code}/observations/{year}", code, year)
                    .then().statusCode(201);
        }
    }

    /** The item's verdict, rule and the numbers it rests on. */
    /**
     * The evaluation's item of one indicator, found in Java: a GPath with a closure ({@code items.find { ... }}) is
     * compiled by Groovy on every call, and eight per case made the client, not the service, most of this class's time.
     */
    private static Map<String, Object> item(JsonPath evaluation, String code) {
        List<Map<String, Object>> items = evaluation.getList("items");
        return items.stream().filter(i -> code.equals(i.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not in the evaluation"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> explanation(Map<String, Object> item) {
        return (Map<String, Object>) item.get("explanation");
    }

    private static void assertVerdict(Map<String, Object> item, String where, String verdict, String rule, BigDecimal actual,
                                      BigDecimal threshold, BigDecimal expected) {
        assertEquals(verdict, item.get("verdict"), where);
        assertEquals(rule, explanation(item).get("rule"), where);
        assertNumber(actual, explanation(item).get("actual"), "actual, " + where);
        assertNumber(threshold, explanation(item).get("threshold"), "threshold, " + where);
        assertNumber(expected, explanation(item).get("expected"), "expected, " + where);
    }

    private static void assertNumber(BigDecimal expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertTrue(actual != null, what + ": expected " + expected + " but was none");
        assertEquals(0, expected.compareTo(new BigDecimal(String.valueOf(actual))), what + ": expected " + expected + " but was " + actual);
    }

    /** A verdict rests on its own indicator's values: adding others to the plan, with any values, changes nothing. */
    @org.junit.jupiter.api.Test
    void aVerdictDoesNotChangeWhenOtherIndicatorsChange() {
        String plan = Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        String code = Fixtures.code("C");
        post(plan, Fixtures.indicator(code, 1, "服务业增加值比重", "%", "70"));
        record(code, "2015=60;2018=65");
        String before = given().queryParam("year", 2018).when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.code == '" + code + "' }.explanation.en");
        for (int i = 2; i <= 4; i++) {
            String other = Fixtures.code("O");
            post(plan, Fixtures.indicator(other, i, "其他指标", "%", i % 2 == 0 ? "年均增长7%" : "≤5"));
            record(other, "2015=1;2016=g" + (i * 3) + ";2017=g-4;2018=" + (i * 11));
        }
        JsonPath after = given().queryParam("year", 2018).when().get("/api/v1/plans/{plan}/evaluation", plan).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, after.getList("items").size());
        assertEquals(before, after.getString("items.find { it.code == '" + code + "' }.explanation.en"));
        assertEquals("LAGGING", after.getString("items.find { it.code == '" + code + "' }.verdict"));
    }
}
