package gov.planmonitor.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports on a plan's tasks (issue 25), built from the hand-written tasks of AP2017 (DownstreamMock.withTasks):
 * T1-1-1 completed (DRC, due 2017-06-30), T1-1-2 in progress past its deadline 2017-09-30 with commitment AP2017-101
 * LAGGING (DRC), T1-2-1 in progress due 2017-12-31 (EDUCATION, DRC supporting), T1-2-2 not started, unassigned, due
 * 2017-12-31. Expected values are worked by hand from those rows.
 */
@QuarkusTest
class TaskReportsTest {

    @BeforeEach
    void tasks() {
        DownstreamMock.healthy();
        DownstreamMock.withTasks();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @AfterEach
    void noTasks() {
        DownstreamMock.healthy();
    }

    @Test
    void theOversightBulletinListsTheLateAndLaggingTasksByLeadUnit() {
        // 2 January 2019 in Shanghai: T1-1-2 is 94 days past 30 September (31 + 30 + 31 + 2), T1-2-1 and T1-2-2 2 days past
        // 31 December; T1-1-1 is done with no commitment. DRC and EDUCATION have one each (by code), the unassigned last.
        String id = Reports.generated("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"2018-01-02T00:00:00+08:00\"}");
        given().when().get("/api/v1/reports/" + id).then().body("parameters.plan", equalTo("AP2017")).body("parameters.year", nullValue());
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("type", equalTo("OVERSIGHT"))
                .body("titleZh", equalTo("越秀区2017年重点工作督查通报"))
                .body("year", equalTo(2017))
                .body("indicators", hasSize(0))
                .body("oversight.day", equalTo("2018-01-02"))
                .body("oversight.examined", equalTo(4))
                .body("oversight.listed", equalTo(3))
                .body("oversight.late", equalTo(3))
                .body("oversight.lagging", equalTo(1))
                .body("oversight.groups", hasSize(3))
                .body("oversight.groups[0].lead.code", equalTo("DRC"))
                .body("oversight.groups[0].count", equalTo(1))
                .body("oversight.groups[0].lagging", equalTo(1))
                .body("oversight.groups[0].tasks[0].code", equalTo("AP2017-T1-1-2"))
                .body("oversight.groups[0].tasks[0].status", equalTo("DELAYED"))
                .body("oversight.groups[0].tasks[0].daysOverdue", equalTo(94))
                .body("oversight.groups[0].tasks[0].commitments[0].verdict", equalTo("LAGGING"))
                .body("oversight.groups[1].lead.code", equalTo("EDUCATION"))
                .body("oversight.groups[1].tasks[0].code", equalTo("AP2017-T1-2-1"))
                .body("oversight.groups[1].tasks[0].daysOverdue", equalTo(2))
                .body("oversight.groups[2].lead", nullValue())
                .body("oversight.groups[2].tasks[0].code", equalTo("AP2017-T1-2-2"))
                .body("oversight.groups[2].tasks[0].daysOverdue", equalTo(2))
                .body("narrativeZh", containsString("截至2018年1月2日，检查重点工作任务4项，3项逾期或滞后：逾期未完成3项，承诺指标滞后或未完成1项。"))
                .body("narrativeZh", containsString("另有1项尚未明确牵头单位。"))
                .body("narrativeEn", containsString("As of 2 January 2018, of 4 key-work tasks examined, 3 are late or lagging"));
    }

    @Test
    void anEarlierDayListsOnlyWhatWasLateThen() {
        // 15 November 2017: only T1-1-2 is past its deadline, by 46 days (31 in October + 15); the others are due 31 December.
        String id = Reports.generated("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"2017-11-15T00:00:00+08:00\"}");
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("oversight.listed", equalTo(1))
                .body("oversight.late", equalTo(1))
                .body("oversight.groups", hasSize(1))
                .body("oversight.groups[0].lead.code", equalTo("DRC"))
                .body("oversight.groups[0].tasks[0].daysOverdue", equalTo(46));
    }

    @Test
    void theAnnualReportShowsTheKeyWorkByAreaAndTheLateTasksByLeadUnit() {
        // 2017-11-15 08:00 in Shanghai: 1 completed, 1 delayed (T1-1-2, 46 days), 1 in progress and 1 not started on time.
        String id = Reports.generated("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2017-11-15T00:00:00Z\"}");
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("keyWork.day", equalTo("2017-11-15"))
                .body("keyWork.counts.total", equalTo(4))
                .body("keyWork.counts.completed", equalTo(1))
                .body("keyWork.counts.inProgress", equalTo(1))
                .body("keyWork.counts.notStarted", equalTo(1))
                .body("keyWork.counts.delayed", equalTo(1))
                .body("keyWork.areas", hasSize(1))
                .body("keyWork.areas[0].textZh", equalTo("推动经济高质量发展"))
                .body("keyWork.areas[0].subAreas", hasSize(2))
                .body("keyWork.areas[0].subAreas[0].tasks.code", equalTo(java.util.List.of("AP2017-T1-1-1", "AP2017-T1-1-2")))
                .body("keyWork.areas[0].subAreas[1].tasks[1].lead", hasSize(0))
                .body("keyWork.areas[0].subAreas[0].tasks[1].commitments[0].target", equalTo("3个以上"))
                .body("keyWork.areas[0].subAreas[0].tasks[1].commitments[0].value", equalTo(1))
                .body("keyWork.lateByLead", hasSize(1))
                .body("keyWork.lateByLead[0].lead.code", equalTo("DRC"))
                .body("keyWork.lateByLead[0].tasks[0].daysOverdue", equalTo(46))
                .body("keyWork.commitmentVerdicts.LAGGING", equalTo(1))
                .body("narrativeZh", containsString("重点工作任务4项，已完成1项，按期推进2项，逾期1项。1项承诺指标进度滞后或未完成。"));
        given().accept("text/markdown").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body(containsString("## 重点工作 Key work"))
                .body(containsString("### 一、推动经济高质量发展 Drive high-quality economic development"))
                .body(containsString("#### 区发改局（1项，逾期1项，滞后1项） District Development and Reform Bureau (1, 1 late, 1 lagging)"))
                .body(containsString("| AP2017-T1-2-2 |"))
                .body(containsString("未分配"));
    }

    @Test
    void aScorecardCountsTheDepartmentsTasksOnTimeLateAndDone() {
        // DRC leads T1-1-1 (done) and T1-1-2 (late on 15 November) and supports T1-2-1 (on time).
        String id = Reports.generated("{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"AP2017\",\"asOf\":\"2017-11-15T00:00:00Z\"}");
        given().when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body("keyWork.counts.total", equalTo(3))
                .body("keyWork.counts.completed", equalTo(1))
                .body("keyWork.counts.delayed", equalTo(1))
                .body("keyWork.counts.inProgress", equalTo(1))
                .body("keyWork.areas", hasSize(0))
                .body("keyWork.tasks.role", equalTo(java.util.List.of("LEAD", "LEAD", "SUPPORT")))
                .body("keyWork.commitmentVerdicts.LAGGING", equalTo(1))
                .body("narrativeZh", containsString("区发改局牵头或配合的重点工作任务3项，已完成1项，按期推进1项，逾期1项。"));
    }

    @Test
    void anOversightRequestNeedsAPlanThatExistsAndATime() {
        problem("{\"type\":\"OVERSIGHT\"}", 422, "plan", "needs the plan");
        problem("{\"type\":\"OVERSIGHT\",\"plan\":\"NOPE\"}", 422, "plan", "plan NOPE does not exist");
        given().contentType(ContentType.JSON).body("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"2018-13-01\"}").when().post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"soon\"}").when().post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyFormatShowsTheOversightGroups() throws Exception {
        String id = Reports.generated("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\",\"asOf\":\"2018-01-02T00:00:00+08:00\"}");
        String url = "/api/v1/reports/" + id + "/content";
        String markdown = given().queryParam("format", "md").when().get(url).then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("# 越秀区2017年重点工作督查通报"), markdown);
        assertTrue(markdown.contains("## 逾期及滞后任务（按牵头单位） Late and lagging tasks by lead unit"), markdown);
        assertTrue(markdown.contains("### 区发改局（1项，逾期1项，滞后1项） District Development and Reform Bureau (1, 1 late, 1 lagging)"), markdown);
        assertTrue(markdown.contains("### 区教育局（1项，逾期1项） District Education Bureau (1, 1 late)"), markdown);
        assertTrue(markdown.contains("### 未分配（1项，逾期1项） Unassigned (1, 1 late)"), markdown);
        assertTrue(markdown.indexOf("区教育局（") < markdown.indexOf("未分配（"), "the unassigned last");
        assertTrue(markdown.contains("| 94 |"), "days overdue");
        assertTrue(!markdown.contains("| 序号 |"), "no indicator table");

        given().queryParam("format", "html").when().get(url).then().statusCode(200)
                .body(containsString("<h2>二、逾期及滞后任务（按牵头单位）<span class=\"en\">Late and lagging tasks by lead unit</span></h2>"))
                .body(containsString("<h3>区发改局（1项，逾期1项，滞后1项）"))
                .body(containsString("<h3>未分配（1项，逾期1项）<span class=\"en\">Unassigned (1, 1 late)</span></h3>"))
                .body(not(containsString("重点项目投资")));
        byte[] pdf = given().queryParam("format", "pdf").when().get(url).then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        given().queryParam("format", "json").when().get(url).then().statusCode(200).body("oversight.listed", equalTo(3));

        byte[] xlsx = given().queryParam("format", "xlsx").when().get(url).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("督查通报 Oversight");
            assertNotNull(sheet, "the oversight sheet");
            assertEquals(3, sheet.getLastRowNum(), "a header and three tasks");
            Row first = sheet.getRow(1);
            assertEquals("区发改局", first.getCell(0).getStringCellValue());
            assertEquals("AP2017-T1-1-2", first.getCell(1).getStringCellValue());
            assertEquals(94, first.getCell(11).getNumericCellValue());
            assertEquals("未分配", sheet.getRow(3).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theAnnualWorkbookHasTheKeyWorkSheet() throws Exception {
        String id = Reports.generated("{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2017-11-15T00:00:00Z\"}");
        byte[] xlsx = given().queryParam("format", "xlsx").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("重点工作 Key work");
            assertNotNull(sheet, "the key work sheet");
            assertEquals(4, sheet.getLastRowNum(), "a header and four tasks");
            assertEquals(40, sheet.getRow(2).getCell(10).getNumericCellValue(), "T1-1-2's progress");
        }
        given().queryParam("format", "html").when().get("/api/v1/reports/" + id + "/content").then().statusCode(200)
                .body(containsString("<h2>五、重点工作<span class=\"en\">Key work</span></h2>"));
    }

    @Test
    void aPlanWithMoreTasksThanAReportReadsFailsTheJobWithTheReason() {
        // Every page full (200 of 100,000): after 50 pages the job stops rather than page on.
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            items.append(i == 0 ? "" : ",").append("{\"code\":\"AP2017-T").append(i).append("\",\"plan\":\"AP2017\",\"level\":\"AREA\",\"children\":0}");
        }
        DownstreamMock.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/tasks")).atPriority(0)
                .willReturn(DownstreamMock.json(200, "{\"items\":[" + items + "],\"total\":100000,\"page\":0,\"size\":200}")));
        String id = Reports.request("{\"type\":\"OVERSIGHT\",\"plan\":\"AP2017\"}");
        assertEquals("FAILED", Reports.awaitFinished(id));
        given().when().get("/api/v1/reports/" + id).then()
                .body("failureReason", containsString("plan AP2017 has more tasks than a report reads (50 pages of 200)"));
        DownstreamMock.server.verify(50, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/tasks")));
    }

    private static void problem(String body, int status, String field, String message) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports")
                .then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("detail", containsString(message));
    }
}
