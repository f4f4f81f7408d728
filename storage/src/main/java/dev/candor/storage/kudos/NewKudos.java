package dev.candor.storage.kudos;

import dev.candor.storage.Platform;

/** A kudos about to be stored. */
public record NewKudos(
        long orgId,
        long giverId,
        String message,
        Platform platform,
        String conversationId,
        String sourceKey,
        Via via,
        String sourceMessageId,
        String sourceUrl,
        Long parentKudosId) {

    /** A kudos typed as a command, with nothing else attached. */
    public static NewKudos command(
            long orgId, long giverId, String message, Platform platform, String conversationId, String sourceKey) {
        return new NewKudos(
                orgId, giverId, message, platform, conversationId, sourceKey, Via.COMMAND, null, null, null);
    }
}
