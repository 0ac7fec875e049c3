package gov.planmonitor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: the service under test trusts the run's test keys as production does, one JWKS holding the
 * users' key and the service key under their kids ({@link Tokens#jwksFile()}), and, where it signs tokens of its own
 * (report-service's worker), signs with the service key under its kid.
 */
public class TokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", Tokens.jwksFile().toUri().toString(),
                "planmonitor.security.service-key-id", Tokens.SERVICE_KEY_ID,
                "smallrye.jwt.sign.key.location", Tokens.servicePrivateKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
        // The keys stay in target/ for the rest of the build.
    }
}
