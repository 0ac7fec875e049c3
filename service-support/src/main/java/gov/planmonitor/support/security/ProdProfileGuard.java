package gov.planmonitor.support.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code prod} profile refuses to start without the settings production needs: a token verification key that is
 * not {@code ./run}'s development key or issuer (a token anyone can mint from a laptop must never be accepted), a
 * service key id that is not {@code ./run}'s, and a database password (a role without one means trust authentication,
 * or a forgotten Secret). That the service issuer differs from the users' is checked in every profile
 * ({@link TokenIssuers}).
 */
@ApplicationScoped
public class ProdProfileGuard {

    /** The issuer of {@code ./run}'s tokens, and the default when none is configured. */
    public static final String DEVELOPMENT_ISSUER = "planmonitor-development";
    /** Key id prefix {@code ./run} gives its development keys (in the JWKS it writes and the tokens it signs). */
    public static final String DEVELOPMENT_KEY_ID = "planmonitor-development";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "planmonitor.security.service-key-id")
    Optional<String> serviceKeyId;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    void check(@Observes StartupEvent started) {
        if (ConfigUtils.isProfileActive("prod")) {
            refuseDevelopmentKey(issuer.orElse(""), keyLocation.orElse(""));
            refuseDevelopmentServiceKey(serviceKeyId.orElse(""));
            if (databasePassword.filter(p -> !p.isBlank()).isEmpty()) {
                throw new IllegalStateException("No database password: the prod profile needs QUARKUS_DATASOURCE_PASSWORD (the service's own role's password)");
            }
        }
    }

    static void refuseDevelopmentKey(String issuer, String keyLocation) {
        if (keyLocation.isBlank()) {
            throw new IllegalStateException("No token verification key: set JWT_PUBLIC_KEY_LOCATION to your identity provider's JWKS URL or PEM file");
        }
        if (DEVELOPMENT_ISSUER.equals(issuer)) {
            throw new IllegalStateException("The prod profile refuses the development token issuer '" + DEVELOPMENT_ISSUER
                    + "': set JWT_ISSUER to your identity provider's issuer");
        }
        String key = read(keyLocation);
        if (key.contains(DEVELOPMENT_KEY_ID)) {
            throw new IllegalStateException("The prod profile refuses ./run's development signing key (" + keyLocation
                    + "): set JWT_PUBLIC_KEY_LOCATION to your identity provider's keys");
        }
    }

    static void refuseDevelopmentServiceKey(String serviceKeyId) {
        if (serviceKeyId.startsWith(DEVELOPMENT_KEY_ID)) {
            throw new IllegalStateException("The prod profile refuses ./run's development service key id '" + serviceKeyId
                    + "': set SERVICE_TOKEN_KEY_ID to the kid of report-service's key in your JWKS");
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                return ""; // a JWKS URL: an identity provider's, not a file ./run wrote
            }
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                    return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }
}
