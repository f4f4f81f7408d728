package dev.candor.storage.outbox;

import dev.candor.storage.Platform;

/**
 * A message to queue with {@link OutboxQueueDao#enqueueAll}; {@code payload} is the neutral message as JSON,
 * {@code replyUrl} (or null) a platform reply URL to fall back on when the bot can't post to the target by itself, and
 * {@code threadId} (or null) the platform thread it goes into.
 */
public record NewOutboxMessage(
        long orgId,
        String idempotencyKey,
        Platform platform,
        TargetKind targetKind,
        String target,
        String payload,
        String replyUrl,
        String threadId) {

    public NewOutboxMessage(
            long orgId,
            String idempotencyKey,
            Platform platform,
            TargetKind targetKind,
            String target,
            String payload,
            String replyUrl) {
        this(orgId, idempotencyKey, platform, targetKind, target, payload, replyUrl, null);
    }
}
