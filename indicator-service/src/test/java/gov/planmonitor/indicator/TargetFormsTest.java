package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every target form plans print (src/test/resources/rules/target-forms.csv), set on an indicator through the API: the
 * kind, measure, value and band the parser reads, or the 422 that says what it expected instead.
 */
@QuarkusTest
class TargetFormsTest {

    private static final Map<String, String> PLANS = new HashMap<>();
    private static final Map<String, String> REFERENCES = new HashMap<>();
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    /** One five-year plan (2016–2020) and one annual plan (2017) for all rows, each with a GDP growth indicator to refer to. */
    private static synchronized String plan(String kind) {
        return PLANS.computeIfAbsent(kind, k -> {
            String plan = k.equals("FIVE_YEAR") ? Fixtures.createPlan("FIVE_YEAR", 2016, 2020) : Fixtures.createPlan("ANNUAL", 2017, 2017);
            String reference = Fixtures.code("GDP");
            Map<String, Object> body = Fixtures.indicator(reference, 1, "地区生产总值增长率", "%", "7");
            given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", plan).then().statusCode(201);
            REFERENCES.put(plan, reference);
            return plan;
        });
    }

    @ParameterizedTest(name = "{0} {1} ({2}): {3}")
    @CsvFileSource(resources = "/rules/target-forms.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void theParserReadsWhatPlansPrint(String planKind, String name, String unit, String text, String kind, String expectKind,
                                      String measure, BigDecimal value, BigDecimal tolerance, String refusal, BigDecimal valueHigh,
                                      BigDecimal stretch, Integer baseYear, String direction,
                                      String measures) {
        String plan = plan(planKind);
        String code = Fixtures.code("F");
        Map<String, Object> body = Fixtures.indicator(code, SEQ.incrementAndGet(), name, unit, text);
        if (direction != null) {
            body.put("direction", direction);
        }
        if (measures != null) {
            body.put("measures", measures);
        }
        Map<String, Object> target = new HashMap<>(Fixtures.target(text));
        if (kind != null) {
            target.put("kind", kind);
        }
        if ("RELATIVE".equals(expectKind)) {
            target.put("referenceIndicator", REFERENCES.get(plan));
        }
        body.put("target", target);
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/{plan}/indicators", plan);
        if (refusal != null) {
            problem(response.then(), 422).body("detail", containsString(refusal)).body("errors.field", org.hamcrest.Matchers.hasItem(
                    org.hamcrest.Matchers.startsWith("target")));
            return;
        }
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals(expectKind, response.path("target.kind"), "kind");
        assertEquals(measure, response.path("target.measure"), "measure");
        assertNumber(value, response.path("target.value"), "value");
        assertNumber(tolerance, response.path("target.tolerance"), "tolerance");
        assertNumber(valueHigh, response.path("target.valueHigh"), "valueHigh");
        assertNumber(stretch, response.path("target.stretch"), "stretch");
        assertEquals(baseYear, response.path("target.baseYear"), "baseYear");
        assertEquals(text, response.path("target.text"), "the printed text is kept");
    }

    private static void assertNumber(BigDecimal expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertEquals(0, expected.compareTo(new BigDecimal(String.valueOf(actual))), what + ": expected " + expected + " but was " + actual);
    }
}
