package gov.planmonitor.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Investment arithmetic and the list roll-up, down to the 2017 report's "完成年度计划投资的112.5%". */
@QuarkusTest
class RollupTest {

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    private static void invest(String project, int year, String planned, String completed) {
        given().contentType(ContentType.JSON).body("{\"planned\":" + planned + ",\"completed\":" + completed + "}")
                .when().put("/api/v1/projects/" + project + "/investments/" + year)
                .then().statusCode(201);
    }

    @Test
    void membersWhoseFiguresSumToTheReportReproduce112Point5Percent() {
        String list = Fixtures.code("AP2017-KEY");
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + list + "\",\"nameZh\":\"2017年区重点项目\",\"nameEn\":\"2017 district key projects\",\"year\":2017,"
                        + "\"plan\":\"AP2017\",\"reportedProjectCount\":3,\"reportedCompletedInvestment\":2390000000,"
                        + "\"reportedPlannedInvestmentShare\":112.5}")
                .when().post("/api/v1/project-lists").then().statusCode(201).header("Location", containsString(list));
        // 23.9亿元 completed against 21.2444…亿元 planned rounds to 112.5%; the three members split both sums.
        String a = Fixtures.project(list, 1, "片区排水改造工程");
        String b = Fixtures.project(list, 2, "养老院项目");
        String c = Fixtures.project(list, 3, "小学教学楼建设工程");
        invest(a, 2017, "1000000000.00", "1100000000.00");
        invest(b, 2017, "800000000.00", "890000000.00");
        invest(c, 2017, "324440000.00", "400000000.00");
        invest(c, 2016, "999.00", "1.00"); // another year must not count

        given().when().get("/api/v1/project-lists/" + list + "/summary")
                .then().statusCode(200)
                .body("year", equalTo(2017))
                .body("projectCount", equalTo(3))
                .body("investment.planned.yuan", equalTo(2124440000))
                .body("investment.completed.yuan", equalTo(2390000000L))
                .body("investment.completed.display", equalTo("23.9亿元"))
                .body("investment.completionRatio", equalTo(112.5f))
                .body("differenceFromReported.projectCount", equalTo(0))
                .body("differenceFromReported.completedInvestment.yuan", equalTo(0))
                .body("differenceFromReported.plannedInvestmentShare", equalTo(0))
                .body("byCategory", hasSize(1))
                .body("byCategory[0].category.code", equalTo("PEOPLES_LIVELIHOOD"))
                .body("byCategory[0].projectCount", equalTo(3))
                .body("byStatus.IDENTIFICATION", equalTo(3))
                .body("byZone.NONE", equalTo(3));

        given().queryParam("year", 2016).when().get("/api/v1/project-lists/" + list + "/summary")
                .then().statusCode(200).body("investment.planned.yuan", equalTo(999)).body("investment.completionRatio", equalTo(0.1f));
    }

    @Test
    void completedAboveTheYearsPlanIsAWarningNotAnError() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "测试项目");
        given().contentType(ContentType.JSON).body("{\"planned\":100000000,\"completed\":150000000}")
                .when().put("/api/v1/projects/" + p + "/investments/2018")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("completionRatio", equalTo(150))
                .body("planned.display", equalTo("1亿元"))
                .body("completed.display", equalTo("1.5亿元"))
                .body("warnings[0]", containsString("exceeds"));
    }

    @Test
    void negativeMoneyIsRejectedAndNothingIsWritten() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "测试项目");
        given().contentType(ContentType.JSON).body("{\"planned\":-1,\"completed\":5}")
                .when().put("/api/v1/projects/" + p + "/investments/2018")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("planned"));
        given().when().get("/api/v1/projects/" + p + "/investments").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void replacingFiguresNeedsTheETag() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "测试项目");
        invest(p, 2018, "100", "50");
        given().contentType(ContentType.JSON).body("{\"planned\":100,\"completed\":80}")
                .when().put("/api/v1/projects/" + p + "/investments/2018").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"planned\":100,\"completed\":80}")
                .when().put("/api/v1/projects/" + p + "/investments/2018").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"planned\":100,\"completed\":80}")
                .when().put("/api/v1/projects/" + p + "/investments/2018").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("completionRatio", equalTo(80));
    }

    @Test
    void overdueMilestonesAreFlaggedInTheProjectAndTheSummary() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "测试项目");
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"主体结构封顶\",\"plannedDate\":\"2018-06-30\"}")
                .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(201).body("overdue", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"竣工验收\",\"plannedDate\":\"2099-12-31\"}")
                .when().post("/api/v1/projects/" + p + "/milestones").then().statusCode(201).body("overdue", equalTo(false));
        given().when().get("/api/v1/projects/" + p).then().statusCode(200).body("overdueMilestones", equalTo(1));
        given().when().get("/api/v1/project-lists/" + list + "/summary").then().statusCode(200)
                .body("overdueMilestones", hasSize(1)).body("overdueMilestones[0].nameZh", equalTo("主体结构封顶"));
        given().queryParam("list", list).queryParam("overdue", true).when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(1));
    }

    /** The computed figures differ from the published ones: the summary says by how much, with the sign of computed − reported. */
    @Test
    void aDifferenceFromTheReportedFiguresIsShownWithItsSign() {
        String list = Fixtures.code("DIFF-KEY");
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + list + "\",\"nameZh\":\"差异测试清单\",\"nameEn\":\"Difference test list\",\"year\":2017,"
                        + "\"reportedProjectCount\":5,\"reportedCompletedInvestment\":300000000,\"reportedPlannedInvestmentShare\":90}")
                .when().post("/api/v1/project-lists").then().statusCode(201);
        String a = Fixtures.project(list, 1, "甲项目");
        String b = Fixtures.project(list, 2, "乙项目");
        invest(a, 2017, "200000000", "150000000");
        invest(b, 2017, "200000000", "170000000");
        // Computed: 2 projects, 3.2亿元 completed of 4亿元 planned = 80%; reported: 5, 3亿元, 90%.
        given().when().get("/api/v1/project-lists/" + list + "/summary")
                .then().statusCode(200)
                .body("projectCount", equalTo(2))
                .body("investment.completed.yuan", equalTo(320000000))
                .body("investment.completionRatio", equalTo(80))
                .body("differenceFromReported.projectCount", equalTo(-3))
                .body("differenceFromReported.completedInvestment.yuan", equalTo(20000000))
                .body("differenceFromReported.plannedInvestmentShare", equalTo(-10));
    }

    /** Nothing planned: the completion ratio is absent (not a division by zero), while the completed sum still counts. */
    @Test
    void aListWithNothingPlannedHasNoCompletionRatio() {
        String list = Fixtures.list(2019);
        String a = Fixtures.project(list, 1, "零计划项目");
        given().contentType(ContentType.JSON).body("{\"planned\":0,\"completed\":5000000}")
                .when().put("/api/v1/projects/" + a + "/investments/2019")
                .then().statusCode(201).body("completionRatio", org.hamcrest.Matchers.nullValue())
                .body("warnings[0]", containsString("none was planned"));
        given().when().get("/api/v1/project-lists/" + list + "/summary")
                .then().statusCode(200)
                .body("investment.planned.yuan", equalTo(0))
                .body("investment.completed.yuan", equalTo(5000000))
                .body("investment.completionRatio", org.hamcrest.Matchers.nullValue());
    }
}
