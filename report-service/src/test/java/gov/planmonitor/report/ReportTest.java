package gov.planmonitor.report;

import gov.planmonitor.testsupport.DeepBodies;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Report jobs against WireMock stand-ins for the other two services. */
@QuarkusTest
class ReportTest {

    @BeforeEach
    void healthyServices() {
        DownstreamMock.healthy();
        // One test's outage must not leave the next one facing an open circuit.
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void updatedSinceGivesTheReportsRequestedOrFinishedFromThen() throws Exception {
        String earlier = Reports.generated(Reports.ANNUAL_2017);
        Thread.sleep(20);
        String since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        String later = Reports.generated(Reports.ANNUAL_2017);
        given().queryParam("updatedSince", since).queryParam("size", 200).when().get("/api/v1/reports").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(later)).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(earlier)));
        given().queryParam("updatedSince", "soon").when().get("/api/v1/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void annualExecutionReportIsBuiltPinnedAndStable() {
        String id = Reports.request(Reports.ANNUAL_2017);
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("contentHash", notNullValue()).body("attempts", equalTo(1));
        byte[] first = given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("plan", equalTo("AP2017"))
                .body("indicators", hasSize(2))
                .body("indicators[0].nameZh", equalTo("地区生产总值（简称“GDP”）"))
                .body("indicators[0].growthRate", equalTo(6.1f))
                .body("indicators[0].verdict", equalTo("ACHIEVED"))
                .body("indicators[1].verdict", equalTo("NOT_EVALUABLE"))
                .body("projects.investment.completionRatio", equalTo(112.5f))
                .body("narrativeZh", containsString("43个重点项目完成投资23.9亿元，完成年度计划投资的112.5%"))
                .extract().asByteArray();
        byte[] again = given().when().get("/api/v1/reports/" + id + "/content").then().extract().asByteArray();
        assertArrayEquals(first, again, "a published report never changes under the reader's feet");

        given().accept("text/markdown").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("| 1 | 地区生产总值（简称“GDP”）")).body(containsString("完成 Achieved"));

        // Regenerating with the same asOf and the same data gives the same content.
        String twin = Reports.request(Reports.ANNUAL_2017);
        assertEquals("SUCCEEDED", Reports.awaitFinished(twin));
        String hash = given().when().get("/api/v1/reports/" + id).then().extract().path("contentHash");
        given().when().get("/api/v1/reports/" + twin).then().body("contentHash", equalTo(hash));
        given().queryParam("type", "ANNUAL_EXECUTION").queryParam("status", "SUCCEEDED").when().get("/api/v1/reports")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void theChangeFeedAnnouncesAReportWhenItIsRequestedAndWhenItSucceedsOrFails() {
        // The end of the feed as it stands: page until nothing is left.
        String start = null;
        while (true) {
            var page = (start == null ? given() : given().queryParam("after", start)).queryParam("limit", 500).when().get("/api/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            start = page.getString("next");
            if (page.getList("items").isEmpty()) {
                break;
            }
        }
        String succeeded = Reports.generated(Reports.ANNUAL_2017);
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(503, "{}")));
        String failed = Reports.request("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"AP2017\"}");
        assertEquals("FAILED", Reports.awaitFinished(failed));

        io.restassured.path.json.JsonPath events = given().queryParam("after", start).queryParam("limit", 500).when().get("/api/v1/changes")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < events.getList("items").size(); i++) {
            seen.add(events.getString("items[" + i + "].type") + " " + events.getString("items[" + i + "].subject"));
        }
        assertEquals(java.util.List.of("gov.planmonitor.report.report.created /api/v1/reports/" + succeeded,
                "gov.planmonitor.report.report.succeeded /api/v1/reports/" + succeeded,
                "gov.planmonitor.report.report.created /api/v1/reports/" + failed,
                "gov.planmonitor.report.report.failed /api/v1/reports/" + failed), seen);
        given().queryParam("after", start).queryParam("types", "gov.planmonitor.report.report.succeeded").when().get("/api/v1/changes")
                .then().statusCode(200).body("items[0].data.status", equalTo("SUCCEEDED")).body("items[0].data.contentHash", notNullValue())
                .body("items[0].actor", equalTo("report-service (report-service)"));
        given().queryParam("after", start).queryParam("types", "gov.planmonitor.report.report.failed").when().get("/api/v1/changes")
                .then().statusCode(200).body("items[0].data.failureReason", containsString("the indicator service was unavailable"));
    }

    @Test
    void aClientAcceptingOnlyProblemsGetsTheQueuedReport() {
        // openapi-generator's Java client sends the first media type requestReport lists, which may be its 503's.
        given().accept("application/problem+json").contentType(ContentType.JSON).body(Reports.ANNUAL_2017)
                .when().post("/api/v1/reports")
                .then().statusCode(202).contentType(startsWith("application/json")).body("status", equalTo("QUEUED"));
    }

    @Test
    void anOutageFailsTheJobWithItsReasonAndALaterRequestSucceeds() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(503, "{}")));
        String id = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("FAILED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("failureReason", startsWith("The report could not be built: "
                + "the indicator service was unavailable when asked for plan AP2017. Request the report again later; if it keeps "
                + "failing, tell the administrator, quoting request id report-job-" + id + "-1."));
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(409).contentType("application/problem+json");

        DownstreamMock.healthy();
        String retry = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(retry));
    }

    @Test
    void aSlowServiceFailsTheJobInsteadOfHangingIt() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation"))
                .willReturn(DownstreamMock.json(200, DownstreamMock.resource("ap2017-evaluation.json")).withFixedDelay(3000)));
        String id = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("FAILED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("failureReason", containsString("the indicator service did not answer in time"))
                .body("contentHash", nullValue());
    }

    @Test
    void unknownPlansDepartmentsAndListsAreRefusedWhenRequested() {
        problem("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"NOPE\"}", 422, "plan", "plan NOPE does not exist");
        problem("{\"type\":\"ANNUAL_EXECUTION\",\"year\":1999}", 422, "year", "no annual plan for 1999");
        problem("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"AP2017\",\"year\":2016}", 422, "year", "2016 is outside it");
        problem("{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"NOPE\",\"plan\":\"AP2017\"}", 422, "department", "department NOPE does not exist");
        problem("{\"type\":\"DEPARTMENT_SCORECARD\",\"plan\":\"AP2017\"}", 422, "department", "needs the department");
        problem("{\"type\":\"PROJECT_PROGRESS\",\"list\":\"NOPE-KEY\"}", 422, "list", "project list NOPE-KEY does not exist");
        problem("{\"type\":\"PROJECT_PROGRESS\"}", 422, "list", "needs the project list");
        given().queryParam("status", "QUEUED").when().get("/api/v1/reports").then().statusCode(200);
    }

    @Test
    void whenAServiceIsDownAtRequestTimeTheRequestIsRefusedWith503() {
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017")).willReturn(DownstreamMock.json(503, "{}")));
        long before = given().when().get("/api/v1/reports").then().extract().<Integer>path("total");
        given().contentType(ContentType.JSON).body("{\"type\":\"PLAN_EVALUATION\",\"plan\":\"AP2017\"}").when().post("/api/v1/reports")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("the indicator service was unavailable when asked for plan AP2017"))
                .body("detail", org.hamcrest.Matchers.not(containsString("localhost")));
        given().when().get("/api/v1/reports").then().body("total", equalTo((int) before));
    }

    @Test
    void aDepartmentScorecardShowsTheIndicatorsTheDepartmentIsResponsibleFor() {
        String id = Reports.request("{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"AP2017\"}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then().body("parameters.year", equalTo(2017)).body("parameters.department", equalTo("DRC"));
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("department.nameZh", equalTo("区发改局"))
                .body("titleZh", startsWith("区发改局负责指标完成情况"))
                .body("indicators", hasSize(1))
                .body("indicators[0].code", equalTo("AP2017-01"))
                .body("indicators[0].role", equalTo("LEAD"))
                .body("summary.total", equalTo(1))
                .body("narrativeZh", containsString("区发改局负责的1项指标中1项完成"));
    }

    @Test
    void aProjectProgressReportListsEveryProjectWithItsRollup() {
        String id = Reports.request("{\"type\":\"PROJECT_PROGRESS\",\"list\":\"FYP13-KEY\",\"year\":2017}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("list.code", equalTo("FYP13-KEY"))
                .body("indicators", hasSize(0))
                .body("projectRows", hasSize(2))
                .body("projectRows[0].code", equalTo("FYP13-KP-01"))
                .body("projectRows[0].status", equalTo("IMPLEMENTATION"))
                .body("projectRows[0].overdueMilestones", equalTo(1))
                .body("projectRows[1].completed.yuan", equalTo(12000000))
                .body("projects.byCategory", hasSize(2))
                .body("narrativeZh", containsString("2个重点项目完成投资3600万元，完成年度计划投资的90.0%"))
                .body("narrativeZh", containsString("项目状态：建设实施1个，建成1个。1个里程碑逾期未完成"))
                .body("narrativeEn", containsString("2 key projects completed investment of CNY 36 million, 90.0% of the year's plan"))
                // The English says what the Chinese says: the projects' stages and the overdue milestone.
                .body("narrativeEn", containsString("Project status: Under construction 1, Completed 1. Overdue milestones: 1."))
                .body("narrativeZh", containsString("公布数据：70个项目"));
    }

    @Test
    void aDiffListsWhatChangedBetweenTwoReports() {
        String before = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(before));
        given().when().get("/api/v1/reports/" + before + "/diff/" + before).then().statusCode(200)
                .body("identical", equalTo(true)).body("changes", hasSize(0));

        // The bureau revises the 2017 GDP growth to 5.9%, below the 6.5%左右 band, and the energy figure comes in.
        String revised = DownstreamMock.resource("ap2017-evaluation.json")
                .replace("\"growthRate\": 6.1", "\"growthRate\": 5.9").replace("\"growthRate\":6.1", "\"growthRate\":5.9")
                .replaceFirst("\"verdict\"\\s*:\\s*\"ACHIEVED\"", "\"verdict\": \"NOT_ACHIEVED\"");
        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(200, revised)));
        String after = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(after));
        given().when().get("/api/v1/reports/" + before + "/diff/" + after).then().statusCode(200)
                .body("identical", equalTo(false))
                .body("from.id", equalTo(before)).body("to.id", equalTo(after))
                .body("changes.kind", hasItems("INDICATOR_GROWTH_RATE", "INDICATOR_VERDICT"))
                .body("changes.find { it.kind == 'INDICATOR_GROWTH_RATE' }.key", equalTo("AP2017-01"))
                .body("changes.find { it.kind == 'INDICATOR_GROWTH_RATE' }.from", equalTo(6.1f))
                .body("changes.find { it.kind == 'INDICATOR_GROWTH_RATE' }.to", equalTo(5.9f))
                .body("changes.find { it.kind == 'INDICATOR_VERDICT' }.to", equalTo("NOT_ACHIEVED"));

        DownstreamMock.server.stubFor(get(urlPathEqualTo("/api/v1/plans/AP2017/evaluation")).willReturn(DownstreamMock.json(503, "{}")));
        String failed = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("FAILED", Reports.awaitFinished(failed));
        given().when().get("/api/v1/reports/" + before + "/diff/" + failed).then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/reports/" + before + "/diff/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private static void problem(String body, int status, String field, String message) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports")
                .then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("detail", containsString(message));
    }

    @Test
    void badRequestsAreProblems() {
        given().contentType(ContentType.JSON).body("{\"type\":\"HOROSCOPE\",\"year\":2017}").when().post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ANNUAL_EXECUTION\"}").when().post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body("{\"type\":\"PLAN_EVALUATION\"}").when().post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].field", equalTo("plan"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"colour\":1}").when().post("/api/v1/reports")
                .then().statusCode(400);
        given().when().get("/api/v1/reports/00000000-0000-0000-0000-000000000000").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "DONE").when().get("/api/v1/reports").then().statusCode(400);
        String id = Reports.request("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
        given().queryParam("format", "docx").when().get("/api/v1/reports/" + id + "/content").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        // Enumerated parameters are read exactly: empty is not "any", and no other case or padding passes.
        for (String format : new String[]{"", "JSON", "pdf ", "Md"}) {
            given().queryParam("format", format).when().get("/api/v1/reports/" + id + "/content").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        }
        for (String[] bad : new String[][]{{"status", ""}, {"status", "succeeded"}, {"type", ""}, {"type", "ANNUAL_EXECUTION "}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/reports").then().statusCode(400).body("errors[0].field", equalTo(bad[0]));
        }
        given().queryParam("format", "md").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200);
        // Ten times deeper than the reader goes: a 400, not a 500.
        DeepBodies.given().contentType(ContentType.JSON).body("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}")
                .when().post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
    }
}
