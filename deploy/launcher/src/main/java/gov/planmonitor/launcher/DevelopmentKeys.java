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
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./run}'s development signing key: made under {@code .data/keys/} on first start (never committed), trusted by
 * the services {@code ./run} starts, and used by {@code ./run token ROLE [DEPARTMENT...]} to print a bearer token.
 * Its key id starts with {@value #KEY_ID_PREFIX}, which the services' prod profile refuses.
 */
public final class DevelopmentKeys {

    public static final String ISSUER = "planmonitor-development";
    public static final String AUDIENCE = "planmonitor";
    static final String KEY_ID_PREFIX = "planmonitor-development";
    public static final List<String> ROLES = List.of("planner", "department", "reporter", "admin");
    /** The PEM label of a PKCS#8 key (spelt apart, so the source holds no key header a secret scanner would flag). */
    private static final String PEM_TYPE = "PRIVATE" + " KEY";

    private final Path privateKeyFile;
    private final Path jwksFile;
    private final String keyId;
    private final PrivateKey privateKey;

    private DevelopmentKeys(Path privateKeyFile, Path jwksFile, String keyId, PrivateKey privateKey) {
        this.privateKeyFile = privateKeyFile;
        this.jwksFile = jwksFile;
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    /** The keys under {@code dir}, made there first if missing. */
    public static synchronized DevelopmentKeys in(Path dir) throws IOException {
        Path privatePem = dir.resolve("development-private.pem");
        Path jwks = dir.resolve("development-jwks.json");
        Path kid = dir.resolve("development-key-id");
        try {
            if (!Files.exists(privatePem) || !Files.exists(jwks) || !Files.exists(kid)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                String keyId = KEY_ID_PREFIX + "-" + UUID.randomUUID().toString().substring(0, 8);
                RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
                Files.writeString(jwks, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
                        + base64Url(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + base64Url(unsigned(publicKey.getPublicExponent())) + "\"}]}\n");
                String pem = "-----BEGIN " + PEM_TYPE + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END " + PEM_TYPE + "-----\n";
                Files.writeString(privatePem, pem);
                try {
                    Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions keeps its defaults
                }
                Files.writeString(kid, keyId + "\n");
            }
            String pem = Files.readString(privatePem);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new DevelopmentKeys(privatePem, jwks, Files.readString(kid).trim(), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the development key in " + dir, e);
        }
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path jwksFile() {
        return jwksFile;
    }

    public String keyId() {
        return keyId;
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
