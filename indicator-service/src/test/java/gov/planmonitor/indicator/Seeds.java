package gov.planmonitor.indicator;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Loads the project's seeds through the import API, as ./run does. Idempotent, so any test may call it. */
public final class Seeds {

    public static final Path DIR = Path.of("..", "seeds", "indicators");
    public static final String[] ORDER = {"departments", "plans", "indicators", "tasks", "observations"};

    private Seeds() {
    }

    public static byte[] file(String entity) {
        try {
            return Files.readAllBytes(DIR.resolve(entity + ".csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void load() {
        for (String entity : ORDER) {
            given().contentType("text/csv").body(file(entity)).queryParam("entity", entity)
                    .when().post("/api/v1/imports")
                    .then().statusCode(200).contentType(ContentType.JSON).body("applied", equalTo(true));
        }
    }
}
