package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.time.Instant;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * A message the bot sends on its own. {@code payload} is the neutral message as JSON, rendered for the
 * platform only at delivery time. {@code replyUrl} is a platform's answer URL from the request that caused the
 * message (a Slack {@code response_url}), used when the bot can't post to the conversation on its own. Both are null
 * once a finished (sent or failed) message is past its payload retention ({@link OutboxRetentionDao}); a pending or
 * sending message, the only kind that is delivered, always has its payload. {@code inDoubtSince} (or null) is when
 * the earliest send whose outcome is unknown started.
 *
 * <p>Since V16 a message may be a reply or an update of the message {@code earlierKey} sent ({@code operation}), or a
 * post into a thread ({@code threadId}). {@code platformChannel} is where the platform put a sent message. The worker
 * addresses a reply or update before the gateway sees it ({@link #addressedAfter}).
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
        Instant inDoubtSince,
        OutboxOperation operation,
        String threadId,
        String earlierKey,
        String platformChannel) {

    /** A post, as every message was before V16. */
    public OutboxMessage(
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
        this(
                id,
                orgId,
                idempotencyKey,
                platform,
                targetKind,
                target,
                payload,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                platformMessageId,
                createdAt,
                sentAt,
                replyUrl,
                inDoubtSince,
                OutboxOperation.POST,
                null,
                null,
                null);
    }

    @JdbiConstructor
    public OutboxMessage {
        operation = operation == null ? OutboxOperation.POST : operation;
    }

    /**
     * True when an earlier send may have reached the platform without Candor learning the outcome (its node died
     * mid-send, or the call timed out): the gateway must make sure the platform doesn't have it before sending it.
     */
    public boolean inDoubt() {
        return inDoubtSince != null;
    }

    /**
     * A reply or update addressed where the earlier message went: {@code platformChannel} is its channel; a reply's
     * {@code threadId} is its thread (or the earlier message itself, which starts one); an update's
     * {@code platformMessageId} is the message it replaces. A post is returned as it is.
     */
    public OutboxMessage addressedAfter(EarlierMessage earlier) {
        if (operation == OutboxOperation.POST) {
            return this;
        }
        String thread = operation == OutboxOperation.REPLY
                ? (earlier.threadId() != null ? earlier.threadId() : earlier.platformMessageId())
                : earlier.threadId();
        String replaced = operation == OutboxOperation.UPDATE ? earlier.platformMessageId() : platformMessageId;
        return new OutboxMessage(
                id,
                orgId,
                idempotencyKey,
                platform,
                targetKind,
                target,
                payload,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                replaced,
                createdAt,
                sentAt,
                replyUrl,
                inDoubtSince,
                operation,
                thread,
                earlierKey,
                earlier.platformChannel());
    }

    /** The key deliveries to the same conversation are paced by. */
    public String paceKey() {
        return platform.dbValue() + ":" + orgId + ":" + target;
    }
}
