package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Lists take updatedSince: only what was created or changed from then on (plans, a plan's indicators, departments). */
@QuarkusTest
class UpdatedSinceTest {

    @BeforeEach
    void seeds() {
        Fixtures.seeds();
    }

    @Test
    void listsGiveOnlyWhatChangedSinceTheTimeGiven() throws Exception {
        String before = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String department = Fixtures.departmentCode("US");
        given().contentType(ContentType.JSON).body(Map.of("code", department, "nameZh", "测试局", "nameEn", "Test bureau"))
                .when().post("/api/v1/departments").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Fixtures.indicator(Fixtures.code("I"), 1, "旧指标", "%", "≥5"))
                .when().post("/api/v1/plans/" + before + "/indicators").then().statusCode(201);
        Thread.sleep(20);
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String after = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        String indicator = Fixtures.code("I");
        given().contentType(ContentType.JSON).body(Fixtures.indicator(indicator, 2, "新指标", "%", "≥5"))
                .when().post("/api/v1/plans/" + before + "/indicators").then().statusCode(201);

        given().queryParam("updatedSince", since).queryParam("size", 200).when().get("/api/v1/plans").then().statusCode(200)
                .body("items.code", hasItem(after)).body("items.code", not(hasItem(before)));
        given().queryParam("updatedSince", since).when().get("/api/v1/plans/" + before + "/indicators").then().statusCode(200)
                .body("items.code", equalTo(List.of(indicator))).body("total", equalTo(1));
        given().queryParam("updatedSince", since).queryParam("size", 200).when().get("/api/v1/departments").then().statusCode(200)
                .body("items.code", not(hasItem(department)));
        given().queryParam("updatedSince", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString()).queryParam("size", 200)
                .when().get("/api/v1/departments").then().statusCode(200).body("items.code", hasItem(department));
        given().queryParam("updatedSince", "yesterday").when().get("/api/v1/plans").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("updatedSince"));
    }
}
