package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rulebook, case by case: src/test/resources/rules/evaluation-cases.csv (written by generate_evaluation_cases.py,
 * which restates the rules on its own) gives a plan, a target, the yearly values and the verdict with its numbers.
 * Each row builds its plan, indicator and values through the API and reads the evaluation back.
 */
@QuarkusTest
class EvaluationCasesTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    @ParameterizedTest(name = "#{0} {1} {2} {6} [{4} {5}] {7} -> {9}")
    @CsvFileSource(resources = "/rules/evaluation-cases.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void theVerdictFollowsTheRulebook(int id, String planKind, int year, String unit, String attribute, String direction, String target,
                                      String observations, String reference, String verdict, String rule, BigDecimal actual,
                                      BigDecimal threshold, BigDecimal expected, String measures) {
        String plan = planKind.equals("ANNUAL") ? Fixtures.createPlan("ANNUAL", 2017, 2017) : Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        Map<String, Object> targetBody = new LinkedHashMap<>(Fixtures.target(target));
        if (reference != null) {
            targetBody.put("referenceIndicator", referenceIndicator(plan, reference));
        }
        String code = Fixtures.code("C");
        Map<String, Object> indicator = Fixtures.indicator(code, 2, "测试指标", unit, target);
        indicator.put("attribute", attribute.equals("NONE") ? null : attribute);
        indicator.put("direction", direction);
        indicator.put("measures", measures);
        indicator.put("target", targetBody);
        post(plan, indicator);
        record(code, observations);

        JsonPath evaluation = given().queryParam("year", year).when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200).extract().jsonPath();
        String item = "items.find { it.code == '" + code + "' }";
        String where = "case " + id + ": " + evaluation.getString(item + ".explanation.zh");
        assertVerdict(evaluation, item, where, verdict, rule, actual, threshold, expected);
        // The words too: each case's explanation as committed (-Dexplanations.update=true writes them after a change).
        String words = evaluation.getString(item + ".explanation.zh") + "\t" + evaluation.getString(item + ".explanation.en");
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
        String plan = planKind.equals("ANNUAL") ? Fixtures.createPlan("ANNUAL", 2017, 2017) : Fixtures.createPlan("FIVE_YEAR", 2016, 2020);
        String code = Fixtures.code("H");
        // KIND:text requests a kind for the text (QUALITATIVE:进一步完善); otherwise the text decides
        java.util.regex.Matcher kinded = java.util.regex.Pattern.compile("([A-Z_]+):(.+)").matcher(target);
        String text = kinded.matches() ? kinded.group(2) : target;
        Map<String, Object> indicator = Fixtures.indicator(code, 2, name, unit, text);
        Map<String, Object> targetBody = new LinkedHashMap<>(Fixtures.target(text));
        if (kinded.matches()) {
            targetBody.put("kind", kinded.group(1));
        }
        if (reference != null) {
            targetBody.put("referenceIndicator", referenceIndicator(plan, reference));
        }
        indicator.put("target", targetBody);
        indicator.put("attribute", attribute);
        indicator.put("direction", direction);
        indicator.put("measures", measures);
        post(plan, indicator);
        record(code, observations);

        JsonPath evaluation = given().queryParam("year", year).when().get("/api/v1/plans/{plan}/evaluation", plan)
                .then().statusCode(200).extract().jsonPath();
        String item = "items.find { it.code == '" + code + "' }";
        String zh = evaluation.getString(item + ".explanation.zh");
        String where = "case " + id + " (" + arithmetic + "): " + zh;
        assertVerdict(evaluation, item, where, verdict, rule, actual, threshold, expected);
        if (says != null) {
            assertTrue(zh != null && zh.contains(says), "case " + id + ": the explanation should say 「" + says + "」 but reads: " + zh);
        }
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

    /** The plan's GDP growth indicator, with the given observations, for a RELATIVE target to refer to. */
    private static String referenceIndicator(String plan, String observations) {
        String gdp = Fixtures.code("GDP");
        Map<String, Object> gdpBody = Fixtures.indicator(gdp, 1, "地区生产总值增长率", "%", "7");
        gdpBody.put("nameEn", "Regional GDP growth");
        post(plan, gdpBody);
        record(gdp, observations);
        return gdp;
    }

    private static void post(String plan, Map<String, Object> indicator) {
        given().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/plans/{plan}/indicators", plan).then().statusCode(201);
    }

    /**
     * "2015=60;2017=g6.5": a value, g growth rate, nc a value of another caliber, est an estimate without a figure, p the period's
     * average growth, w words only, done / notdone a yes/no result with its evidence.
     */
    private static void record(String code, String observations) {
        if (observations == null) {
            return;
        }
        for (String entry : observations.split(";")) {
            String[] parts = entry.split("=", 2);
            int year = Integer.parseInt(parts[0]);
            String spec = parts[1];
            Map<String, Object> body = new LinkedHashMap<>();
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
            given().contentType(ContentType.JSON).body(body).when().put("/api/v1/indicators/{code}/observations/{year}", code, year)
                    .then().statusCode(201);
        }
    }

    /** The item's verdict, rule and the numbers it rests on. */
    private static void assertVerdict(JsonPath evaluation, String item, String where, String verdict, String rule, BigDecimal actual,
                                      BigDecimal threshold, BigDecimal expected) {
        assertEquals(verdict, evaluation.getString(item + ".verdict"), where);
        assertEquals(rule, evaluation.getString(item + ".explanation.rule"), where);
        assertNumber(actual, evaluation.get(item + ".explanation.actual"), "actual, " + where);
        assertNumber(threshold, evaluation.get(item + ".explanation.threshold"), "threshold, " + where);
        assertNumber(expected, evaluation.get(item + ".explanation.expected"), "expected, " + where);
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
