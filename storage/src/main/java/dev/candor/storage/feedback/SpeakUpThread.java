package dev.candor.storage.feedback;

import java.util.UUID;

/**
 * An anonymous conversation between someone who spoke up and its readers; the author is known only by {@code
 * authorKey} (see V34), and {@code reachable} is false when replies can't reach them (no encryption key then).
 */
public record SpeakUpThread(UUID id, long orgId, byte[] authorKey, boolean reachable) {}
