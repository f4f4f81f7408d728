package dev.candor.storage.kudos;

import dev.candor.storage.Platform;
import java.time.Instant;

/**
 * One recognition: a giver thanks one or more people, optionally tagged with company values.
 *
 * @param sourceMessageId the message a reaction or shortcut was about, or null
 * @param parentKudosId the kudos a +1 joined, or null
 */
public record Kudos(
        long id,
        long orgId,
        long giverId,
        String message,
        Platform platform,
        String conversationId,
        String sourceKey,
        Via via,
        String sourceMessageId,
        String sourceUrl,
        Long parentKudosId,
        Instant createdAt) {}
