package dev.candor.storage.outbox;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What a delivery worker records about each message it sent or tried to send; the rest is in {@link OutboxDao}.
 * Every update is of the worker's own claim: one that lapsed and went to another node is not touched (0 rows).
 */
public interface OutboxSendingDao {

    /**
     * Notes that the platform is about to be called for a claimed message, so that a claim ending without a result
     * leaves it in doubt. False when the claim is no longer this worker's, or its lease ran out: then it must not be
     * sent, since another node may take it over at any moment.
     */
    @SqlUpdate(
            """
            UPDATE outbox SET send_started_at = clock_timestamp()
            WHERE id = :id AND status = 'sending' AND claimed_by = :worker AND claimed_until > clock_timestamp()
            """)
    boolean markSendStarted(@Bind("id") long id, @Bind("worker") String workerId);

    /**
     * Records a message as delivered ({@code resent}: sent again, in doubt, without making sure it wasn't there).
     * Also when this worker's lapsed claim was returned to the queue meanwhile and not claimed again: it is true,
     * and saves the resend another node would make.
     */
    default int markSent(long id, String workerId, String platformMessageId, boolean resent) {
        return markSent(id, workerId, platformMessageId, null, null, resent);
    }

    /**
     * Records a message as delivered, with where the platform put it ({@code channel}, or null when it didn't say)
     * and the thread a reply went into (kept for replies to it); see {@link #markSent(long, String, String, boolean)}.
     */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'sent', sent_at = now(), platform_message_id = :messageId,
                   platform_channel = COALESCE(:channel, platform_channel), thread_id = COALESCE(thread_id, :thread),
                   claimed_until = NULL, send_started_at = NULL, last_error = NULL,
                   resends = resends + CASE WHEN :resent THEN 1 ELSE 0 END
            WHERE id = :id AND (status = 'sending' AND claimed_by = :worker OR status = 'pending')
            """)
    int markSent(
            @Bind("id") long id,
            @Bind("worker") String workerId,
            @Bind("messageId") String platformMessageId,
            @Bind("channel") String channel,
            @Bind("thread") String threadId,
            @Bind("resent") boolean resent);

    /**
     * The message a reply or update refers to, by its key in the same organisation, and whether replies or updates
     * of it queued before {@code beforeId} are still to be sent; empty when there is none (never queued, or deleted by
     * retention).
     */
    @SqlQuery(
            """
            SELECT e.status, e.platform_message_id, e.platform_channel, e.thread_id,
                   GREATEST(0, extract(epoch FROM e.next_attempt_at - clock_timestamp()) * 1000)::bigint
                       AS millis_until_due,
                   EXISTS (SELECT 1 FROM outbox o
                            WHERE o.org_id = e.org_id AND o.earlier_key = e.idempotency_key AND o.id < :beforeId
                              AND o.status IN ('pending', 'sending')) AS older_unsent
            FROM outbox e WHERE e.org_id = :orgId AND e.idempotency_key = :key
            """)
    @RegisterConstructorMapper(EarlierMessage.class)
    Optional<EarlierMessage> findEarlier(
            @Bind("orgId") long orgId, @Bind("key") String earlierKey, @Bind("beforeId") long beforeId);

    /** Puts a claimed message back in the queue; {@code countAttempt=false} for pacing and rate limits. */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'pending', next_attempt_at = :at, last_error = :error, claimed_until = NULL,
                   send_started_at = NULL, attempts = CASE WHEN :countAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = :id AND status = 'sending' AND claimed_by = :worker
            """)
    int reschedule(
            @Bind("id") long id,
            @Bind("worker") String workerId,
            @Bind("at") Instant nextAttemptAt,
            @Bind("error") String error,
            @Bind("countAttempt") boolean countAttempt);

    @SqlUpdate(
            """
            UPDATE outbox SET status = 'failed', last_error = :reason, claimed_until = NULL, send_started_at = NULL
            WHERE id = :id AND status = 'sending' AND claimed_by = :worker
            """)
    int markFailed(@Bind("id") long id, @Bind("worker") String workerId, @Bind("reason") String reason);

    /**
     * Puts a claimed message back in the queue {@code delayMillis} from now on the database clock, so that every
     * node agrees on when it is due whatever its own clock says. {@code inDoubt}: the platform may have got it (a
     * timeout, an I/O error or a server error after the request went out); it stays in doubt until it is sent.
     */
    @SqlUpdate(
            """
            UPDATE outbox SET status = 'pending', next_attempt_at = clock_timestamp() + :delayMillis * interval '1 ms',
                   last_error = :error, claimed_until = NULL,
                   in_doubt_since = CASE WHEN :inDoubt THEN COALESCE(in_doubt_since, send_started_at, clock_timestamp())
                                         ELSE in_doubt_since END,
                   send_started_at = NULL,
                   attempts = CASE WHEN :countAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = :id AND status = 'sending' AND claimed_by = :worker
            """)
    int rescheduleIn(
            @Bind("id") long id,
            @Bind("worker") String workerId,
            @Bind("delayMillis") long delayMillis,
            @Bind("error") String error,
            @Bind("countAttempt") boolean countAttempt,
            @Bind("inDoubt") boolean inDoubt);

    /** Holds every send on a pacing key for {@code millis} from now on the database clock (a 429 Retry-After). */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at)
            VALUES (:key, clock_timestamp() + :millis * interval '1 ms')
            ON CONFLICT (pace_key) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, EXCLUDED.next_slot_at)
            """)
    void holdFor(@Bind("key") String paceKey, @Bind("millis") long millis);
}
