package dev.candor.bot.ask;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key under which a person's anonymous answer is found again to be changed: a keyed hash of person and round
 * under CANDOR_ENCRYPTION_KEY, which nobody without the key can compute from a list of people. Without the key an
 * anonymous answer gets a random one: it can't be changed, rather than be linkable.
 */
final class EditKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Optional<byte[]> secret;

    EditKeys(Optional<byte[]> secret) {
        this.secret = secret.map(byte[]::clone);
    }

    /** The person's key for the round, or empty when answers can't be found again (no encryption key). */
    Optional<byte[]> of(long orgId, long roundId, long personId) {
        return secret.map(key -> hmac(key, orgId + ":" + roundId + ":" + personId));
    }

    /** Any text's keyed hash under the same key (see {@link KeyedHash}). */
    Optional<byte[]> hash(String text) {
        return secret.map(key -> hmac(key, text));
    }

    /** False without an encryption key: anonymous answers can then be neither changed nor replied to. */
    boolean available() {
        return secret.isPresent();
    }

    static byte[] random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
