package dev.candor.storage.kudos;

import dev.candor.storage.Platform;
import java.time.Instant;

/** One recognition: a giver thanks one or more people, optionally tagged with company values. */
public record Kudos(
        long id,
        long orgId,
        long giverId,
        String message,
        Platform platform,
        String conversationId,
        String sourceKey,
        Instant createdAt) {}
