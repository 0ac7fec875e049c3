package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gov.planmonitor.indicator.Fixtures.departmentCode;
import static gov.planmonitor.indicator.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two kinds of token, verified against one JWKS holding the identity provider's key and report-service's key,
 * each under its kid (as production has them; TokenResource): a users' token signed with the users' key, and a service
 * token (the service issuer, the service key, the role service and no other). Any other pairing of issuer, key and
 * roles is refused with a 401 Problem.
 */
@QuarkusTest
class ServiceTokenTest {

    private static final String CHANGES = "/api/v1/changes";

    @Test
    void theServiceVerifiesAgainstAJwksOfTwoKeys() throws Exception {
        String jwks = Files.readString(Tokens.jwksFile(), StandardCharsets.UTF_8);
        assertTrue(jwks.contains("\"kid\":\"" + Tokens.USERS_KEY_ID + "\"") && jwks.contains("\"kid\":\"" + Tokens.SERVICE_KEY_ID + "\""), jwks);
        given().header("Authorization", Tokens.bearer(Tokens.planner())).queryParam("limit", 1).when().get(CHANGES).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.reporter())).queryParam("limit", 1).when().get(CHANGES).then().statusCode(200);
    }

    @Test
    void aServiceTokenReadsWhatAServiceMayRead() {
        // The change feed needs a role; service is one of those that may read it.
        given().header("Authorization", Tokens.bearer(Tokens.service())).queryParam("limit", 1).when().get(CHANGES).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.service())).when().get("/api/v1/plans").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.service())).when().get("/api/v1/departments").then().statusCode(200);
    }

    @Test
    void aServiceTokenMayNotWrite() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", departmentCode("SVC"));
        body.put("nameZh", "服务令牌");
        body.put("nameEn", "Service token");
        problem(given().header("Authorization", Tokens.bearer(Tokens.service())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/departments").then(), 403);
    }

    @Test
    void theServiceIssuerCarriesTheServiceRoleAndNoOther() {
        for (List<String> roles : List.<List<String>>of(List.of("admin"), List.of("service", "admin"), List.of("planner"), List.of())) {
            String token = Tokens.serviceIssuer(roles);
            problem(given().header("Authorization", Tokens.bearer(token)).when().get("/api/v1/plans").then(), 401);
            problem(given().header("Authorization", Tokens.bearer(token)).queryParam("limit", 1).when().get(CHANGES).then(), 401);
        }
    }

    @Test
    void eachIssuerGoesWithItsOwnKey() {
        // The service key cannot mint a users' token (an admin's)...
        problem(given().header("Authorization", Tokens.bearer(Tokens.usersIssuerServiceKey())).when().get("/api/v1/plans").then(), 401)
                .body("detail", containsString("token"));
        // ...nor does the identity provider's key make service tokens.
        problem(given().header("Authorization", Tokens.bearer(Tokens.serviceIssuerUsersKey())).queryParam("limit", 1).when().get(CHANGES).then(), 401);
    }

    @Test
    void theServiceRoleIsNotForUsersTokens() {
        String token = Tokens.of("u-someone", "某人", List.of("service"), List.of());
        problem(given().header("Authorization", Tokens.bearer(token)).queryParam("limit", 1).when().get(CHANGES).then(), 401);
        String mixed = Tokens.of("u-someone", "某人", List.of("planner", "service"), List.of());
        problem(given().header("Authorization", Tokens.bearer(mixed)).when().get("/api/v1/plans").then(), 401);
    }

    @Test
    void aTokenWithoutAKeyIdIsRefusedByAJwksOfSeveralKeys() {
        // smallrye-jwt picks the key by kid; without one it takes the only key of a JWKS, and with several, none.
        problem(given().header("Authorization", Tokens.bearer(Tokens.withoutKeyId())).when().get("/api/v1/plans").then(), 401);
    }
}
