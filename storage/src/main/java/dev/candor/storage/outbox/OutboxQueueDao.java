package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Queuing messages, apart from the rest of {@link OutboxDao}: attaching a JDBI SqlObject prepares every method of its
 * type, and the request that gives a kudos only queues.
 */
public interface OutboxQueueDao {

    /** Queues a message; false when one with this idempotency key was queued before (it is not sent twice). */
    default boolean enqueue(
            long orgId,
            String idempotencyKey,
            Platform platform,
            TargetKind targetKind,
            String target,
            String payload) {
        return enqueue(orgId, idempotencyKey, platform, targetKind, target, payload, null);
    }

    /** Queues a message that may fall back to a platform reply URL; false when the key was queued before. */
    default boolean enqueue(
            long orgId,
            String idempotencyKey,
            Platform platform,
            TargetKind targetKind,
            String target,
            String payloadJson,
            String replyUrl) {
        return enqueue(orgId, idempotencyKey, platform, targetKind, target, null, payloadJson, replyUrl);
    }

    /**
     * Queues a message, in the platform thread {@code threadId} when it is not null; false when the key was queued
     * before.
     */
    @SqlUpdate(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, thread_id, payload, reply_url)
            VALUES (:orgId, :key, :platform, :targetKind, :target, :threadId, CAST(:payload AS jsonb), :replyUrl)
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    boolean enqueue(
            @Bind("orgId") long orgId,
            @Bind("key") String idempotencyKey,
            @Bind("platform") Platform platform,
            @Bind("targetKind") TargetKind targetKind,
            @Bind("target") String target,
            @Bind("threadId") String threadId,
            @Bind("payload") String payloadJson,
            @Bind("replyUrl") String replyUrl);

    /**
     * Queues a reply to, or an update of, the message {@code earlierKey} sent, to the same platform and target; false
     * when {@code key} was queued before or there is no message under {@code earlierKey} (never queued, or deleted
     * after the retention period).
     */
    @SqlUpdate(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload, operation, earlier_key)
            SELECT org_id, :key, platform, target_kind, target, CAST(:payload AS jsonb), :operation, idempotency_key
              FROM outbox WHERE org_id = :orgId AND idempotency_key = :earlierKey
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    boolean enqueueAfter(
            @Bind("orgId") long orgId,
            @Bind("key") String idempotencyKey,
            @Bind("earlierKey") String earlierKey,
            @Bind("operation") OutboxOperation operation,
            @Bind("payload") String payloadJson);

    /**
     * Queues many messages in one batch (a sweep's nudges, a kudos' post and DMs); per message 1 when queued, 0 when its key was queued
     * before.
     */
    @SqlBatch(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, thread_id, payload, reply_url)
            VALUES (:orgId, :idempotencyKey, :platform, :targetKind, :target, :threadId, CAST(:payload AS jsonb),
                    :replyUrl)
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    int[] enqueueAll(@BindMethods List<NewOutboxMessage> messages);
}
