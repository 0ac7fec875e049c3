package gov.planmonitor.project;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Test data through the API: the project seeds (as ./run loads them) and fresh codes for test-owned data. */
public final class Fixtures {

    public static final Path SEEDS = Path.of("..", "seeds", "projects");
    public static final String[] ORDER = {"categories", "lists", "projects", "investments", "milestones"};
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {
    }

    /** A code no other test uses. */
    public static String code(String prefix) {
        return prefix + "-" + (System.nanoTime() % 100_000) + "X" + COUNTER.incrementAndGet();
    }

    public static byte[] seed(String entity) {
        try {
            return Files.readAllBytes(SEEDS.resolve(entity + ".csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads every seed file present, through the import API. Idempotent. */
    public static void loadSeeds() {
        for (String entity : ORDER) {
            if (!Files.exists(SEEDS.resolve(entity + ".csv"))) {
                continue;
            }
            given().contentType("text/csv").body(seed(entity)).queryParam("entity", entity)
                    .when().post("/api/v1/imports")
                    .then().statusCode(200).contentType(ContentType.JSON).body("applied", equalTo(true));
        }
    }

    /** A list of the year with no members. */
    public static String list(Integer year) {
        String code = code("L");
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"nameZh\":\"测试清单\",\"nameEn\":\"Test list\",\"year\":" + year + "}")
                .when().post("/api/v1/project-lists").then().statusCode(201);
        return code;
    }

    /** A project in the PEOPLES_LIVELIHOOD category (seeded), on the given list. */
    public static String project(String list, int seq, String nameZh) {
        String id = code("P");
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"nameZh\":\"" + nameZh + "\",\"nameEn\":\"Test project\",\"category\":\"PEOPLES_LIVELIHOOD\","
                        + "\"lists\":[{\"code\":\"" + list + "\",\"seq\":" + seq + "}]}")
                .when().post("/api/v1/projects").then().statusCode(201);
        return id;
    }
}
