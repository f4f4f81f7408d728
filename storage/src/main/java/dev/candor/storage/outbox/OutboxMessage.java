package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.time.Instant;

/**
 * A message the bot sends on its own. {@code payload} is the neutral message as JSON, rendered for the
 * platform only at delivery time.
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
        Instant sentAt) {

    /** The key deliveries to the same conversation are paced by. */
    public String paceKey() {
        return platform.dbValue() + ":" + orgId + ":" + target;
    }
}
