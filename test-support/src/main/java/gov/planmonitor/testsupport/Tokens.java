package gov.planmonitor.testsupport;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
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
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for tests, signed with key pairs made for the test run ({@code target/test-keys}, never committed)
 * whose public halves the service under test trusts as production does: one JWKS ({@link #jwksFile()}) holding the
 * users' key (the identity provider's, kid {@value #USERS_KEY_ID}) and the service key (report-service's, kid
 * {@value #SERVICE_KEY_ID}), which report-service's worker signs with ({@link TokenResource}). Also the tokens the
 * services must refuse: expired, signed by another key, unsigned ({@code alg: none}), and tokens pairing an issuer with
 * the wrong key or roles.
 */
public final class Tokens {

    public static final String ISSUER = "planmonitor-development";
    public static final String AUDIENCE = "planmonitor";
    /** The issuer of service tokens (the default of SERVICE_TOKEN_ISSUER). */
    public static final String SERVICE_ISSUER = "planmonitor-service";
    /** The kid of the users' key (the identity provider's) in the JWKS. */
    public static final String USERS_KEY_ID = "planmonitor-test-trusted";
    /** The kid of the service key (report-service's) in the JWKS; TokenResource gives it as SERVICE_TOKEN_KEY_ID. */
    public static final String SERVICE_KEY_ID = "planmonitor-test-service";
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

    /** A service token as report-service's worker makes it: the service issuer, the service key, the role service only. */
    public static String service() {
        return serviceIssuer(List.of("service"));
    }

    /** A token of the service issuer signed with the service key, with these roles (only ["service"] is accepted). */
    public static String serviceIssuer(List<String> roles) {
        JwtClaims claims = claims("report-service", "report-service worker", roles, List.of(), 3600);
        claims.setIssuer(SERVICE_ISSUER);
        return sign(claims, SERVICE, SERVICE_KEY_ID);
    }

    /** A token of the service issuer with the role service, but signed with the users' key (under its kid). */
    public static String serviceIssuerUsersKey() {
        JwtClaims claims = claims("report-service", "report-service worker", List.of("service"), List.of(), 3600);
        claims.setIssuer(SERVICE_ISSUER);
        return sign(claims, TRUSTED, USERS_KEY_ID);
    }

    /** An admin token of the users' issuer signed with the service key (what a holder of that key could mint). */
    public static String usersIssuerServiceKey() {
        return sign(claims("u-admin", "系统管理员", List.of("admin"), List.of(), 3600), SERVICE, SERVICE_KEY_ID);
    }

    /** An admin token, validly signed with the users' key, without a {@code kid} header. */
    public static String withoutKeyId() {
        return sign(claims("u-admin", "系统管理员", List.of("admin"), List.of(), 3600), TRUSTED, null);
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
        return sign(claims, keyName, "planmonitor-test-" + keyName);
    }

    private static String sign(JwtClaims claims, String keyName, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey(keyName));
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String TRUSTED = "trusted";
    static final String SERVICE = "service";
    static final String FOREIGN = "foreign";
    private static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    private static final Map<String, PrivateKey> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The PEM file of the service key's private half (report-service's worker signs its tokens with it in tests). */
    static synchronized Path servicePrivateKeyFile() {
        ensure(SERVICE);
        return DIR.resolve(SERVICE + "-private.pem");
    }

    /**
     * The JWKS the services trust, as production has it: the users' key under {@value #USERS_KEY_ID} and the service
     * key under {@value #SERVICE_KEY_ID}. Written again whenever the keys it should hold differ from the file's.
     */
    public static synchronized Path jwksFile() {
        ensure(TRUSTED);
        ensure(SERVICE);
        Path file = DIR.resolve("trusted-jwks.json");
        try {
            List<JsonWebKey> keys = new java.util.ArrayList<>();
            for (String[] key : new String[][]{{TRUSTED, USERS_KEY_ID}, {SERVICE, SERVICE_KEY_ID}}) {
                String pem = Files.readString(DIR.resolve(key[0] + "-public.pem"));
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
                jwk.setKeyId(key[1]);
                jwk.setUse("sig");
                jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                keys.add(jwk);
            }
            String json = new JsonWebKeySet(keys).toJson() + "\n";
            if (!Files.exists(file) || !Files.readString(file).equals(json)) {
                writeAtomically(file, json);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
        writeAtomically(file, pem);
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
