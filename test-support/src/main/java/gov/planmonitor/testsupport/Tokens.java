package gov.planmonitor.testsupport;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for tests, signed with a key pair made for the test run ({@code target/test-keys}, never committed)
 * whose public half the service under test trusts ({@link TokenResource}). Also the tokens it must refuse: expired,
 * signed by another key, and unsigned ({@code alg: none}).
 */
public final class Tokens {

    public static final String ISSUER = "planmonitor-development";
    public static final String AUDIENCE = "planmonitor";
    /** Sent as the Authorization header, makes the default-token filter send no Authorization at all. */
    public static final String ANONYMOUS = "anonymous";

    private Tokens() {
    }

    public static String admin() {
        return sign("u-admin", "系统管理员", List.of("admin"), List.of(), 3600, TRUSTED);
    }

    public static String planner() {
        return sign("u-planner", "规划科 李明", List.of("planner"), List.of(), 3600, TRUSTED);
    }

    public static String reporter() {
        return sign("u-reporter", "报告员 陈静", List.of("reporter"), List.of(), 3600, TRUSTED);
    }

    /** A department token speaking for the given department codes. */
    public static String department(String... codes) {
        return sign("u-dept-" + String.join("-", codes).toLowerCase(), "部门填报员 " + String.join("/", codes), List.of("department"), List.of(codes), 3600, TRUSTED);
    }

    /** Any subject, name, roles and departments, valid for an hour. */
    public static String of(String subject, String name, List<String> roles, List<String> departments) {
        return sign(subject, name, roles, departments, 3600, TRUSTED);
    }

    /** An admin token that expired an hour ago. */
    public static String expired() {
        return sign("u-admin", "系统管理员", List.of("admin"), List.of(), -3600, TRUSTED);
    }

    /** An admin token signed by a key the service does not trust. */
    public static String foreignKey() {
        return sign("u-admin", "系统管理员", List.of("admin"), List.of(), 3600, FOREIGN);
    }

    /** An admin token, validly signed, but for another audience (another system's token replayed here). */
    public static String otherAudience() {
        JwtClaims claims = claims("u-admin", "系统管理员", List.of("admin"), List.of(), 3600);
        claims.setAudience("another-system");
        return sign(claims, TRUSTED);
    }

    /** An admin token, validly signed, from another issuer. */
    public static String otherIssuer() {
        JwtClaims claims = claims("u-admin", "系统管理员", List.of("admin"), List.of(), 3600);
        claims.setIssuer("https://sso.elsewhere.example");
        return sign(claims, TRUSTED);
    }

    /** An admin token with {@code alg: none} and no signature. */
    public static String unsigned() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims("u-admin", "系统管理员", List.of("admin"), List.of(), 3600).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaims claims(String subject, String name, List<String> roles, List<String> departments, long secondsValid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("name", name);
        claims.setStringListClaim("groups", roles);
        if (!departments.isEmpty()) {
            claims.setStringListClaim("departments", departments);
        }
        NumericDate now = NumericDate.now();
        NumericDate issued = NumericDate.fromSeconds(now.getValue() + Math.min(0, secondsValid) - 60);
        claims.setIssuedAt(issued);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + secondsValid));
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(String subject, String name, List<String> roles, List<String> departments, long secondsValid, String keyName) {
        return sign(claims(subject, name, roles, departments, secondsValid), keyName);
    }

    private static String sign(JwtClaims claims, String keyName) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey(keyName));
        jws.setKeyIdHeaderValue("planmonitor-test-" + keyName);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String TRUSTED = "trusted";
    static final String FOREIGN = "foreign";
    private static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    private static final Map<String, PrivateKey> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The PEM file of the trusted public key, made on first use. */
    static synchronized Path publicKeyFile() {
        ensure(TRUSTED);
        return DIR.resolve(TRUSTED + "-public.pem");
    }

    /** The PEM file of the trusted private key (report-service signs its service tokens with it in tests). */
    static synchronized Path privateKeyFile() {
        ensure(TRUSTED);
        return DIR.resolve(TRUSTED + "-private.pem");
    }

    private static PrivateKey privateKey(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            synchronized (Tokens.class) {
                ensure(n);
                try {
                    String pem = Files.readString(DIR.resolve(n + "-private.pem"));
                    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /**
     * Makes the key pair once per build: Quarkus loads test resources and tests in different class loaders, so the
     * files, not a static field, are what they share.
     */
    private static void ensure(String name) {
        Path privatePem = DIR.resolve(name + "-private.pem");
        if (Files.exists(privatePem)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(DIR.resolve(name + "-public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            write(privatePem, "PRIVATE KEY", pair.getPrivate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, pem);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
