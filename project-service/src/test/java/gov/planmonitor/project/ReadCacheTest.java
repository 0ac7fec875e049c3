package gov.planmonitor.project;

import gov.planmonitor.testsupport.SqlStatements;
import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hibernate.SessionFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cached reads of projects and lists: answered from memory until a write, 304 for a held ETag, fresh after a write. */
@QuarkusTest
class ReadCacheTest {

    @Inject
    SessionFactory sessions;

    private String list;
    private String project;

    @BeforeEach
    void aListWithAProject() {
        Fixtures.loadSeeds();
        list = Fixtures.list(2018);
        project = Fixtures.project(list, 1, "缓存测试项目");
    }

    @Test
    void aProjectAndItsListAreRevalidatedAndChangeWithAWrite() {
        String projectTag = given().when().get("/api/v1/projects/" + project).then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        String summary = "/api/v1/project-lists/" + list + "/summary";
        String summaryTag = given().when().get(summary).then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        String page = "/api/v1/projects?list=" + list;
        given().when().get(page).then().statusCode(200);

        assertEquals(0, SqlStatements.of(sessions, () -> given().when().get(page).then().statusCode(200)),
                "an unchanged list's page is answered from memory");
        given().header("If-None-Match", projectTag).when().get("/api/v1/projects/" + project).then().statusCode(304)
                .header("ETag", projectTag).body(emptyString());
        given().header("If-None-Match", summaryTag).when().get(summary).then().statusCode(304);

        given().contentType(ContentType.JSON).header("If-Match", projectTag)
                .header("Authorization", Tokens.bearer(Tokens.of("u-cache", "区发改局", List.of("planner"), List.of())))
                .body("{\"to\":\"PREPARATION\",\"date\":\"2018-01-10\"}")
                .when().post("/api/v1/projects/" + project + "/status").then().statusCode(201);

        given().header("If-None-Match", projectTag).when().get("/api/v1/projects/" + project).then().statusCode(200)
                .header("ETag", not(equalTo(projectTag))).body("status", equalTo("PREPARATION"));
        given().header("If-None-Match", summaryTag).when().get(summary).then().statusCode(200)
                .header("ETag", not(equalTo(summaryTag)));
        given().when().get(page).then().statusCode(200).body("items[0].status", equalTo("PREPARATION"));
    }
}
