package dev.candor.bot.ask;

import java.util.Optional;

/**
 * HMAC-SHA256 under CANDOR_ENCRYPTION_KEY, for features that must find someone again without storing who they are
 * (the author of an anonymous message): nobody without the key can compute it from a list of people.
 */
@FunctionalInterface
public interface KeyedHash {
    /** The keyed hash of {@code text}, or empty when Candor has no encryption key. */
    Optional<byte[]> of(String text);
}
