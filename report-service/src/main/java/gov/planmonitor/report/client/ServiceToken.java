package gov.planmonitor.report.client;

import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.security.ServiceIdentity;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * report-service's own identity for the worker, which reads the other services outside any request: a short-lived
 * token with the {@code service} role, signed with the key in {@code smallrye.jwt.sign.key.location}, whose public half
 * the other services trust (./run signs with its development key; production with a key the identity provider's JWKS
 * also publishes, or swap this bean for an OIDC client-credentials one).
 */
@ApplicationScoped
public class ServiceToken implements ServiceIdentity {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final String issuer;
    private final String audience;
    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    public ServiceToken(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                        @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.issuer = issuer;
        this.audience = audience.split(",")[0].trim();
    }

    @Override
    public String token() {
        if (Instant.now().isAfter(renewAfter)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAfter)) {
                    Instant now = Instant.now();
                    token = Jwt.issuer(issuer).audience(audience).subject("report-service").claim("name", "report-service worker")
                            .groups(Set.of(Roles.SERVICE)).issuedAt(now).expiresAt(now.plus(LIFETIME)).sign();
                    renewAfter = now.plus(LIFETIME.dividedBy(2));
                }
            }
        }
        return token;
    }
}
