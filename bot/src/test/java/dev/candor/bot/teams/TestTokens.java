package dev.candor.bot.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Bot Framework channel tokens signed by a test key, as Teams' tokens are signed by Microsoft's: issuer
 * {@code https://api.botframework.com}, audience the app id, a {@code serviceurl} claim. The key pair is made once
 * per test JVM, because the SDK caches published keys per metadata URL for a day.
 */
final class TestTokens {
    static final String KEY_ID = "candor-test-key";
    static final String ISSUER = "https://api.botframework.com";
    /** The issuer of the US government cloud's channel tokens. */
    static final String GOVERNMENT_ISSUER = "https://api.botframework.us";

    static final KeyPair KEY = generate();
    /** Same key id, different key: what a forger without Microsoft's private key would have. */
    static final KeyPair OTHER_KEY = generate();

    private TestTokens() {}

    static String valid(String appId, String serviceUrl) {
        return token(KEY, ISSUER, appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)));
    }

    static String token(KeyPair key, String issuer, String audience, String serviceUrl, Instant expires) {
        Instant issued = expires.minus(Duration.ofHours(1));
        return "Bearer "
                + JWT.create()
                        .withKeyId(KEY_ID)
                        .withIssuer(issuer)
                        .withAudience(audience)
                        .withClaim("serviceurl", serviceUrl)
                        .withNotBefore(issued)
                        .withIssuedAt(issued)
                        .withExpiresAt(expires)
                        .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    /** The JWKS Microsoft publishes, with the test key endorsed for the given channels. */
    static String jwks(String... endorsements) {
        RSAPublicKey key = (RSAPublicKey) KEY.getPublic();
        String channels = String.join(
                ",", Arrays.stream(endorsements).map(e -> "\"" + e + "\"").toList());
        return """
                {"keys":[{"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s","endorsements":[%s]}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()), channels);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
