package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent writers holding the same ETag: exactly one wins, the others learn that they lost; none gets a 500. */
@QuarkusTest
class ConcurrencyTest {

    private static final int WRITERS = 8;

    private record Result(int writer, int status, String etag, String body) {
    }

    @Test
    void concurrentUpdatesWithTheSameETagLetExactlyOneThrough() throws Exception {
        String code = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String etag = given().when().get("/api/v1/plans/{code}", code).then().statusCode(200).extract().header("ETag");
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/plans/" + code);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                String json = """
                        {"code": "%s", "kind": "FIVE_YEAR", "startYear": 2001, "endYear": 2005,
                         "titleZh": "测试规划%s", "titleEn": "Writer %d"}
                        """.formatted(code, code, writer);
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("If-Match", etag)
                        .header("Authorization", Tokens.bearer(Tokens.of("u-writer-" + writer, "writer-" + writer, java.util.List.of("admin"), java.util.List.of())))
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build();
                futures.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    return new Result(writer, response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
                }));
            }
            start.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }

            List<Result> winners = results.stream().filter(r -> r.status() == 200).toList();
            assertEquals(1, winners.size(), "exactly one update must succeed: " + results);
            for (Result r : results) {
                if (r.status() != 200) {
                    assertTrue(Set.of(412, 428).contains(r.status()), "a losing writer got " + r);
                    assertTrue(r.body().contains("\"status\":" + r.status()), "not a Problem: " + r);
                }
            }
            long preconditionFailed = results.stream().filter(r -> r.status() == 412).count();
            assertEquals(WRITERS - 1, preconditionFailed, "the others hold a stale ETag: " + results);

            Result winner = winners.get(0);
            assertNotEquals(etag, winner.etag());
            given().when().get("/api/v1/plans/{code}", code)
                    .then().statusCode(200)
                    .header("ETag", equalTo(winner.etag()))
                    .body("titleEn", equalTo("Writer " + winner.writer()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstWritesOfAnObservationCreateOneValue() throws Exception {
        Fixtures.seeds();
        String plan = Fixtures.createPlan("FIVE_YEAR", 2001, 2005);
        String indicator = Fixtures.createIndicator(plan, 1, "地区生产总值", "亿元", "3000");
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/indicators/" + indicator + "/observations/2002");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", Tokens.bearer(Tokens.of("u-writer-" + writer, "writer-" + writer, java.util.List.of("admin"), java.util.List.of())))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + (100 + writer) + ", \"status\": \"FINAL\"}"))
                        .build();
                futures.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Result(writer, response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
                }));
            }
            start.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            List<Result> created = results.stream().filter(r -> r.status() == 201).toList();
            assertEquals(1, created.size(), "exactly one first write creates the value: " + results);
            for (Result r : results) {
                if (r.status() != 201) {
                    assertTrue(Set.of(412, 428).contains(r.status()), "a losing writer got " + r);
                }
            }
            int value = 100 + created.get(0).writer();
            given().when().get("/api/v1/indicators/{code}/observations/2002/history", indicator)
                    .then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].value", equalTo(value));
        } finally {
            pool.shutdownNow();
        }
    }
}
