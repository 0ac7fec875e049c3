package gov.planmonitor.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The 70 projects of 附件1 as seeded, and the queries over them. */
@QuarkusTest
class ProjectQueryTest {

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    @Test
    void theSeventyKeyProjectsOfAnnex1WithTheirCategories() {
        given().queryParam("list", "FYP13-KEY").queryParam("size", 100)
                .when().get("/api/v1/projects")
                .then().statusCode(200)
                .body("total", equalTo(70))
                .body("items", hasSize(70))
                .body("items[0].seq", equalTo(1))
                .body("items[69].seq", equalTo(70))
                .body("items.category.code", everyItem(notNullValue()))
                .body("items[0].category.code", equalTo("FUNCTIONAL_ZONES"))
                .body("items[0].category.nameZh", equalTo("重点发展功能区"))
                .body("items[0].tasksZh", notNullValue())
                .body("items[0].lists[0].code", equalTo("FYP13-KEY"));
        given().when().get("/api/v1/project-lists/FYP13-KEY/summary")
                .then().statusCode(200)
                .body("projectCount", equalTo(70))
                .body("byCategory", hasSize(5))
                .body("byCategory[0].category.nameZh", equalTo("重点发展功能区"))
                .body("differenceFromReported.projectCount", equalTo(0));
    }

    @Test
    void updatedSinceGivesOnlyProjectsAndListsChangedFromThen() throws Exception {
        String oldList = Fixtures.list(2017);
        String old = Fixtures.project(oldList, 1, "较早的项目");
        Thread.sleep(20);
        String since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        String newList = Fixtures.list(2017);
        String fresh = Fixtures.project(newList, 1, "较新的项目");
        given().queryParam("updatedSince", since).queryParam("size", 200).when().get("/api/v1/projects").then().statusCode(200)
                .body("items.id", hasItem(fresh)).body("items.id", org.hamcrest.Matchers.not(hasItem(old)));
        given().queryParam("updatedSince", since).queryParam("year", 2017).queryParam("size", 200).when().get("/api/v1/project-lists")
                .then().statusCode(200).body("items.code", hasItem(newList)).body("items.code", org.hamcrest.Matchers.not(hasItem(oldList)));
        given().queryParam("updatedSince", "2018-02-30T00:00:00Z").when().get("/api/v1/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void chineseSubstringSearchFindsNamesAndTasks() {
        String list = Fixtures.list(2017);
        Fixtures.project(list, 1, "木排头片区排水改造工程");
        given().queryParam("q", "排水").queryParam("list", list).when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].nameZh", equalTo("木排头片区排水改造工程"));
        given().queryParam("q", "书院").when().get("/api/v1/projects")
                .then().statusCode(200).body("total", greaterThan(0)).body("items.nameZh", hasItem(containsString("书院")));
        given().queryParam("q", "DRAINAGE").queryParam("list", list).when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void filtersCombineAndPagesAreEnveloped() {
        given().queryParam("list", "FYP13-KEY").queryParam("category", "PEOPLES_LIVELIHOOD").queryParam("size", 5)
                .when().get("/api/v1/projects")
                .then().statusCode(200)
                .body("size", equalTo(5)).body("page", equalTo(0)).body("items", hasSize(5))
                .body("items.category.code", everyItem(equalTo("PEOPLES_LIVELIHOOD")))
                .body("total", greaterThan(5));
        given().queryParam("list", "FYP13-KEY").queryParam("sort", "-seq").queryParam("size", 1)
                .when().get("/api/v1/projects").then().statusCode(200).body("items[0].seq", equalTo(70));
        given().queryParam("size", 1000).when().get("/api/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("sort", "budget").when().get("/api/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("status", "DONE").when().get("/api/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("list", "NOPE").when().get("/api/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("list"));
        given().queryParam("page", -1).when().get("/api/v1/projects").then().statusCode(400);
    }

    @Test
    void sortKeysAndTheirRefusals() {
        List<String> ascending = given().queryParam("list", "FYP13-KEY").queryParam("sort", "id").queryParam("size", 100)
                .when().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        List<String> descending = given().queryParam("list", "FYP13-KEY").queryParam("sort", "-id").queryParam("size", 100)
                .when().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertEquals(70, ascending.size());
        List<String> reversed = new ArrayList<>(ascending);
        Collections.reverse(reversed);
        assertEquals(reversed, descending);
        // seq is a place in a list: without list= there is none to sort by.
        given().queryParam("sort", "seq").when().get("/api/v1/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("sort")).body("detail", equalTo("sort by seq needs list="));
        given().queryParam("sort", "id,budget").when().get("/api/v1/projects").then().statusCode(400)
                .body("detail", equalTo("cannot sort by 'budget'; allowed: seq, id, nameZh, nameEn, status, category"));
        // Page and size first, then the filters, then the sort: a request with several faults hears of the same one.
        given().queryParam("size", 0).queryParam("list", "NOPE").when().get("/api/v1/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("list", "NOPE").queryParam("sort", "budget").when().get("/api/v1/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("list"));
    }

    @Test
    void departmentZoneAndYearFilters() {
        String list = Fixtures.list(2019);
        String p = Fixtures.code("P");
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + p + "\",\"nameZh\":\"北京路步行街提升\",\"nameEn\":\"Beijing Road upgrade\",\"category\":\"FUNCTIONAL_ZONES\","
                        + "\"zone\":\"BEIJING_ROAD_CULTURAL_CORE\",\"departments\":[{\"code\":\"CULTURE\",\"role\":\"LEAD\"},{\"code\":\"DRC\",\"role\":\"SUPPORT\"}],"
                        + "\"indicators\":[\"FYP13-18\"],\"lists\":[{\"code\":\"" + list + "\",\"seq\":1}],"
                        + "\"location\":{\"address\":\"广州市越秀区北京路\",\"latitude\":23.125,\"longitude\":113.268}}")
                .when().post("/api/v1/projects").then().statusCode(201)
                .body("departments[1].role", equalTo("SUPPORT")).body("indicators[0]", equalTo("FYP13-18"))
                .body("location.latitude", equalTo(23.125f));
        given().queryParam("list", list).queryParam("department", "DRC").when().get("/api/v1/projects").then().body("total", equalTo(1));
        given().queryParam("list", list).queryParam("department", "EDUCATION").when().get("/api/v1/projects").then().body("total", equalTo(0));
        given().queryParam("list", list).queryParam("zone", "BEIJING_ROAD_CULTURAL_CORE").when().get("/api/v1/projects").then().body("total", equalTo(1));
        given().queryParam("list", list).queryParam("zone", "NONE").when().get("/api/v1/projects").then().body("total", equalTo(0));
        given().queryParam("list", list).queryParam("year", 2019).when().get("/api/v1/projects").then().body("total", equalTo(1));
        given().queryParam("list", list).queryParam("year", 2030).when().get("/api/v1/projects").then().body("total", equalTo(0));
    }

    @Test
    void zonesAndCategoriesAreListed() {
        given().when().get("/api/v1/zones").then().statusCode(200).body("$", hasSize(8)).body("[0].nameZh", equalTo("北京路文化核心区"));
        given().when().get("/api/v1/categories").then().statusCode(200).body("$", hasSize(5)).body("[4].nameZh", equalTo("重大民生工程"));
    }
}
