package gov.planmonitor.report;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Requests a report through the API and waits for its job, as a client would. */
final class Reports {

    static final String ANNUAL_2017 = "{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017,\"asOf\":\"2018-02-08T00:00:00Z\"}";

    private Reports() {
    }

    /** Requests a report: 202, queued, with its Location. Returns its id. */
    static String request(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports")
                .then().statusCode(202).header("Location", containsString("/api/v1/reports/"))
                .body("status", equalTo("QUEUED")).extract().path("id");
    }

    /** Polls a report until its job ends; returns SUCCEEDED or FAILED. */
    static String awaitFinished(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status = given().when().get("/api/v1/reports/" + id).then().statusCode(200).extract().path("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("report " + id + " did not finish");
    }

    /** The id of a SUCCEEDED report for the request body. */
    static String generated(String body) {
        String id = request(body);
        assertEquals("SUCCEEDED", awaitFinished(id), "report " + id);
        return id;
    }
}
