package dev.candor.storage.outbox;

import dev.candor.storage.Platform;

/** A message to queue with {@link OutboxDao#enqueueAll}; {@code payload} is the neutral message as JSON. */
public record NewOutboxMessage(
        long orgId, String idempotencyKey, Platform platform, TargetKind targetKind, String target, String payload) {}
