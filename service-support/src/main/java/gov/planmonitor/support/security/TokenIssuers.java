package gov.planmonitor.support.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two kinds of bearer token, told apart by their issuer, each verified with smallrye-jwt as a whole (signature, issuer,
 * audience, lifetime) and then held to what it may carry:
 * <ul>
 * <li>the users' tokens, from the identity provider ({@code mp.jwt.verify.issuer}, JWT_ISSUER): any role but
 * {@value Roles#SERVICE}, and never signed with the service key (key id {@code planmonitor.security.service-key-id});</li>
 * <li>report-service's worker's own tokens ({@code planmonitor.security.service-issuer}, SERVICE_TOKEN_ISSUER): signed
 * with the service key (their {@code kid} header must name it) and carrying the role {@value Roles#SERVICE} and no
 * other.</li>
 * </ul>
 * So the service key cannot mint a user's (an admin's) token, and the identity provider's tokens cannot speak as a
 * service. smallrye-jwt checks one issuer only ({@code mp.jwt.verify.issuer}); this factory, which replaces its default
 * one, picks the issuer to check from the token's unverified {@code iss} and lets smallrye-jwt verify the token against
 * it. Both kinds verify against the keys at {@code mp.jwt.verify.publickey.location} (one JWKS holding the identity
 * provider's keys and report-service's, each under its own {@code kid}). Anything refused here is a
 * {@link ParseException}: a 401 Problem ({@link AuthenticationProblems}).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenIssuers extends JWTCallerPrincipalFactory {

    /** Where service tokens find their roles: always {@code groups}, whatever JWT_ROLES_CLAIM says of the users' tokens. */
    private static final String SERVICE_GROUPS_CLAIM = "groups";

    private final String serviceIssuer;
    private final String serviceKeyId;
    /** One parser per kind of token: smallrye-jwt's parser keeps the key resolver it made for the first context it saw. */
    private final DefaultJWTCallerPrincipalFactory users = new DefaultJWTCallerPrincipalFactory();
    private final DefaultJWTCallerPrincipalFactory services = new DefaultJWTCallerPrincipalFactory();
    private volatile JWTAuthContextInfo serviceContext;
    /**
     * Tokens verified lately, by their exact text. A client sends the same token with every request until it expires,
     * and verifying its RSA signature again each time was a quarter of an observation write's CPU (issue 26's profile).
     * An entry is used until the token's exp or {@link #REVERIFY_MILLIS} after it was verified, whichever is first, so
     * a key withdrawn from the JWKS stops being honoured within that time; refusals are never kept.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** At most this many tokens kept (about 1 KB each); when full the whole map is dropped, as clients' tokens are few. */
    static final int MAX_VERIFIED = 1_000;
    static final long REVERIFY_MILLIS = 60_000;

    private record Verified(JWTCallerPrincipal principal, long usableUntilMillis) {
    }

    /** A public no-argument constructor: smallrye-jwt may make one of these by reflection. */
    public TokenIssuers() {
        Config config = ConfigProvider.getConfig();
        this.serviceIssuer = config.getOptionalValue("planmonitor.security.service-issuer", String.class).orElse("planmonitor-service");
        this.serviceKeyId = config.getOptionalValue("planmonitor.security.service-key-id", String.class).orElse("planmonitor-service");
    }

    /** The users' issuer and the service issuer must differ, or the two kinds of token could not be told apart. */
    void check(@Observes StartupEvent started) {
        String usersIssuer = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("");
        if (serviceIssuer.equals(usersIssuer)) {
            throw new IllegalStateException("SERVICE_TOKEN_ISSUER (planmonitor.security.service-issuer) is '" + serviceIssuer
                    + "', the same as JWT_ISSUER: report-service's service tokens need an issuer of their own");
        }
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null && now < known.usableUntilMillis()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verify(token, context);
        // exp is required (smallrye-jwt refuses a token without one) and in seconds.
        long until = Math.min(principal.getExpirationTime() * 1000, now + REVERIFY_MILLIS);
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, new Verified(principal, until));
        return principal;
    }

    private JWTCallerPrincipal verify(String token, JWTAuthContextInfo context) throws ParseException {
        Map<String, Object> header = unverifiedPart(token, 0);
        Map<String, Object> claims = unverifiedPart(token, 1);
        String keyId = header.get("kid") instanceof String kid ? kid : null;
        if (serviceIssuer.equals(claims.get("iss")) && !serviceIssuer.equals(context.getIssuedBy())) {
            JWTCallerPrincipal principal = services.parse(token, serviceContext(context));
            if (!principal.getGroups().equals(Set.of(Roles.SERVICE))) {
                throw new ParseException("a token of the service issuer may carry the role '" + Roles.SERVICE + "' and no other; this one has "
                        + principal.getGroups());
            }
            return principal;
        }
        JWTCallerPrincipal principal = users.parse(token, context);
        // Verified: the kid header is part of what was signed, and named the key that verified it.
        if (serviceKeyId.equals(keyId)) {
            throw new ParseException("a token of the users' issuer signed with the service key '" + serviceKeyId + "'");
        }
        if (principal.getGroups().contains(Roles.SERVICE)) {
            throw new ParseException("the role '" + Roles.SERVICE + "' is for tokens of the service issuer only");
        }
        return principal;
    }

    /** The users' context with the service issuer, the service key id (smallrye-jwt refuses another kid) and the groups claim. */
    private JWTAuthContextInfo serviceContext(JWTAuthContextInfo users) {
        JWTAuthContextInfo context = serviceContext;
        if (context == null) {
            synchronized (this) {
                context = serviceContext;
                if (context == null) {
                    context = new JWTAuthContextInfo(users);
                    context.setIssuedBy(serviceIssuer);
                    context.setTokenKeyId(serviceKeyId);
                    context.setGroupsPath(SERVICE_GROUPS_CLAIM);
                    serviceContext = context;
                }
            }
        }
        return context;
    }

    /** The JSON of a compact JWS's header (0) or payload (1), not yet verified; empty if it is not one. */
    private static Map<String, Object> unverifiedPart(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
        } catch (JoseException | IllegalArgumentException e) {
            return Map.of();
        }
    }
}
