package dev.candor.storage.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutboxMessage.class)
/** The outbox as a whole; queuing, recording sends and pacing are in the small types it extends. */
public interface OutboxDao extends OutboxQueueDao, OutboxSendingDao, DeliveryPacingDao {

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

    /** Holds every send on a pacing key until {@code until} (a platform said 429 Retry-After). */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at) VALUES (:key, :until)
            ON CONFLICT (pace_key) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, EXCLUDED.next_slot_at)
            """)
    void holdUntil(@Bind("key") String paceKey, @Bind("until") Instant until);
}
