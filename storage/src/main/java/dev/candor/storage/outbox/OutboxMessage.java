package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.time.Instant;

/**
 * A message the bot sends on its own. {@code payload} is the neutral message as JSON, rendered for the
 * platform only at delivery time. {@code replyUrl} is a platform's answer URL from the request that caused the
 * message (a Slack {@code response_url}), used when the bot can't post to the conversation on its own. Both are null
 * once a finished (sent or failed) message is past its payload retention ({@link OutboxRetentionDao}); a pending or
 * sending message, the only kind that is delivered, always has its payload.
 */
public record OutboxMessage(
        long id,
        long orgId,
        String idempotencyKey,
        Platform platform,
        TargetKind targetKind,
        String target,
        String payload,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String platformMessageId,
        Instant createdAt,
        Instant sentAt,
        String replyUrl) {

    /** The key deliveries to the same conversation are paced by. */
    public String paceKey() {
        return platform.dbValue() + ":" + orgId + ":" + target;
    }
}
