package gov.planmonitor.report;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Privacy by default: readers without a token see the role that requests reports as a report's createdBy, not the
 * person; any valid token sees the person. With the read cache on, neither kind of reader is given the other's answer.
 * The content, in every format, never named the requester.
 */
@QuarkusTest
class PeopleVisibilityTest {

    private static final String CHEN = Tokens.bearer(Tokens.of("u-chenjing", "报告员 陈静", List.of("reporter"), List.of()));

    private String id;

    @BeforeEach
    void aReportRequestedByChenJing() {
        DownstreamMock.healthy();
        id = given().header("Authorization", CHEN).contentType(ContentType.JSON).body(Reports.ANNUAL_2017).when().post("/api/v1/reports")
                .then().statusCode(202).body("createdBy", equalTo("报告员 陈静 (u-chenjing)")).extract().path("id");
        assertEquals("SUCCEEDED", Reports.awaitFinished(id));
    }

    private static ValidatableResponse anonymous(String path) {
        return given().header("Authorization", Tokens.ANONYMOUS).when().get(path).then().statusCode(200)
                .body(not(containsString("陈静"))).body(not(containsString("u-chenjing")));
    }

    private static ValidatableResponse signedIn(String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.planner())).when().get(path).then().statusCode(200);
    }

    @Test
    void anonymousReadersSeeTheRoleAndAnyTokenSeesThePerson() {
        anonymous("/api/v1/reports/" + id).body("createdBy", equalTo("reporter")).header("Vary", containsString("Authorization"));
        anonymous("/api/v1/reports?size=200").body("items.find { it.id == '" + id + "' }.createdBy", equalTo("reporter"))
                .body("items.createdBy", not(hasItem(containsString("(u-"))));
        signedIn("/api/v1/reports/" + id).body("createdBy", equalTo("报告员 陈静 (u-chenjing)"));
        signedIn("/api/v1/reports?size=200").body("items.find { it.id == '" + id + "' }.createdBy", equalTo("报告员 陈静 (u-chenjing)"));
        for (String format : List.of("json", "markdown", "html")) {
            anonymous("/api/v1/reports/" + id + "/content?format=" + format);
            given().header("Authorization", CHEN).when().get("/api/v1/reports/" + id + "/content?format=" + format).then().statusCode(200)
                    .body(not(containsString("陈静"))).body(not(containsString("u-chenjing")));
        }
    }

    /** The cache keeps one answer per kind of reader: whichever asks first, the other gets its own. */
    @Test
    void theCacheNeverGivesOneKindOfReaderTheOthersAnswer() {
        String report = "/api/v1/reports/" + id;
        signedIn(report).body("createdBy", equalTo("报告员 陈静 (u-chenjing)"));
        anonymous(report).body("createdBy", equalTo("reporter"));
        String anonymousTag = anonymous(report).extract().header("ETag");
        signedIn(report).body("createdBy", equalTo("报告员 陈静 (u-chenjing)"));
        given().header("Authorization", Tokens.bearer(Tokens.planner())).header("If-None-Match", anonymousTag).when().get(report)
                .then().statusCode(200).body("createdBy", equalTo("报告员 陈静 (u-chenjing)"));
        given().header("Authorization", Tokens.ANONYMOUS).header("If-None-Match", anonymousTag).when().get(report).then().statusCode(304);

        String page = "/api/v1/reports?size=5&type=ANNUAL_EXECUTION";
        anonymous(page).body("items.createdBy", not(hasItem(containsString("(u-"))));
        signedIn(page).body("items.createdBy", hasItem("报告员 陈静 (u-chenjing)"));
        anonymous(page).body("items.createdBy", not(hasItem(containsString("(u-"))));
    }
}
