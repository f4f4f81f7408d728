package dev.candor.storage.outbox;

import java.time.Duration;
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
     * disjoint rows; the lease, which the worker renews while it lives ({@link #renewClaims}), returns a row to the
     * queue if its worker dies.
     */
    default List<OutboxMessage> claimDue(String workerId, int limit, Duration lease) {
        return claimDueForMillis(workerId, limit, lease.toMillis());
    }

    @SqlQuery(
            """
            UPDATE outbox o
               SET status = 'sending', claimed_by = :worker, attempts = o.attempts + 1,
                   claimed_until = now() + :leaseMillis * interval '1 ms'
             WHERE o.id IN (SELECT id FROM outbox
                             WHERE status = 'pending' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.org_id, o.idempotency_key, o.platform, o.target_kind, o.target, o.payload::text AS payload,
                      o.status, o.attempts, o.next_attempt_at, o.last_error, o.platform_message_id, o.created_at,
                      o.sent_at, o.reply_url, o.in_doubt_since, o.operation, o.thread_id, o.earlier_key,
                      o.platform_channel
            """)
    List<OutboxMessage> claimDueForMillis(
            @Bind("worker") String workerId, @Bind("limit") int limit, @Bind("leaseMillis") long leaseMillis);

    /** Extends every claim of a live worker by a lease from now; how many claims it holds. */
    @SqlUpdate(
            """
            UPDATE outbox SET claimed_until = clock_timestamp() + :leaseMillis * interval '1 ms'
            WHERE status = 'sending' AND claimed_by = :worker
            """)
    int renewClaims(@Bind("worker") String workerId, @Bind("leaseMillis") long leaseMillis);

    /**
     * Returns the messages whose lease ran out to the queue: their node died, or lost the database for longer than
     * a lease. Per message, true when it is in doubt now ({@link #release}).
     */
    default List<Boolean> releaseExpiredClaims() {
        return release(null, false, "lease expired");
    }

    /** A stopping worker's claims that no send was started for go back to the queue at once, not in doubt. */
    default int returnUnstarted(String workerId) {
        return release(workerId, true, "node stopped").size();
    }

    /** Every claim a stopping worker still holds goes back; per message, true when it is in doubt now. */
    default List<Boolean> releaseClaims(String workerId) {
        return release(workerId, false, "node stopped");
    }

    /**
     * Ends claims without a result: the expired ones when {@code workerId} is null, else those of that worker (only
     * those it had not started to send if {@code unstartedOnly}). A message whose send had started is in doubt from
     * then on; one that was only claimed goes back as it was, the claim not counted as an attempt.
     */
    @SqlQuery(
            """
            WITH released AS (
                SELECT id, send_started_at IS NOT NULL AS was_sending FROM outbox
                 WHERE status = 'sending'
                   AND CASE WHEN CAST(:worker AS text) IS NULL THEN claimed_until < now()
                            ELSE claimed_by = :worker AND (send_started_at IS NULL OR NOT :unstartedOnly) END
                 FOR UPDATE SKIP LOCKED)
            UPDATE outbox o
               SET status = 'pending', claimed_until = NULL, send_started_at = NULL,
                   in_doubt_since = COALESCE(o.in_doubt_since, o.send_started_at),
                   attempts = CASE WHEN o.send_started_at IS NULL THEN o.attempts - 1 ELSE o.attempts END,
                   last_error = CASE WHEN o.send_started_at IS NULL THEN :cause ELSE :cause || ' while sending' END
              FROM released r
             WHERE o.id = r.id
            RETURNING r.was_sending
            """)
    List<Boolean> release(
            @Bind("worker") String workerId, @Bind("unstartedOnly") boolean unstartedOnly, @Bind("cause") String cause);

    @SqlQuery("SELECT count(*) FROM outbox WHERE status = 'pending'")
    long countPending();

    @SqlQuery("SELECT status, count(*) AS n FROM outbox GROUP BY status")
    @KeyColumn("status")
    @ValueColumn("n")
    Map<OutboxStatus, Long> countByStatus();

    @SqlQuery(
            """
            SELECT id, org_id, idempotency_key, platform, target_kind, target, payload::text AS payload, status,
                   attempts, next_attempt_at, last_error, platform_message_id, created_at, sent_at, reply_url,
                   in_doubt_since, operation, thread_id, earlier_key, platform_channel
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
