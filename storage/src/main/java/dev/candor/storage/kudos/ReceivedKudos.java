package dev.candor.storage.kudos;

import java.time.Instant;

/** A kudos as its recipient sees it in their personal view. */
public record ReceivedKudos(long kudosId, Instant createdAt, String message, long giverId, String giverName) {}
