package dev.candor.bot.feedback;

import dev.candor.bot.ask.KeyedHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The keyed hashes that let speak up relay replies without storing who spoke up: a thread's author key (organisation,
 * thread and person, so that one person's threads share nothing), the hash of a submission's platform id that stops
 * a retry from storing twice, and the opaque idempotency key of the author's notice.
 */
final class SpeakUpKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyedHash hash;

    SpeakUpKeys(KeyedHash hash) {
        this.hash = hash;
    }

    /** False without an encryption key: messages are still delivered, but replies can't reach their author. */
    boolean available() {
        return hash.of("speakup").isPresent();
    }

    Optional<byte[]> author(long orgId, UUID threadId, long personId) {
        return hash.of(orgId + ":speakup:" + threadId + ":" + personId);
    }

    boolean isAuthor(long orgId, UUID threadId, long personId, byte[] authorKey) {
        return author(orgId, threadId, personId)
                .map(key -> MessageDigest.isEqual(key, authorKey))
                .orElse(false);
    }

    /** Which of these people wrote the thread, found by computing each one's key. */
    Optional<Long> findAuthor(long orgId, UUID threadId, byte[] authorKey, List<Long> people) {
        return people.stream()
                .filter(person -> isAuthor(orgId, threadId, person, authorKey))
                .findFirst();
    }

    /**
     * What stands for a submission's platform id ({@code what} says whether it started a thread or added to one):
     * keyed when there is a key, else a plain SHA-256, never the id itself; random when the platform gave none.
     */
    byte[] source(long orgId, String what, String sourceKey) {
        if (sourceKey == null || sourceKey.isBlank()) {
            return random();
        }
        String text = orgId + ":speakup:" + what + ":" + sourceKey;
        return hash.of(text).orElseGet(() -> sha256(text));
    }

    /** The idempotency key of the author's notice of reply {@code seq}: it names neither thread nor person. */
    String noticeKey(long orgId, UUID threadId, int seq, long personId) {
        String text = orgId + ":speakup:notice:" + threadId + ":" + seq + ":" + personId;
        byte[] opaque = hash.of(text).orElseGet(SpeakUpKeys::random);
        return "speakup:notice:" + HexFormat.of().formatHex(opaque);
    }

    static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
