package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The seeded tasks as the API shows them, counted by hand from the documents: 2018's key work (000:116–180) has five
 * areas （一）…（五） and 5 + 4 + 2 + 3 + 4 = 18 headed sub-areas; the outline's main tasks (003) twelve chapters
 * (第三章 to 第十四章). No document names a lead unit, so every task is unassigned, and 2018's are late by now.
 */
@QuarkusTest
class SeedTasksTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static int total(String plan, String level) {
        return given().queryParam("plan", plan).queryParam("level", level).queryParam("size", 1).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void theSeedsHoldTheKeyWorkOf2018AndTheOutlinesMainTasks() {
        org.junit.jupiter.api.Assertions.assertEquals(5, total("AP2018", "AREA"));
        org.junit.jupiter.api.Assertions.assertEquals(18, total("AP2018", "SUB_AREA"));
        org.junit.jupiter.api.Assertions.assertEquals(88, total("AP2018", "TASK"));
        org.junit.jupiter.api.Assertions.assertEquals(12, total("FYP13", "AREA"));
        given().queryParam("plan", "AP2018").queryParam("level", "AREA").when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.code", contains("AP2018-T1", "AP2018-T2", "AP2018-T3", "AP2018-T4", "AP2018-T5"))
                .body("items[3].textZh", equalTo("着力提升城市建设管理水平，构建品质城市示范区"));
        // Unassigned, so none is led by anyone yet.
        given().queryParam("unassigned", false).when().get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aTaskShowsItsCommitmentAndItsPlacesInThe2018Plan() {
        // 000:122: "……关停或搬迁“三不”专业市场3个以上。" is the second sentence after the sub-area's heading.
        given().when().get("/api/v1/tasks/{code}", "AP2018-T1-2-2").then().statusCode(200)
                .body("parent", equalTo("AP2018-T1-2")).body("level", equalTo("TASK"))
                .body("textZh", startsWith("加强低端产能控制"))
                .body("deadline", equalTo("2018-12-31")).body("deadlineFromPlan", equalTo(true))
                .body("status", equalTo("DELAYED")).body("recordedStatus", equalTo("NOT_STARTED"))
                .body("source", equalTo("000_b16fd38e4619594e.txt line 122"))
                .body("commitments.code", contains("AP2018-101")).body("commitments[0].target", equalTo("3个以上"))
                .body("commitments[0].verdict", equalTo("NOT_EVALUABLE"));
    }
}
