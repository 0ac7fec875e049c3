package gov.planmonitor.project;

import gov.planmonitor.testsupport.SqlStatements;
import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Privacy by default: readers without a token see the project's lead department as the author of its status changes
 * and progress updates, not the person; any valid token sees the person. With the read cache on, neither kind of
 * reader is given the other's answer.
 */
@QuarkusTest
class PeopleVisibilityTest {

    /** The project's departments: CONSTRUCTION leads, DRC supports. */
    private static final String DEPARTMENTS = "[{\"code\":\"CONSTRUCTION\",\"role\":\"LEAD\"},{\"code\":\"DRC\",\"role\":\"SUPPORT\"}]";
    private static final String ZHANG = Tokens.bearer(Tokens.of("u-zhangwei", "张伟", List.of("department"), List.of("CONSTRUCTION")));
    private static final String LIU = Tokens.bearer(Tokens.of("u-liuyang", "刘洋", List.of("department"), List.of("DRC")));

    @Inject
    SessionFactory sessions;

    private String project;

    /** Created by the (default) admin, moved to PREPARATION by 张伟 of CONSTRUCTION, progress reported by 刘洋 of DRC. */
    @BeforeEach
    void aProjectWithHistory() {
        Fixtures.loadSeeds();
        project = Fixtures.code("P");
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + project + "\",\"nameZh\":\"排水改造工程\",\"nameEn\":\"Drainage works\",\"category\":\"PEOPLES_LIVELIHOOD\","
                        + "\"departments\":" + DEPARTMENTS + "}")
                .when().post("/api/v1/projects").then().statusCode(201);
        String etag = given().when().get("/api/v1/projects/" + project).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", ZHANG).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"to\":\"PREPARATION\",\"date\":\"2018-01-10\"}")
                .when().post("/api/v1/projects/" + project + "/status").then().statusCode(201);
        given().header("Authorization", LIU).contentType(ContentType.JSON)
                .body("{\"date\":\"2018-06-30\",\"textZh\":\"主体结构完成60%\",\"progressPercent\":60}")
                .when().post("/api/v1/projects/" + project + "/updates").then().statusCode(201).body("author", equalTo("刘洋 (u-liuyang)"));
    }

    private static ValidatableResponse anonymous(String path) {
        return noPerson(given().header("Authorization", Tokens.ANONYMOUS).when().get(path).then().statusCode(200));
    }

    private static ValidatableResponse signedIn(String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.reporter())).when().get(path).then().statusCode(200);
    }

    private static ValidatableResponse noPerson(ValidatableResponse response) {
        return response.body(not(containsString("张伟"))).body(not(containsString("刘洋"))).body(not(containsString("系统管理员")))
                .body(not(containsString("u-zhangwei"))).body(not(containsString("u-liuyang"))).body(not(containsString("u-admin")));
    }

    @Test
    void anonymousReadersSeeTheLeadDepartmentAndAnyTokenSeesThePeople() {
        anonymous("/api/v1/projects/" + project + "/status").body("history.author", contains("CONSTRUCTION", "CONSTRUCTION"))
                .body("current", equalTo("PREPARATION")).header("Vary", containsString("Authorization"));
        // Reported by DRC, a supporting department: the lead department still answers for the project.
        anonymous("/api/v1/projects/" + project + "/updates").body("author", contains("CONSTRUCTION"))
                .body("[0].textZh", equalTo("主体结构完成60%"));

        signedIn("/api/v1/projects/" + project + "/status").body("history.author", contains("系统管理员 (u-admin)", "张伟 (u-zhangwei)"))
                .header("Vary", containsString("Authorization"));
        signedIn("/api/v1/projects/" + project + "/updates").body("author", contains("刘洋 (u-liuyang)"));
    }

    /** The cache keeps one answer per kind of reader: whichever asks first, the other gets its own. */
    @Test
    void theCacheNeverGivesOneKindOfReaderTheOthersAnswer() {
        String status = "/api/v1/projects/" + project + "/status";
        String updates = "/api/v1/projects/" + project + "/updates";
        // Signed in first, then anonymous.
        signedIn(status).body("history[1].author", equalTo("张伟 (u-zhangwei)"));
        anonymous(status).body("history.author", everyItem(equalTo("CONSTRUCTION")));
        SqlStatements.Counted<Response> again = SqlStatements.during(sessions,
                () -> given().header("Authorization", Tokens.ANONYMOUS).when().get(status).then().statusCode(200).extract().response());
        assertEquals(0, again.statements(), "the anonymous answer is kept");
        assertEquals(List.of("CONSTRUCTION", "CONSTRUCTION"), again.result().jsonPath().getList("history.author"));
        signedIn(status).body("history[1].author", equalTo("张伟 (u-zhangwei)"));
        // Anonymous first, then signed in.
        anonymous(updates).body("author", contains("CONSTRUCTION"));
        signedIn(updates).body("author", contains("刘洋 (u-liuyang)"));
        anonymous(updates).body("author", contains("CONSTRUCTION"));
        // Each holding the other's ETag gets its own full answer, never a 304.
        String anonymousTag = anonymous(updates).extract().header("ETag");
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).header("If-None-Match", anonymousTag).when().get(updates)
                .then().statusCode(200).body("author", contains("刘洋 (u-liuyang)"));
        given().header("Authorization", Tokens.ANONYMOUS).header("If-None-Match", anonymousTag).when().get(updates).then().statusCode(304);
    }

    /** Without departments: the role that may then write it (planner for a status change, admin for progress). */
    @Test
    void aProjectWithoutDepartmentsShowsTheRole() {
        String bare = Fixtures.project(Fixtures.list(2018), 1, "无部门项目");
        given().contentType(ContentType.JSON).body("{\"date\":\"2018-06-30\",\"textZh\":\"进展\"}")
                .when().post("/api/v1/projects/" + bare + "/updates").then().statusCode(201);
        anonymous("/api/v1/projects/" + bare + "/status").body("history.author", contains("planner"));
        anonymous("/api/v1/projects/" + bare + "/updates").body("author", contains("admin"));
    }
}
