package gov.planmonitor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: the service under test trusts the run's test key ({@link Tokens}) and, where it signs tokens
 * of its own (report-service's worker), signs with it.
 */
public class TokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toUri().toString(),
                "smallrye.jwt.sign.key.location", Tokens.privateKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
        // The keys stay in target/ for the rest of the build.
    }
}
