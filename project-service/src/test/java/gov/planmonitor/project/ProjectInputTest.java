package gov.planmonitor.project;

import gov.planmonitor.testsupport.DeepBodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input gets a Problem that says what is wrong, and nothing is written. */
@QuarkusTest
class ProjectInputTest {

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    private static String body(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"nameZh\":\"测试项目\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\"" + extra + "}";
    }

    private static void rejected(String json, int status, String field) {
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/projects")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue())
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void unknownIndicatorCodesAreRejected() {
        String id = Fixtures.code("P");
        rejected(body(id, ",\"indicators\":[\"FYP13-99X\"]"), 422, "indicators");
        given().when().get("/api/v1/projects/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(body(id, ",\"indicators\":[\"FYP13-21\"]")).when().post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void anIndicatorServiceOutageIsA503NotAGuess() {
        String id = Fixtures.code("P");
        given().contentType(ContentType.JSON).body(body(id, ",\"indicators\":[\"DOWN-01\"]")).when().post("/api/v1/projects")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("unavailable"));
        given().when().get("/api/v1/projects/" + id).then().statusCode(404);
    }

    @Test
    void malformedAndInvalidBodies() {
        String id = Fixtures.code("P");
        given().contentType(ContentType.JSON).body("{\"id\":").when().post("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json");
        rejected(body(id, ",\"colour\":\"red\""), 400, "colour");
        rejected(body(id, ",\"totalPlannedInvestment\":\"lots\""), 400, "totalPlannedInvestment");
        rejected(body(id, ",\"totalPlannedInvestment\":-5"), 400, "totalPlannedInvestment");
        rejected(body(id, ",\"totalPlannedInvestment\":1e400"), 400, "totalPlannedInvestment");
        rejected(body(id, ",\"status\":\"FINISHED\""), 400, "status");
        rejected(body(id, ",\"zone\":\"MARS\""), 422, "zone");
        rejected(body(id, ",\"category\":\"NOPE\"").replace("\"category\":\"PEOPLES_LIVELIHOOD\",", ""), 422, "category");
        rejected(body(id, ",\"lists\":[{\"code\":\"NOPE\",\"seq\":1}]"), 422, "lists");
        rejected(body(id, ",\"departments\":[{\"code\":\"DRC\",\"role\":\"SUPPORT\"}]"), 422, "departments");
        // the index of the department at fault follows the list's name
        rejected(body(id, ",\"departments\":[{\"code\":\"DRC\",\"role\":\"LEAD\"},{\"code\":\"FIN\",\"role\":\"BOSS\"}]"), 400, "departments[1].role");
        rejected(body(id, ",\"location\":{\"latitude\":123}"), 400, "location.latitude");
        rejected(body(id, ",\"progressPercent\":101"), 400, "progressPercent");
        rejected(body(id, "").replace("测试项目", "长".repeat(301)), 400, "nameZh");
        given().when().get("/api/v1/projects/" + id).then().statusCode(404);
    }

    /** An enumerated query parameter is one of its values exactly: empty is not "any", and no other case or padding passes. */
    @Test
    void enumeratedQueryParametersAreReadExactly() {
        for (String[] bad : new String[][]{{"status", ""}, {"status", "pending"}, {"status", "PREPARATION "}, {"status", " PREPARATION"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/projects").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]))
                    .body("detail", containsString("IDENTIFICATION"));
        }
        for (String format : new String[]{"", "JSON", "json ", "Csv"}) {
            given().queryParam("format", format).when().get("/api/v1/exports").then().statusCode(400).body("errors[0].field", equalTo("format"));
        }
        given().queryParam("status", "PREPARATION").when().get("/api/v1/projects").then().statusCode(200);
    }

    /** A body nested ten times deeper than the reader goes is a 400, on a write that reads an object. */
    @Test
    void bodiesNestedTenThousandDeepAreRefused() {
        String id = Fixtures.code("P");
        for (String deep : new String[]{"{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "[".repeat(10_000) + "]".repeat(10_000),
                "{\"id\":\"" + id + "\",\"nameZh\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"}) {
            DeepBodies.given().contentType(ContentType.JSON).body(deep).when().post("/api/v1/projects").then().statusCode(400)
                    .contentType("application/problem+json").body("type", containsString("malformed-body"));
        }
        given().when().get("/api/v1/projects/" + id).then().statusCode(404);
    }

    @Test
    void duplicatesConflict() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "测试项目");
        rejected(body(p, ""), 409, null);
    }

    @Test
    void updatesNeedTheETag() {
        String p = Fixtures.project(Fixtures.list(2018), 1, "测试项目");
        String etag = given().when().get("/api/v1/projects/" + p).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).body(body(p, ",\"tasksZh\":\"新任务\"")).when().put("/api/v1/projects/" + p).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body(body(p, ",\"tasksZh\":\"新任务\""))
                .when().put("/api/v1/projects/" + p).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body(p, ",\"tasksZh\":\"新任务\""))
                .when().put("/api/v1/projects/" + p).then().statusCode(200).body("tasksZh", equalTo("新任务"))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
    }

    @Test
    void unknownProjectAndListAreNotFound() {
        given().when().get("/api/v1/projects/NOPE-1").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/project-lists/NOPE/summary").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/projects/NOPE-1/investments").then().statusCode(404);
    }
}
