package gov.planmonitor.systemtest;

import gov.planmonitor.launcher.Suite;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged suite end to end, as {@code ./run} starts it: a fresh PostgreSQL, the three service jars, the seeds
 * through the import APIs; then the report service's two report types checked against the source documents
 * (the 2017 execution report's table, and 专栏1 of the 13th FYP outline for the 12th FYP's final evaluation).
 */
class SuiteIT {

    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(60);

    private static RunningSuite running;
    private static Suite suite;
    private static String indicatorUrl;
    private static String projectUrl;
    private static String reportUrl;
    /** Report id by request body: each report is generated once and read by several tests. */
    private static final Map<String, String> reports = new HashMap<>();

    @BeforeAll
    static void startSuite() throws Exception {
        running = RunningSuite.get();
        suite = running.suite;
        indicatorUrl = running.indicatorUrl;
        projectUrl = running.projectUrl;
        reportUrl = running.reportUrl;
    }

    // ---- the seeded services ------------------------------------------------------------------------------------

    @Test
    void fyp13HasTheTwentyTwoIndicatorsOfItsTableAndTheTargetsOfItsText() {
        // 专栏2's 22 (seq 1–22, each 约束性 or 预期性) and 23 more the outline's text prints (seq 101–123, no attribute).
        given().get(indicatorUrl + "/api/v1/plans/FYP13/indicators?size=100").then()
                .statusCode(200)
                .body("total", is(45))
                .body("items", hasSize(45))
                .body("items.findAll { it.seq <= 22 }.attribute", everyItem(is(in(List.of("BINDING", "EXPECTED")))))
                .body("items.findAll { it.seq <= 22 }", hasSize(22))
                .body("items.findAll { it.seq > 100 }.attribute", everyItem(nullValue()))
                .body("items.departments", everyItem(not(empty())))
                .body("items.departments.flatten().code", everyItem(notNullValue()));
    }

    @Test
    void fyp13KeyListHasItsSeventyProjectsWithCategories() {
        given().get(projectUrl + "/api/v1/projects?list=FYP13-KEY&size=100").then()
                .statusCode(200)
                .body("total", is(70))
                .body("items", hasSize(70))
                .body("items.category.code", everyItem(is(in(List.of(
                        "FUNCTIONAL_ZONES", "MAJOR_INFRASTRUCTURE", "SCI_TECH_INNOVATION", "PRODUCTIVE_CAPACITY", "PEOPLES_LIVELIHOOD")))))
                .body("items.category.nameZh", everyItem(notNullValue()));
    }

    @Test
    void ap2017KeyListSummaryAnswersWithTheReportedFigures() {
        JsonPath summary = given().get(projectUrl + "/api/v1/project-lists/AP2017-KEY/summary?year=2017").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("AP2017-KEY", summary.getString("list.code"));
        assertEquals(2017, summary.getInt("year"));
        // 全区43个重点项目完成投资23.9亿元，完成年度计划投资的112.5% (2017 execution report)
        assertEquals(43, summary.getInt("list.reported.projectCount"));
        assertEquals("23.9亿元", summary.getString("list.reported.completedInvestment.display"));
        assertDecimal("112.5", summary.get("list.reported.plannedInvestmentShare"), "plannedInvestmentShare");
        assertEquals(summary.getInt("projectCount") - 43, summary.getInt("differenceFromReported.projectCount"));
    }

    // ---- reports --------------------------------------------------------------------------------------------------

    /** The table of the 2017 execution report (000_b16fd38e4619594e.txt lines 23–28): target, level, growth, verdict. */
    private static final List<Row> AP2017 = List.of(
            new Row("AP2017-01", "地区生产总值（简称“GDP”）", "6.5%左右", "3193", "6.1", null, "ACHIEVED"),         // 6.1 within 6.5±0.5
            new Row("AP2017-02", "社会消费品零售总额", "7%左右", "1338", "7.5", null, "ACHIEVED"),
            new Row("AP2017-03", "一般公共预算收入 (按可比口径)", "5%", "54.37", "9.8", null, "ACHIEVED"),
            new Row("AP2017-04", "城镇居民收入 (城镇居民人均可支配收入)", "与经济增长基本同步", null, null, "与经济增长基本同步", "ACHIEVED"),
            new Row("AP2017-05", "常住人口自然增长率", "7‰以内", "5.27", null, null, "ACHIEVED"),
            new Row("AP2017-06", "单位GDP能耗下降率", "3.6%", null, null, "预计可完成", "NOT_EVALUABLE")); // published June 2018

    /**
     * 专栏1 of the 13th FYP outline (003_141ccf23168ab21f.txt): the 12th FYP's targets and results. Growth-rate
     * indicators (年均增长率) have their result as a growth rate, the others as a level. Verdicts follow the table:
     * ≤ targets are ceilings, plain targets floors; ﹡18's caliber changed, so it cannot be compared.
     */
    private static final List<Row> FYP12 = List.of(
            new Row("FYP12-01", "地区生产总值年均增长率", "8", null, "8.8", null, "ACHIEVED"),
            new Row("FYP12-02", "人均地区生产总值年均增长率", "6.5", null, "8.5", null, "ACHIEVED"),
            new Row("FYP12-03", "单位建设用地第二、三产业增加值", "65", "78", null, null, "ACHIEVED"),
            new Row("FYP12-04", "服务业增加值占地区生产总值的比重", "96", "97.98", null, null, "ACHIEVED"),
            new Row("FYP12-05", "现代服务业增加值占地区生产总值的比重（广东省统计口径）", "67", "67.05", null, null, "ACHIEVED"),
            new Row("FYP12-06", "社会消费品零售总额年均增长率", "10", null, "13.2", null, "ACHIEVED"),
            new Row("FYP12-07", "文化及相关产业增加值占地区生产总值比重", "8", "7.08", null, null, "NOT_ACHIEVED"),
            new Row("FYP12-08", "民营经济增加值占地区生产总值比重", "25", "21.97", null, null, "NOT_ACHIEVED"),
            new Row("FYP12-09", "黄花岗科技园营业收入", "420", "543", null, null, "ACHIEVED"),
            new Row("FYP12-10", "年均人口出生率", "≤10.5", "8.93", null, null, "ACHIEVED"),
            new Row("FYP12-11", "年均人口自然增长率", "≤4.5", "2.2", null, null, "ACHIEVED"),
            new Row("FYP12-12", "计划生育率", "≥94", "95.69", null, null, "ACHIEVED"),
            new Row("FYP12-13", "九年义务教育完成率", "100", "100", null, null, "ACHIEVED"),
            new Row("FYP12-14", "初中毕业生升学率", "99", "99.5", null, null, "ACHIEVED"),
            new Row("FYP12-15", "规范化学校占学校总数比例", "100", "100", null, null, "ACHIEVED"),
            new Row("FYP12-16", "每万人口拥有公共文化设施面积", "561.83", "946.9", null, null, "ACHIEVED"),
            new Row("FYP12-17", "科技三项费用支出占地方财政支出比重", "2", "2", null, null, "ACHIEVED"),
            new Row("FYP12-18", "每百万人口发明专利授权量", "2500", "585", null, null, "NOT_COMPARABLE"),
            new Row("FYP12-19", "城镇居民人均可支配收入年均增长率", "10", null, "10.4", null, "ACHIEVED"),
            new Row("FYP12-20", "城镇登记失业人员再就业率", "≥70", "72.43", null, null, "ACHIEVED"),
            new Row("FYP12-21", "人均公园绿地面积", "5.82", "5.69", null, null, "NOT_ACHIEVED"),
            new Row("FYP12-22", "城区绿化覆盖率", "35.26", "35.26", null, null, "ACHIEVED"),
            new Row("FYP12-23", "单位地区生产总值能耗下降率", "19", "19.25", null, null, "ACHIEVED"),   // cumulative decline 19.25% ≥ 19%
            new Row("FYP12-24", "城市区域环境噪声平均值", "≤56", "56.9", null, null, "NOT_ACHIEVED"));

    record Row(String code, String nameZh, String target, String value, String growthRate, String qualitativeZh, String verdict) {
    }

    @Test
    void annualExecutionReport2017MatchesThePrintedTable() {
        JsonPath content = given().accept("application/json").get(reportUrl + "/api/v1/reports/" + report(ANNUAL_2017) + "/content")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("ANNUAL_EXECUTION", content.getString("type"));
        assertEquals("AP2017", content.getString("plan"));
        assertEquals(2017, content.getInt("year"));
        assertEquals("越秀区2017年国民经济和社会发展计划执行情况报告", content.getString("titleZh"));
        assertRows(AP2017, content.getList("indicators"));
        assertEquals("亿元", content.getString("indicators[0].unit"));
        assertEquals("‰", content.getString("indicators[4].unit"));
        assertEquals(5, content.getInt("summary.byVerdict.ACHIEVED"));
        assertEquals(1, content.getInt("summary.byVerdict.NOT_EVALUABLE"));
        // The key project list of the year comes with it.
        assertEquals("AP2017-KEY", content.getString("projects.list.code"));
        assertEquals(43, content.getInt("projects.list.reported.projectCount"));
    }

    @Test
    void finalEvaluationOfFyp12FollowsColumnOne() {
        JsonPath content = given().accept("application/json").get(reportUrl + "/api/v1/reports/" + report(EVALUATION_FYP12) + "/content")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("PLAN_EVALUATION", content.getString("type"));
        assertEquals("FYP12", content.getString("plan"));
        assertEquals("FINAL", content.getString("stage"));
        assertEquals(2015, content.getInt("year"));
        assertEquals("越秀区国民经济和社会发展第十二个五年规划实施情况总结评估报告", content.getString("titleZh"));
        List<Map<String, Object>> rows = content.getList("indicators");
        assertEquals(24, rows.size());

        // Binding indicators first. 专栏1 gives the 12th FYP's indicators no attribute (约束性/预期性), so the order is the table's.
        List<String> attributes = rows.stream().map(r -> String.valueOf(r.get("attribute"))).toList();
        boolean pastBinding = false;
        for (String attribute : attributes) {
            pastBinding |= !attribute.equals("BINDING");
            assertTrue(!pastBinding || !attribute.equals("BINDING"), () -> "binding indicators first: " + attributes);
        }
        assertEquals(List.of("null"), attributes.stream().distinct().toList());
        assertRows(FYP12, rows);

        assertEquals(19, content.getInt("summary.byVerdict.ACHIEVED"));
        assertEquals(4, content.getInt("summary.byVerdict.NOT_ACHIEVED"));
        assertEquals(1, content.getInt("summary.byVerdict.NOT_COMPARABLE"));
    }

    @Test
    void markdownContentHasTheChineseNames() {
        for (String request : List.of(ANNUAL_2017, EVALUATION_FYP12)) {
            String markdown = given().accept("text/markdown").get(reportUrl + "/api/v1/reports/" + report(request) + "/content")
                    .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString(); // charset from the header: UTF-8
            for (Row row : request.equals(ANNUAL_2017) ? AP2017 : FYP12) {
                assertTrue(markdown.contains(row.nameZh()), () -> "Markdown lacks " + row.nameZh() + ":\n" + markdown);
            }
        }
        String annual = given().accept("text/markdown").get(reportUrl + "/api/v1/reports/" + report(ANNUAL_2017) + "/content").asString();
        assertTrue(annual.startsWith("# 越秀区2017年国民经济和社会发展计划执行情况报告"), annual);
        assertTrue(annual.contains("| 3193 亿元 | 6.1 |"), annual);
    }

    @Test
    void contentReadsAreByteIdentical() {
        for (String request : List.of(ANNUAL_2017, EVALUATION_FYP12)) {
            String id = report(request);
            for (String accept : List.of("application/json", "text/markdown")) {
                byte[] first = given().accept(accept).get(reportUrl + "/api/v1/reports/" + id + "/content").then().statusCode(200).extract().asByteArray();
                byte[] second = given().accept(accept).get(reportUrl + "/api/v1/reports/" + id + "/content").then().statusCode(200).extract().asByteArray();
                assertTrue(first.length > 0);
                assertArrayEquals(first, second, () -> request + " as " + accept + " differs between reads");
            }
        }
    }

    private static void assertRows(List<Row> expected, List<Map<String, Object>> actual) {
        assertEquals(expected.stream().map(Row::code).toList(), actual.stream().map(r -> r.get("code")).toList(), "indicator codes in order");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.get(i);
            Map<String, Object> got = actual.get(i);
            check(problems, want.code(), "nameZh", want.nameZh(), got.get("nameZh"));
            check(problems, want.code(), "target", want.target(), got.get("target"));
            checkDecimal(problems, want.code(), "value", want.value(), got.get("value"));
            checkDecimal(problems, want.code(), "growthRate", want.growthRate(), got.get("growthRate"));
            check(problems, want.code(), "qualitativeZh", want.qualitativeZh(), got.get("qualitativeZh"));
            check(problems, want.code(), "verdict", want.verdict(), got.get("verdict"));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static void check(List<String> problems, String code, String field, Object want, Object got) {
        if (want == null ? got != null : !want.equals(got)) {
            problems.add(code + " " + field + ": expected " + want + " but was " + got);
        }
    }

    private static void checkDecimal(List<String> problems, String code, String field, String want, Object got) {
        boolean same = want == null ? got == null : got != null && new BigDecimal(want).compareTo(new BigDecimal(got.toString())) == 0;
        if (!same) {
            problems.add(code + " " + field + ": expected " + want + " but was " + got);
        }
    }

    private static void assertDecimal(String want, Object got, String what) {
        List<String> problems = new ArrayList<>();
        checkDecimal(problems, "", what, want, got);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    // ---- the frontends' typed client ---------------------------------------------------------------------------------

    /**
     * api-contract's TypeScript example (openapi-fetch over the types generated from each service's contract), compiled
     * by its build, against the running suite: what a frontend written against the contract gets from the real services.
     */
    @Test
    void typedClientExampleWorksAgainstTheSuite() throws Exception {
        String output = running.runTypeScript("client.js", Map.of(
                "TOKEN", suite.keys().token("reporter", List.of(), Duration.ofMinutes(10)),
                "REPORT_TIMEOUT_MILLIS", String.valueOf(REPORT_TIMEOUT.toMillis())), REPORT_TIMEOUT.plusSeconds(30));

        Map<String, JsonPath> steps = new HashMap<>();
        output.lines().filter(line -> line.startsWith("{")).map(JsonPath::from).forEach(step -> steps.put(step.getString("step"), step));
        assertEquals(Set.of("indicators", "evaluation", "report"), steps.keySet(), output);

        JsonPath indicators = steps.get("indicators");
        assertEquals(45, indicators.getInt("total"));
        List<Map<String, Object>> items = indicators.getList("items");
        assertEquals(45, items.size());
        assertEquals("FYP13-01", items.get(0).get("code"));
        // 专栏2's 22 carry 约束性 / 预期性; the outline's text prints none for the others.
        assertEquals(22, items.stream().filter(i -> "BINDING".equals(i.get("attribute")) || "EXPECTED".equals(i.get("attribute"))).count(), output);
        assertTrue(items.stream().allMatch(i -> !((List<?>) i.get("departments")).isEmpty()), output);

        JsonPath evaluation = steps.get("evaluation");
        assertEquals("FINAL", evaluation.getString("stage"));
        assertEquals(2015, evaluation.getInt("year"));
        assertEquals(24, evaluation.getInt("total"));
        // The verdict counts of 专栏1, as finalEvaluationOfFyp12FollowsColumnOne checks them in the report.
        assertEquals(Set.of("ACHIEVED", "NOT_ACHIEVED", "NOT_COMPARABLE"), evaluation.getMap("byVerdict").keySet(), output);
        assertEquals(19, evaluation.getInt("byVerdict.ACHIEVED"));
        assertEquals(4, evaluation.getInt("byVerdict.NOT_ACHIEVED"));
        assertEquals(1, evaluation.getInt("byVerdict.NOT_COMPARABLE"));

        JsonPath report = steps.get("report");
        assertEquals("ANNUAL_EXECUTION", report.getString("type"));
        assertEquals("SUCCEEDED", report.getString("status"));
        assertTrue(report.getString("contentHash").matches("[0-9a-f]{64}"), output);
    }

    // ---- report jobs ----------------------------------------------------------------------------------------------

    private static final String ANNUAL_2017 = "{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}";
    private static final String EVALUATION_FYP12 = "{\"type\":\"PLAN_EVALUATION\",\"plan\":\"FYP12\"}";

    /** Requests the report (once per body), waits until it has SUCCEEDED and returns its id. */
    private static synchronized String report(String body) {
        String known = reports.get(body);
        if (known != null) {
            return known;
        }
        long started = System.nanoTime();
        String id = given().contentType("application/json").header("Authorization", "Bearer " + suite.keys().token("reporter", List.of(), Duration.ofMinutes(10))).body(body.getBytes(StandardCharsets.UTF_8))
                .post(reportUrl + "/api/v1/reports").then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/reports/"))
                .body("status", is("QUEUED"))
                .extract().path("id");
        long deadline = started + REPORT_TIMEOUT.toNanos();
        JsonPath state;
        while (true) {
            state = given().get(reportUrl + "/api/v1/reports/" + id).then().statusCode(200).extract().jsonPath();
            String status = state.getString("status");
            if (status.equals("SUCCEEDED")) {
                break;
            }
            if (status.equals("FAILED")) {
                fail("report " + body + " failed: " + state.getString("failureReason"));
            }
            if (System.nanoTime() > deadline) {
                fail("report " + body + " still " + status + " after " + REPORT_TIMEOUT.toSeconds() + " s");
            }
            sleep(100);
        }
        assertNull(state.get("failureReason"));
        assertTrue(state.getString("contentHash").matches("[0-9a-f]{64}"), "SHA-256 content hash");
        // The rest of request-to-SUCCEEDED is queueing: the worker polls every second.
        System.out.printf("[timing] report %s: %d ms from request to SUCCEEDED, of which generation %d ms%n", body,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                Duration.between(OffsetDateTime.parse(state.getString("startedAt")), OffsetDateTime.parse(state.getString("finishedAt"))).toMillis());
        reports.put(body, id);
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
