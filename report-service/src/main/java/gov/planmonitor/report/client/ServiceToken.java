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
 * token of the service issuer ({@code planmonitor.security.service-issuer}, SERVICE_TOKEN_ISSUER; never the users'
 * issuer), with the {@code service} role and no other, signed with the key in {@code smallrye.jwt.sign.key.location}
 * (report-service's own key; no other service is given it) under the key id {@code planmonitor.security.service-key-id}
 * (SERVICE_TOKEN_KEY_ID), the kid its public half has in the JWKS the services trust. The kid is set here on every
 * token: smallrye-jwt gives a PEM key none, and a JWKS of several keys refuses a token without one. The services accept
 * such a token only as a service's ({@code TokenIssuers}). ./run gives the worker a development key of its own.
 */
@ApplicationScoped
public class ServiceToken implements ServiceIdentity {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final String issuer;
    private final String keyId;
    private final String audience;
    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    public ServiceToken(@ConfigProperty(name = "planmonitor.security.service-issuer") String issuer,
                        @ConfigProperty(name = "planmonitor.security.service-key-id") String keyId,
                        @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.issuer = issuer;
        this.keyId = keyId;
        this.audience = audience.split(",")[0].trim();
    }

    @Override
    public String token() {
        if (Instant.now().isAfter(renewAfter)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAfter)) {
                    Instant now = Instant.now();
                    token = Jwt.issuer(issuer).audience(audience).subject("report-service").claim("name", "report-service worker")
                            .groups(Set.of(Roles.SERVICE)).issuedAt(now).expiresAt(now.plus(LIFETIME))
                            .jws().keyId(keyId).sign();
                    renewAfter = now.plus(LIFETIME.dividedBy(2));
                }
            }
        }
        return token;
    }
}
