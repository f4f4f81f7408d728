package dev.candor.storage.checkin;

import java.time.Instant;

/** What a check-in's owner replied to one person's answers in one round. */
public record CheckinReply(long id, long roundId, long personId, long authorId, String reply, Instant createdAt) {}
