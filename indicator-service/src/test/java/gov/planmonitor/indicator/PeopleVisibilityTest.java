package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.SqlStatements;
import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.hibernate.SessionFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Privacy by default: readers without a token see who is answerable for a value (the indicator's lead department), not
 * the person who recorded it; any valid token sees the person; the audit trail keeps the person. With the read cache on,
 * neither kind of reader is ever given the other's answer, nor a 304 for it.
 */
@QuarkusTest
class PeopleVisibilityTest {

    private static final String VALUE = "/api/v1/indicators/{code}/observations/{year}";
    private static final String CONTENT_TAG = "\"[A-Za-z0-9_-]{22}\"";

    @Inject
    SessionFactory sessions;

    private String plan;
    private String code;

    /** An indicator led by HEALTH (Fixtures.indicator) with a 2003 value recorded by 王芳 and replaced by 李雷. */
    @BeforeEach
    void aValueRecordedTwice() {
        Fixtures.seeds();
        plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        code = Fixtures.createIndicator(plan, 1, "居民人均可支配收入", "元", "50000");
        given().header("Authorization", Tokens.bearer(Tokens.of("u-wangfang", "王芳", List.of("department"), List.of("HEALTH"))))
                .contentType(ContentType.JSON).body(observation(40000, "PRELIMINARY")).when().put(VALUE, code, 2003)
                .then().statusCode(201).body("recordedBy", equalTo("王芳 (u-wangfang)"));
        given().header("Authorization", Tokens.bearer(Tokens.of("u-lilei", "李雷", List.of("department"), List.of("HEALTH"))))
                .header("If-Match", "\"1\"").contentType(ContentType.JSON).body(observation(41000, "FINAL")).when().put(VALUE, code, 2003)
                .then().statusCode(200).body("recordedBy", equalTo("李雷 (u-lilei)"));
    }

    private static ValidatableResponse anonymous(String path, Object... params) {
        return given().header("Authorization", Tokens.ANONYMOUS).when().get(path, params).then().statusCode(200);
    }

    private static ValidatableResponse signedIn(String path, Object... params) {
        return given().header("Authorization", Tokens.bearer(Tokens.reporter())).when().get(path, params).then().statusCode(200);
    }

    private static void noPerson(ValidatableResponse response) {
        response.body(not(containsString("王芳"))).body(not(containsString("李雷")))
                .body(not(containsString("u-wangfang"))).body(not(containsString("u-lilei")));
    }

    @Test
    void anonymousReadersSeeTheLeadDepartmentAndAnyTokenSeesThePeople() {
        ValidatableResponse value = anonymous(VALUE, code, 2003).body("recordedBy", equalTo("HEALTH")).body("supersededBy", nullValue())
                .header("Vary", containsString("Authorization"));
        noPerson(value);
        ValidatableResponse list = anonymous(VALUE.replace("/{year}", ""), code).body("recordedBy", contains("HEALTH"));
        noPerson(list);
        ValidatableResponse history = anonymous(VALUE + "/history", code, 2003)
                .body("recordedBy", contains("HEALTH", "HEALTH")).body("supersededBy", contains("HEALTH", null));
        noPerson(history);

        // Any valid token, not only the writers' roles: a reporter.
        signedIn(VALUE, code, 2003).body("recordedBy", equalTo("李雷 (u-lilei)")).header("ETag", "\"2\"")
                .header("Vary", containsString("Authorization"));
        signedIn(VALUE + "/history", code, 2003)
                .body("recordedBy", contains("王芳 (u-wangfang)", "李雷 (u-lilei)")).body("supersededBy", contains("李雷 (u-lilei)", null));

        // The audit trail (admins only) keeps who did it.
        given().queryParam("resourceType", "observation").queryParam("resource", code + "/2003").when().get("/api/v1/audit")
                .then().statusCode(200).body("items.after.recordedBy", contains("李雷 (u-lilei)", "王芳 (u-wangfang)"));
    }

    /** A value's ETag is its revision, for If-Match; the anonymous answer is another representation with a tag of its own. */
    @Test
    void theAnonymousAnswerHasAnETagOfItsOwn() {
        String anonymousTag = anonymous(VALUE, code, 2003).header("ETag", matchesPattern(CONTENT_TAG)).extract().header("ETag");
        String signedInTag = signedIn(VALUE, code, 2003).extract().header("ETag");
        assertEquals("\"2\"", signedInTag);
        given().header("Authorization", Tokens.ANONYMOUS).header("If-None-Match", anonymousTag).when().get(VALUE, code, 2003)
                .then().statusCode(304).header("Vary", containsString("Authorization"));
        // Each holding the other's tag gets the full answer of its own kind, never a 304 for the other's.
        given().header("Authorization", Tokens.ANONYMOUS).header("If-None-Match", signedInTag).when().get(VALUE, code, 2003)
                .then().statusCode(200).body("recordedBy", equalTo("HEALTH"));
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).header("If-None-Match", anonymousTag).when().get(VALUE, code, 2003)
                .then().statusCode(200).body("recordedBy", equalTo("李雷 (u-lilei)"));
        // Writes take the revision, not the anonymous answer's tag.
        given().header("Authorization", Tokens.bearer(Tokens.department("HEALTH"))).header("If-Match", anonymousTag)
                .contentType(ContentType.JSON).body(observation(42000, "FINAL")).when().put(VALUE, code, 2003).then().statusCode(412);
    }

    /** The cache keeps one answer per kind of reader: whichever asks first, the other gets its own. */
    @Test
    void theCacheNeverGivesOneKindOfReaderTheOthersAnswer() {
        String list = VALUE.replace("/{year}", "");
        // Signed in first, then anonymous: the anonymous read is not the kept answer with people.
        signedIn(list, code).body("recordedBy", contains("李雷 (u-lilei)"));
        noPerson(anonymous(list, code).body("recordedBy", contains("HEALTH")));
        // Both are kept now (no statement of Hibernate's), each for its own kind.
        SqlStatements.Counted<Response> anonymousAgain = SqlStatements.during(sessions,
                () -> given().header("Authorization", Tokens.ANONYMOUS).when().get(list, code).then().statusCode(200).extract().response());
        assertEquals(0, anonymousAgain.statements(), "the anonymous answer is kept");
        assertEquals(List.of("HEALTH"), anonymousAgain.result().jsonPath().getList("recordedBy"));
        SqlStatements.Counted<Response> signedInAgain = SqlStatements.during(sessions,
                () -> given().header("Authorization", Tokens.bearer(Tokens.planner())).when().get(list, code).then().statusCode(200).extract().response());
        assertEquals(0, signedInAgain.statements(), "the answer with people is kept");
        assertEquals(List.of("李雷 (u-lilei)"), signedInAgain.result().jsonPath().getList("recordedBy"));
        assertNotEquals(anonymousAgain.result().header("ETag"), signedInAgain.result().header("ETag"));

        // Anonymous first (after a write, so nothing is kept), then signed in: the signed-in read gets the people.
        given().header("Authorization", Tokens.bearer(Tokens.department("HEALTH"))).contentType(ContentType.JSON)
                .body(observation(39000, "FINAL")).when().put(VALUE, code, 2002).then().statusCode(201);
        noPerson(anonymous(VALUE + "/history", code, 2003).body("recordedBy", contains("HEALTH", "HEALTH")));
        signedIn(VALUE + "/history", code, 2003).body("recordedBy", contains("王芳 (u-wangfang)", "李雷 (u-lilei)"));
        noPerson(anonymous(VALUE, code, 2003).body("recordedBy", equalTo("HEALTH")));
        signedIn(VALUE, code, 2003).body("recordedBy", equalTo("李雷 (u-lilei)"));
    }

    /** The department shown is the lead one as it is now; an indicator without departments shows admin, who alone may record its values. */
    @Test
    void theLeadDepartmentIsTheOneInForceAndWithoutDepartmentsItIsAdmin() {
        Map<String, Object> body = Fixtures.indicator(code, 1, "居民人均可支配收入", "元", "50000");
        body.put("departments", List.of(Fixtures.role("EDUCATION", "LEAD"), Fixtures.role("HEALTH", "SUPPORT")));
        String etag = given().when().get("/api/v1/indicators/{code}", code).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).contentType(ContentType.JSON).body(body).when().put("/api/v1/indicators/{code}", code)
                .then().statusCode(200);
        anonymous(VALUE, code, 2003).body("recordedBy", equalTo("EDUCATION"));

        String orphan = Fixtures.code("I");
        Map<String, Object> none = Fixtures.indicator(orphan, 2, "无部门指标", "元", "100");
        none.put("departments", List.of());
        given().contentType(ContentType.JSON).body(none).when().post("/api/v1/plans/{plan}/indicators", plan).then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.of("u-zhao", "赵敏", List.of("admin"), List.of()))).contentType(ContentType.JSON)
                .body(observation(10, "FINAL")).when().put(VALUE, orphan, 2003).then().statusCode(201);
        anonymous(VALUE, orphan, 2003).body("recordedBy", equalTo("admin")).body(not(containsString("赵敏")));
    }
}
