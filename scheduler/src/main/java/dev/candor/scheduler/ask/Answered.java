package dev.candor.scheduler.ask;

import java.util.Optional;
import java.util.UUID;

/**
 * Someone answered an ask (or changed their answer).
 *
 * @param answerId the stored answer, for a named round; empty for an anonymous one, whose answers can't be tied to
 *     the person who gave them
 * @param changed true when this replaced an earlier answer
 */
public record Answered(long askId, long personId, Optional<UUID> answerId, boolean changed) {}
