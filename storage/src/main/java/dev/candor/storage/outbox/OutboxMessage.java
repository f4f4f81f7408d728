package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.time.Instant;

/**
 * A message the bot sends on its own. {@code payload} is the neutral message as JSON, rendered for the
 * platform only at delivery time. {@code replyUrl} is a platform's answer URL from the request that caused the
 * message (a Slack {@code response_url}), used when the bot can't post to the conversation on its own. Both are null
 * once a finished (sent or failed) message is past its payload retention ({@link OutboxRetentionDao}); a pending or
 * sending message, the only kind that is delivered, always has its payload. {@code inDoubtSince} (or null) is when
 * the earliest send whose outcome is unknown started.
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
        String replyUrl,
        Instant inDoubtSince) {

    /**
     * True when an earlier send may have reached the platform without Candor learning the outcome (its node died
     * mid-send, or the call timed out): the gateway must make sure the platform doesn't have it before sending it.
     */
    public boolean inDoubt() {
        return inDoubtSince != null;
    }

    /** The key deliveries to the same conversation are paced by. */
    public String paceKey() {
        return platform.dbValue() + ":" + orgId + ":" + target;
    }
}
