package gov.planmonitor.project;

import gov.planmonitor.testsupport.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SQL statements each hot read runs, pinned: an N+1 (a statement per project, per year, per milestone) fails here
 * rather than in a benchmark. Each read is counted on a list of its own with one bare project, then again once the
 * list holds six projects with investments and milestones: the two counts must be the same. After an intended change,
 * update the pinned number.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    private long count(String path) {
        return SqlStatements.ofGet(sessions, path);
    }

    @Test
    void theHotReadsDoNotGrowWithTheList() {
        String list = Fixtures.list(2018);
        String first = Fixtures.project(list, 1, "计数项目");
        long[] small = counts(list, first);
        for (int seq = 2; seq <= 6; seq++) {
            String project = Fixtures.project(list, seq, "计数项目" + seq);
            for (int year = 2016; year <= 2018; year++) {
                given().contentType(ContentType.JSON).body("{\"planned\":100,\"completed\":" + (40 + year - 2016) + "}")
                        .when().put("/api/v1/projects/" + project + "/investments/" + year).then().statusCode(201);
            }
            given().contentType(ContentType.JSON).body("{\"nameZh\":\"主体结构封顶\",\"plannedDate\":\"2018-06-30\"}")
                    .when().post("/api/v1/projects/" + project + "/milestones").then().statusCode(201);
            given().contentType(ContentType.JSON).body("{\"nameZh\":\"竣工验收\",\"plannedDate\":\"2099-12-31\"}")
                    .when().post("/api/v1/projects/" + project + "/milestones").then().statusCode(201);
        }
        long[] large = counts(list, first);
        String[] reads = {"the list", "a page of its projects", "a project", "its summary"};
        for (int i = 0; i < reads.length; i++) {
            System.out.printf("[statements] %s: %d with one project, %d with six%n", reads[i], small[i], large[i]);
        }
        assertEquals(LIST, small[0], "the list");
        assertEquals(LIST, large[0], "the list, six projects");
        assertEquals(PAGE, small[1], "a page of one project");
        assertEquals(PAGE, large[1], "a page of six projects");
        assertEquals(PROJECT, small[2], "a project");
        assertEquals(PROJECT, large[2], "a project, on a list of six");
        assertEquals(SUMMARY, small[3], "the summary of one project");
        assertEquals(SUMMARY, large[3], "the summary of six projects");
    }

    private long[] counts(String list, String project) {
        return new long[]{
                count("/api/v1/project-lists/" + list),
                count("/api/v1/projects?list=" + list + "&size=20"),
                count("/api/v1/projects/" + project),
                count("/api/v1/project-lists/" + list + "/summary?year=2018")};
    }

    static final long LIST = 2;
    static final long PAGE = 9;
    static final long PROJECT = 1;
    static final long SUMMARY = 6;
}
