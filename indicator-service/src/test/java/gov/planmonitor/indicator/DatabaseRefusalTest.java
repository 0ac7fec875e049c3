package gov.planmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * A write PostgreSQL refuses is answered by what the refusal means: a broken CHECK rule is the caller's input (422,
 * naming the rule), never a "concurrent change" (409), and nothing is written. (The unique-index race, the one
 * refusal that is a concurrent change, is in ConcurrencyTest.)
 */
@QuarkusTest
class DatabaseRefusalTest {

    private static final String RULE = "plan_title_en_refusal_test";

    @Test
    void aBrokenCheckRuleIsUnprocessableAndWritesNothing() throws SQLException {
        Fixtures.seeds();
        // A rule only the database knows stands in for one validation might miss.
        execute("ALTER TABLE plan ADD CONSTRAINT " + RULE + " CHECK (title_en <> 'Refused by the database') NOT VALID");
        try {
            String code = Fixtures.code("DBR");
            String body = "{\"code\":\"" + code + "\",\"kind\":\"FIVE_YEAR\",\"startYear\":2021,\"endYear\":2025,"
                    + "\"titleZh\":\"规划\",\"titleEn\":\"Refused by the database\"}";
            problem(given().contentType("application/json").body(body).when().post("/api/v1/plans").then(), 422)
                    .body("detail", containsString(RULE))
                    .body("detail", not(containsString("concurrent")));
            problem(given().when().get("/api/v1/plans/" + code).then(), 404);
        } finally {
            execute("ALTER TABLE plan DROP CONSTRAINT " + RULE);
        }
    }

    /** As the database's owner: the service's own role may not alter a table. */
    private void execute(String sql) throws SQLException {
        try (Connection connection = gov.planmonitor.testsupport.PostgresDatabase.ownerConnection("indicator_test"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
