package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.SqlStatements;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cached reads: an unchanged database answers from memory (no statement of Hibernate's), If-None-Match gets 304, and
 * any committed write, through this service or straight into the database as another replica would, is in the next
 * read.
 */
@QuarkusTest
class ReadCacheTest {

    @Inject
    SessionFactory sessions;

    @Inject
    AgroalDataSource dataSource;

    private String plan;
    private String indicator;

    @BeforeEach
    void planWithAnIndicator() {
        Fixtures.seeds();
        plan = Fixtures.createPlan("FIVE_YEAR", 2021, 2025);
        indicator = Fixtures.createIndicator(plan, 1, "缓存测试指标", "%", "≥5");
    }

    private String page() {
        return "/api/v1/plans/" + plan + "/indicators";
    }

    @Test
    void anUnchangedDatabaseIsAnsweredFromMemoryAndIfNoneMatchGets304() {
        Response first = given().when().get(page()).then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\"")).header("Cache-Control", "no-cache")
                .body("items[0].code", equalTo(indicator)).extract().response();
        String etag = first.header("ETag");

        SqlStatements.Counted<Response> again = SqlStatements.during(sessions,
                () -> given().when().get(page()).then().statusCode(200).extract().response());
        assertEquals(0, again.statements(), "a read of unchanged data runs no statement of its own");
        assertArrayEquals(first.asByteArray(), again.result().asByteArray());
        assertEquals(etag, again.result().header("ETag"));

        given().header("If-None-Match", etag).when().get(page()).then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "no-cache").body(emptyString());
        given().header("If-None-Match", "\"something-else\", " + etag).when().get(page()).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").when().get(page()).then().statusCode(200)
                .body("items[0].code", equalTo(indicator));
    }

    @Test
    void noCacheInTheRequestComputesTheAnswerAfresh() {
        given().when().get(page()).then().statusCode(200);
        long statements = SqlStatements.of(sessions,
                () -> given().header("Cache-Control", "no-cache").when().get(page()).then().statusCode(200));
        assertEquals(1, statements, "the page's one statement");
    }

    @Test
    void aWriteThroughTheApiIsInTheNextRead() {
        String etag = given().when().get(page()).then().statusCode(200).extract().header("ETag");
        Fixtures.createIndicator(plan, 2, "第二个指标", "%", "≥6");
        given().header("If-None-Match", etag).when().get(page()).then().statusCode(200)
                .header("ETag", not(equalTo(etag))).body("items.size()", equalTo(2));
    }

    /** Another replica shares nothing with this one but the database: a row changed there must show here at once. */
    @Test
    void aWriteCommittedByAnotherReplicaIsInTheNextRead() throws SQLException {
        Response before = given().when().get("/api/v1/indicators/" + indicator).then().statusCode(200).extract().response();
        String pageTag = given().when().get(page()).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", before.header("ETag")).when().get("/api/v1/indicators/" + indicator)
                .then().statusCode(304);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE indicator SET name_en = ?, version = version + 1 WHERE code = ?")) {
            update.setString(1, "Renamed by another replica");
            update.setString(2, indicator);
            assertEquals(1, update.executeUpdate());
        }

        given().header("If-None-Match", before.header("ETag")).when().get("/api/v1/indicators/" + indicator)
                .then().statusCode(200).body("nameEn", equalTo("Renamed by another replica"))
                .header("ETag", not(equalTo(before.header("ETag"))));
        given().header("If-None-Match", pageTag).when().get(page()).then().statusCode(200)
                .body("items[0].nameEn", equalTo("Renamed by another replica"));
    }

    /** The indicator's own ETag (its row version, for If-Match) is the one a cached read sends and checks. */
    @Test
    void aResourceKeepsItsVersionAsETag() {
        String etag = given().when().get("/api/v1/indicators/" + indicator).then().statusCode(200)
                .header("ETag", matchesPattern(Fixtures.ETAG_PATTERN)).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/indicators/" + indicator).then().statusCode(304)
                .header("ETag", etag);
        String pageTag = given().when().get(page()).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, pageTag, "the page's ETag is its content's, not a row version");
    }

    /**
     * Sixteen simultaneous first reads of an answer (after a write) compute it once: the others wait for it instead
     * of running the same read at once. (At most one more, should PostgreSQL's autovacuum commit in between and make
     * a newer version.)
     */
    @Test
    void simultaneousFirstReadsComputeTheAnswerOnce() throws Exception {
        Fixtures.createIndicator(plan, 2, "并发首读指标", "%", "≥6");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            long statements = SqlStatements.of(sessions, () -> {
                List<Future<Integer>> reads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    reads.add(clients.submit(() -> given().when().get(page()).then().extract().statusCode()));
                }
                for (Future<Integer> read : reads) {
                    try {
                        assertEquals(200, read.get(30, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            assertTrue(statements <= 2, "16 simultaneous reads ran " + statements + " statements; the page is one");
        } finally {
            clients.shutdownNow();
        }
    }

    /** Errors are never kept: an unknown plan stays 404 after it is created, and then answers. */
    @Test
    void errorsAreNotKept() {
        String code = Fixtures.code("P");
        given().when().get("/api/v1/plans/" + code + "/indicators").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Fixtures.plan(code, "FIVE_YEAR", 2021, 2025, null))
                .when().post("/api/v1/plans").then().statusCode(201);
        given().when().get("/api/v1/plans/" + code + "/indicators").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
