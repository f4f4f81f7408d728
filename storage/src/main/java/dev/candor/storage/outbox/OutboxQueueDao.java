package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import dev.candor.storage.StorableText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
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

    /**
     * Marks a queued message to be deleted as soon as it is sent or given up on (see V35), so that no row names its
     * recipient afterwards.
     */
    @SqlUpdate("UPDATE outbox SET forget_when_delivered = true WHERE org_id = :orgId AND idempotency_key = :key")
    void forgetWhenDelivered(@Bind("orgId") long orgId, @Bind("key") String idempotencyKey);

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
     * Queues the same update (or reply) after each of several earlier messages, {@code keys[i]} after
     * {@code earlierKeys[i]}, in one statement: an answered ask turns its DM and every reminder into "answered ✓" in
     * the answer's request. Returns how many were queued; a key queued before, or an earlier key with no message, is
     * left out as {@link #enqueueAfter} leaves it.
     */
    @SqlUpdate(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload, operation, earlier_key)
            SELECT o.org_id, after.key, o.platform, o.target_kind, o.target, CAST(:payload AS jsonb), :operation,
                   o.idempotency_key
            FROM unnest(CAST(:keys AS text[]), CAST(:earlierKeys AS text[])) WITH ORDINALITY AS after(key, earlier, n)
            JOIN outbox o ON o.org_id = :orgId AND o.idempotency_key = after.earlier
            ORDER BY after.n
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    int enqueueAfterEach(
            @Bind("orgId") long orgId,
            @Bind("keys") String[] idempotencyKeys,
            @Bind("earlierKeys") String[] earlierKeys,
            @Bind("operation") OutboxOperation operation,
            @Bind("payload") String payloadJson);

    /**
     * Queues many messages in one statement (a sweep's asks, a kudos' post and DMs); per message 1 when queued, 0 when
     * its key was queued before (or earlier in the same list). One {@code INSERT … SELECT FROM unnest(…)} with an
     * array per column rather than a JDBC batch: a batch is still one statement execution per row, and a sweep queues
     * thousands of rows per transaction.
     */
    default int[] enqueueAll(List<NewOutboxMessage> messages) {
        if (messages.isEmpty()) {
            return new int[0];
        }
        Set<String> queued = new HashSet<>(insertRows(
                messages.stream().mapToLong(NewOutboxMessage::orgId).toArray(),
                column(messages, NewOutboxMessage::idempotencyKey),
                column(messages, message -> message.platform().dbValue()),
                column(messages, message -> message.targetKind().dbValue()),
                column(messages, NewOutboxMessage::target),
                column(messages, NewOutboxMessage::threadId),
                column(messages, NewOutboxMessage::payload),
                column(messages, NewOutboxMessage::replyUrl)));
        int[] results = new int[messages.size()];
        for (int i = 0; i < results.length; i++) {
            // The first message with a key that went in counts; a repeat of it in the same list was not queued.
            results[i] = queued.remove(
                            messages.get(i).orgId() + ":" + messages.get(i).idempotencyKey())
                    ? 1
                    : 0;
        }
        return results;
    }

    /** A column of the rows as a text array, each value as storable as a single bound string would be. */
    private static String[] column(List<NewOutboxMessage> messages, Function<NewOutboxMessage, String> value) {
        return messages.stream().map(value).map(StorableText::clean).toArray(String[]::new);
    }

    /** Inserts the rows given column by column; returns "orgId:key" of each row inserted. */
    @SqlQuery(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, thread_id, payload, reply_url)
            SELECT m.org_id, m.key, m.platform, m.target_kind, m.target, m.thread_id, CAST(m.payload AS jsonb),
                   m.reply_url
            FROM unnest(CAST(:orgIds AS bigint[]), CAST(:keys AS text[]), CAST(:platforms AS text[]),
                        CAST(:targetKinds AS text[]), CAST(:targets AS text[]), CAST(:threadIds AS text[]),
                        CAST(:payloads AS text[]), CAST(:replyUrls AS text[]))
                 WITH ORDINALITY AS m(org_id, key, platform, target_kind, target, thread_id, payload, reply_url, n)
            ORDER BY m.n
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            RETURNING org_id || ':' || idempotency_key
            """)
    List<String> insertRows(
            @Bind("orgIds") long[] orgIds,
            @Bind("keys") String[] keys,
            @Bind("platforms") String[] platforms,
            @Bind("targetKinds") String[] targetKinds,
            @Bind("targets") String[] targets,
            @Bind("threadIds") String[] threadIds,
            @Bind("payloads") String[] payloads,
            @Bind("replyUrls") String[] replyUrls);
}
