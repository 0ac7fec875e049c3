package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.DeepBodies;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no resource can use is refused with a 400 Problem that says why, never a 500, and nothing is written:
 * NUL characters, pages beyond any list, deep nesting, data after the document, values of the
 * wrong JSON type, booleans that are neither true nor false, numbers with spaces.
 */
@QuarkusTest
class HostileInputTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    private static String planJson(String code, String titleZh, String titleEnJson) {
        return "{\"code\":\"" + code + "\",\"kind\":\"FIVE_YEAR\",\"startYear\":2021,\"endYear\":2025,\"titleZh\":\"" + titleZh
                + "\",\"titleEn\":" + titleEnJson + "}";
    }

    @Test
    void theNulCharacterIsRefusedInThePathTheQueryAndTheBody() {
        problem(given().urlEncodingEnabled(false).when().get("/api/v1/plans/FY%00P13").then(), 400).body("detail", containsString("NUL"));
        problem(given().urlEncodingEnabled(false).when().get("/api/v1/plans/FYP13/indicators?q=a%00b").then(), 400);
        String code = Fixtures.code("P");
        problem(given().contentType("application/json").body(planJson(code, "a\\u0000b", "\"x\"")).when().post("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("titleZh"));
        problem(given().contentType("text/csv").body(("code,kind,startYear,endYear,titleZh,titleEn,parent\n" + code + ",FIVE_YEAR,2021,2025,甲\u0000乙,x,\n")
                .getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports?entity=plans").then(), 422).body("errors[0].field", equalTo("titleZh"));
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
    }

    @Test
    void malformedPercentEscapesAreRefusedWithAProblem() throws Exception {
        // No HTTP client library sends these, so they go over a plain socket.
        for (String target : new String[]{"/api/v1/plans/FY%zzP13", "/api/v1/plans/FYP13%", "/api/v1/plans/FYP13/indicators?q=50%"}) {
            String answer = rawGet(target);
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " answered " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("%25"), answer);
        }
        for (String target : new String[]{"/api/v1/plans/{FYP13}", "/api/v1/plans/FYP13\\x", "/api/v1/plans/FYP13/indicators?q=a|b"}) {
            String answer = rawGet(target);
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " answered " + answer);
            assertTrue(answer.contains("must be percent-encoded"), answer);
        }
        // A well-formed escape is still read: %31%33 is "13".
        given().urlEncodingEnabled(false).when().get("/api/v1/plans/FYP%31%33").then().statusCode(200).body("code", equalTo("FYP13"));
    }

    private static String rawGet(String target) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deepNestingAndTrailingDataAreRefused() {
        problem(DeepBodies.given().contentType("application/json").body("[".repeat(1500) + "]".repeat(1500)).when().post("/api/v1/plans").then(), 400);
        problem(DeepBodies.given().contentType("application/json").body("{\"code\":" + "[".repeat(3000) + "]".repeat(3000) + "}").when().post("/api/v1/plans").then(), 400);
        String code = Fixtures.code("P");
        problem(given().contentType("application/json").body(planJson(code, "甲", "\"x\"") + "}").when().post("/api/v1/plans").then(), 400);
        problem(given().contentType("application/json").body(planJson(code, "甲", "\"x\"") + planJson(code, "乙", "\"y\"")).when().post("/api/v1/plans").then(), 400);
        // An import in JSON too: a second document after the first is refused, not ignored.
        String imported = "{\"plans\":[{\"code\":\"" + code + "\",\"kind\":\"FIVE_YEAR\",\"startYear\":2021,\"endYear\":2025,\"titleZh\":\"甲\",\"titleEn\":\"x\"}]}";
        given().contentType("application/json").body(imported).when().post("/api/v1/imports?dryRun=true").then().statusCode(200);
        problem(given().contentType("application/json").body(imported + "{\"plans\":[]}").when().post("/api/v1/imports").then(), 422)
                .body("errors[0].message", containsString("not valid JSON"));
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
    }

    /** Ten times deeper than the reader goes, in objects (once a 500: the limit tripped while skipping an unknown field). */
    @Test
    void bodiesNestedTenThousandDeepAreRefused() {
        String code = Fixtures.code("P");
        for (String deep : new String[]{"{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "[".repeat(10_000) + "]".repeat(10_000),
                planJson(code, "甲", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))}) {
            problem(DeepBodies.given().contentType("application/json").body(deep).when().post("/api/v1/plans").then(), 400)
                    .body("type", containsString("malformed-body"));
        }
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
    }

    /** An enumerated query parameter is one of its values exactly: empty is not "any", and no other case or padding passes. */
    @Test
    void enumeratedQueryParametersAreReadExactly() {
        for (String[] bad : new String[][]{{"kind", ""}, {"kind", "annual"}, {"kind", "ANNUAL "}, {"kind", " ANNUAL"}}) {
            problem(given().queryParam(bad[0], bad[1]).when().get("/api/v1/plans").then(), 400)
                    .body("errors[0].field", equalTo(bad[0])).body("detail", containsString("FIVE_YEAR, ANNUAL"));
        }
        for (String attribute : new String[]{"", "binding", "BINDING\t"}) {
            problem(given().queryParam("attribute", attribute).when().get("/api/v1/plans/FYP13/indicators").then(), 400)
                    .body("errors[0].field", equalTo("attribute"));
        }
        for (String format : new String[]{"", "JSON", "json ", "Xlsx"}) {
            problem(given().queryParam("format", format).when().get("/api/v1/exports").then(), 400).body("errors[0].field", equalTo("format"));
        }
        given().queryParam("kind", "ANNUAL").when().get("/api/v1/plans").then().statusCode(200);
        given().queryParam("format", "csv").queryParam("entity", "plans").when().get("/api/v1/exports").then().statusCode(200);
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefused() {
        String code = Fixtures.code("P");
        problem(given().contentType("application/json").body(planJson(code, "甲", "1.5")).when().post("/api/v1/plans").then(), 400)
                .body("errors[0].field", equalTo("titleEn"));
        problem(given().contentType("application/json").body(planJson(code, "甲", "true")).when().post("/api/v1/plans").then(), 400);
        problem(given().contentType("application/json").body(planJson(code, "甲", "\"x\"").replace("\"startYear\":2021", "\"startYear\":\"2021\""))
                .when().post("/api/v1/plans").then(), 400).body("errors[0].field", equalTo("startYear"));
        problem(given().contentType("application/json").body(planJson(code, "甲", "\"x\"").replace("\"startYear\":2021", "\"startYear\":2021.5"))
                .when().post("/api/v1/plans").then(), 400);
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
    }

    @Test
    void parametersAreReadExactly() {
        for (String junk : new String[] {"chinese", "' OR 1=1--", "1", "TRUE "}) {
            problem(given().contentType("text/csv").body("code,kind,startYear,endYear,titleZh,titleEn,parent\n").queryParam("dryRun", junk)
                    .when().post("/api/v1/imports?entity=plans").then(), 400).body("detail", containsString("dryRun"));
        }
        problem(given().queryParam("page", " 1").when().get("/api/v1/plans").then(), 400);
        problem(given().queryParam("year", "2017 ").when().get("/api/v1/plans").then(), 400);
    }

    @Test
    void textForDecimalsAndNumbersForDatesAreRefused() {
        problem(given().contentType("application/json").body("{\"value\":\"12.5\",\"status\":\"FINAL\"}")
                .when().put("/api/v1/indicators/FYP13-01/observations/2017").then(), 400).body("detail", containsString("value"));
        // Lenient java.time would read 1 as 1970-01-02.
        problem(given().contentType("application/json").body("{\"effectiveFrom\":1}")
                .when().post("/api/v1/indicators/FYP13-01/targets").then(), 400).body("detail", containsString("effectiveFrom"));
    }

    @Test
    void invalidUtf8AndLoneSurrogatesAreRefused() {
        String code = Fixtures.code("P");
        byte[] json = planJson(code, "甲", "\"x\"").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(json, json.length);
        int at = new String(json, StandardCharsets.ISO_8859_1).indexOf("\"x\"") + 1;
        broken[at] = (byte) 0xFF;
        problem(given().contentType("application/json").body(broken).when().post("/api/v1/plans").then(), 400)
                .body("detail", containsString("UTF-8"));
        // C0 AF is an overlong "/": a lenient decoder reads it, UTF-8 forbids it.
        byte[] overlong = new byte[json.length + 1];
        System.arraycopy(json, 0, overlong, 0, at);
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        System.arraycopy(json, at + 1, overlong, at + 2, json.length - at - 1);
        problem(given().contentType("application/json").body(overlong).when().post("/api/v1/plans").then(), 400);
        problem(given().contentType("application/json").body(planJson(code, "甲", "\"a\\ud800b\"")).when().post("/api/v1/plans").then(), 400)
                .body("detail", containsString("titleEn"));
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
    }

    @Test
    void jsonMustBeUtf8() {
        String code = Fixtures.code("P");
        String json = planJson(code, "甲", "\"x\"");
        problem(given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_16)).when().post("/api/v1/plans").then(), 400)
                .body("detail", containsString("UTF-8"));
        problem(given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_16LE)).when().post("/api/v1/plans").then(), 400);
        problem(given().contentType("application/json; charset=UTF-16").body(json.getBytes(StandardCharsets.UTF_16)).when().post("/api/v1/plans").then(), 400);
        problem(given().when().get("/api/v1/plans/" + code).then(), 404);
        given().contentType("application/json; charset=UTF-8").body(json.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/plans").then().statusCode(201);
    }
}
