package gov.planmonitor.project;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Bulk import and export of projects: dry run, all-or-nothing with row errors, idempotent, round trips. */
@QuarkusTest
class ProjectImportExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void seeds() {
        Fixtures.loadSeeds();
    }

    private static io.restassured.response.ValidatableResponse importCsv(String entity, String csv, boolean dryRun) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("entity", entity).queryParam("dryRun", dryRun).when().post("/api/v1/imports").then();
    }

    @Test
    void seedsImportedAgainChangeNothing() {
        for (String entity : new String[]{"categories", "lists", "projects"}) {
            given().contentType("text/csv").body(Fixtures.seed(entity)).queryParam("entity", entity).when().post("/api/v1/imports")
                    .then().statusCode(200).body("counts." + entity + ".CREATED", equalTo(0)).body("counts." + entity + ".UPDATED", equalTo(0));
        }
    }

    @Test
    void investmentsAreAllOrNothingWithRowErrorsAndADryRun() {
        String list = Fixtures.list(2017);
        String a = Fixtures.project(list, 1, "项目甲");
        String b = Fixtures.project(list, 2, "项目乙");
        String bad = "project,year,plannedYuan,completedYuan,note\n"
                + a + ",2017,100000000,112500000,\n"
                + b + ",2017,-5,1,\n"
                + "NOPE-9,2017,1,1,\n";
        importCsv("investments", bad, false).statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("plannedYuan"))
                .body("errors[1].row", equalTo(3)).body("errors[1].message", containsString("NOPE-9"));
        given().when().get("/api/v1/projects/" + a + "/investments").then().body("$", hasSize(0));

        String good = "project,year,plannedYuan,completedYuan,note\n" + a + ",2017,100000000,112500000,\n" + b + ",2017,60000000,67500000,\n";
        importCsv("investments", good, true).statusCode(200).body("applied", equalTo(false)).body("counts.investments.CREATED", equalTo(2));
        given().when().get("/api/v1/projects/" + a + "/investments").then().body("$", hasSize(0));
        importCsv("investments", good, false).statusCode(200).body("counts.investments.CREATED", equalTo(2));
        importCsv("investments", good, false).statusCode(200).body("counts.investments.UNCHANGED", equalTo(2));
        given().when().get("/api/v1/project-lists/" + list + "/summary").then().body("investment.completionRatio", equalTo(112.5f));
    }

    @Test
    void wrongColumnsAreRejected() {
        importCsv("projects", "code,name\nX,Y\n", false).statusCode(422).body("errors[0].field", equalTo("header"));
    }

    @Test
    void csvAndXlsxExportsRoundTripUnchanged() {
        byte[] csv = given().queryParam("format", "csv").queryParam("entity", "projects").queryParam("list", "FYP13-KEY")
                .when().get("/api/v1/exports").then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        given().contentType("text/csv").body(csv).queryParam("entity", "projects").when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.projects.UNCHANGED", equalTo(70));
        byte[] book = given().queryParam("format", "xlsx").queryParam("list", "FYP13-KEY").when().get("/api/v1/exports")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        given().contentType(XLSX).body(book).when().post("/api/v1/imports")
                .then().statusCode(200).body("counts.projects.UNCHANGED", equalTo(70)).body("counts.projects.UPDATED", equalTo(0))
                .body("counts.lists.UNCHANGED", equalTo(1));
    }

    /** An export needs a token (any role) unless EXPORTS_PUBLIC=true: 401 without one, before anything is read. */
    @Test
    void anExportNeedsAToken() {
        given().header("Authorization", Tokens.ANONYMOUS).queryParam("format", "csv").queryParam("entity", "projects")
                .when().get("/api/v1/exports").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("bearer token"));
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).queryParam("format", "csv").queryParam("entity", "lists")
                .queryParam("list", "FYP13-KEY").when().get("/api/v1/exports").then().statusCode(200).body(containsString("FYP13-KEY"));
        given().queryParam("format", "xlsx").queryParam("list", "NO-SUCH-LIST").when().get("/api/v1/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("list"));
    }

    /** An import moves an existing project only along its lifecycle: COMPLETED is not reached from IDENTIFICATION by a file. */
    @Test
    void anImportFollowsTheLifecycle() {
        String list = Fixtures.list(2018);
        String p = Fixtures.project(list, 1, "导入状态项目");
        String header = "code,list,seq,category,nameZh,nameEn,tasksZh,tasksEn,zone,investmentType,departments,status,indicators,note\n";
        String row = p + "," + list + ",1,PEOPLES_LIVELIHOOD,导入状态项目,Test project,,,,,,%s,,\n";
        importCsv("projects", header + row.formatted("COMPLETED"), false).statusCode(422)
                .body("errors[0].field", equalTo("status")).body("errors[0].message", org.hamcrest.Matchers.containsString("cannot move to COMPLETED"));
        given().when().get("/api/v1/projects/" + p).then().body("status", equalTo("IDENTIFICATION"));
        importCsv("projects", header + row.formatted("PREPARATION"), false).statusCode(200);
        given().when().get("/api/v1/projects/" + p).then().body("status", equalTo("PREPARATION"));
    }
}
