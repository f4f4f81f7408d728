package dev.candor.storage.outbox;

import dev.candor.storage.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutboxMessage.class)
public interface OutboxDao {

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
    @SqlUpdate(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload, reply_url)
            VALUES (:orgId, :key, :platform, :targetKind, :target, CAST(:payload AS jsonb), :replyUrl)
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    boolean enqueue(
            @Bind("orgId") long orgId,
            @Bind("key") String idempotencyKey,
            @Bind("platform") Platform platform,
            @Bind("targetKind") TargetKind targetKind,
            @Bind("target") String target,
            @Bind("payload") String payloadJson,
            @Bind("replyUrl") String replyUrl);

    /**
     * Queues many messages in one batch (a sweep's nudges); per message 1 when queued, 0 when its key was queued
     * before.
     */
    @SqlBatch(
            """
            INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload)
            VALUES (:orgId, :idempotencyKey, :platform, :targetKind, :target, CAST(:payload AS jsonb))
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    int[] enqueueAll(@BindMethods List<NewOutboxMessage> messages);

    /** Drops queued messages whose keys start with a prefix and that were not sent yet (a kudos taken back). */
    @SqlUpdate(
            """
            DELETE FROM outbox WHERE org_id = :orgId AND idempotency_key LIKE :prefix || '%' AND status = 'pending'
            """)
    int cancelPending(@Bind("orgId") long orgId, @Bind("prefix") String keyPrefix);

    /**
     * Claims up to {@code limit} due messages for one worker. SKIP LOCKED lets workers on every node claim
     * disjoint rows; the lease returns a row to the queue if its worker dies mid-send.
     */
    @SqlQuery(
            """
            UPDATE outbox o
               SET status = 'sending', claimed_by = :worker, attempts = o.attempts + 1,
                   claimed_until = now() + make_interval(secs => :leaseSeconds)
             WHERE o.id IN (SELECT id FROM outbox
                             WHERE status = 'pending' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.org_id, o.idempotency_key, o.platform, o.target_kind, o.target, o.payload::text AS payload,
                      o.status, o.attempts, o.next_attempt_at, o.last_error, o.platform_message_id, o.created_at,
                      o.sent_at, o.reply_url
            """)
    List<OutboxMessage> claimDue(
            @Bind("worker") String workerId, @Bind("limit") int limit, @Bind("leaseSeconds") int leaseSeconds);

    @SqlUpdate(
            """
            UPDATE outbox SET status = 'sent', sent_at = now(), platform_message_id = :messageId,
                   claimed_until = NULL, last_error = NULL
            WHERE id = :id AND status = 'sending'
            """)
    int markSent(@Bind("id") long id, @Bind("messageId") String platformMessageId);

    /** Puts a claimed message back in the queue; {@code countAttempt=false} for pacing and rate limits. */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'pending', next_attempt_at = :at, last_error = :error, claimed_until = NULL,
                   attempts = CASE WHEN :countAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = :id AND status = 'sending'
            """)
    int reschedule(
            @Bind("id") long id,
            @Bind("at") Instant nextAttemptAt,
            @Bind("error") String error,
            @Bind("countAttempt") boolean countAttempt);

    @SqlUpdate(
            """
            UPDATE outbox SET status = 'failed', last_error = :reason, claimed_until = NULL
            WHERE id = :id AND status = 'sending'
            """)
    int markFailed(@Bind("id") long id, @Bind("reason") String reason);

    /** Returns messages whose worker vanished (crash, kill) to the queue. */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'pending', claimed_until = NULL, last_error = 'lease expired'
            WHERE status = 'sending' AND claimed_until < now()
            """)
    int releaseExpiredClaims();

    @SqlQuery("SELECT count(*) FROM outbox WHERE status = 'pending'")
    long countPending();

    @SqlQuery("SELECT status, count(*) AS n FROM outbox GROUP BY status")
    @KeyColumn("status")
    @ValueColumn("n")
    Map<OutboxStatus, Long> countByStatus();

    @SqlQuery(
            """
            SELECT id, org_id, idempotency_key, platform, target_kind, target, payload::text AS payload, status,
                   attempts, next_attempt_at, last_error, platform_message_id, created_at, sent_at, reply_url
            FROM outbox WHERE org_id = :orgId AND idempotency_key = :key
            """)
    Optional<OutboxMessage> findByKey(@Bind("orgId") long orgId, @Bind("key") String idempotencyKey);

    /**
     * Puts a claimed message back in the queue {@code delayMillis} from now on the database clock, so that every
     * node agrees on when it is due whatever its own clock says.
     */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'pending', next_attempt_at = clock_timestamp() + :delayMillis * interval '1 ms',
                   last_error = :error, claimed_until = NULL,
                   attempts = CASE WHEN :countAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = :id AND status = 'sending'
            """)
    int rescheduleIn(
            @Bind("id") long id,
            @Bind("delayMillis") long delayMillis,
            @Bind("error") String error,
            @Bind("countAttempt") boolean countAttempt);

    /**
     * Milliseconds until the earliest pending message is due (zero or negative: due now); empty when nothing is
     * pending. Lets a worker sleep exactly until the next retry instead of polling.
     */
    @SqlQuery(
            """
            SELECT (extract(epoch FROM next_attempt_at - clock_timestamp()) * 1000)::bigint
            FROM outbox WHERE status = 'pending'
            ORDER BY next_attempt_at LIMIT 1
            """)
    Optional<Long> millisUntilNextDue();

    /**
     * Takes the send slot of a pacing key if it is free, and frees the next one {@code intervalMillis} later;
     * false when the slot is still taken (see {@link #findNextSlot}). Nothing is reserved on failure, so a message
     * that is retried later competes afresh instead of pushing its own slot ever further away.
     *
     * <p>The row lock taken by ON CONFLICT makes this atomic across nodes; {@code clock_timestamp()} rather than
     * {@code now()} because a transaction that waited for that lock must compare with the time it got it.
     */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at)
            VALUES (:key, clock_timestamp() + :intervalMillis * interval '1 ms')
            ON CONFLICT (pace_key) DO UPDATE
                SET next_slot_at = clock_timestamp() + :intervalMillis * interval '1 ms'
                WHERE p.next_slot_at <= clock_timestamp()
            """)
    boolean tryAcquireSlot(@Bind("key") String paceKey, @Bind("intervalMillis") long intervalMillis);

    /** When the next send on a pacing key may happen; empty for a key that was never used. */
    @SqlQuery("SELECT next_slot_at FROM delivery_pacing WHERE pace_key = :key")
    Optional<Instant> findNextSlot(@Bind("key") String paceKey);

    /** Holds every send on a pacing key for {@code millis} from now on the database clock (a 429 Retry-After). */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at)
            VALUES (:key, clock_timestamp() + :millis * interval '1 ms')
            ON CONFLICT (pace_key) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, EXCLUDED.next_slot_at)
            """)
    void holdFor(@Bind("key") String paceKey, @Bind("millis") long millis);

    /** Holds every send on a pacing key until {@code until} (a platform said 429 Retry-After). */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at) VALUES (:key, :until)
            ON CONFLICT (pace_key) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, EXCLUDED.next_slot_at)
            """)
    void holdUntil(@Bind("key") String paceKey, @Bind("until") Instant until);
}
