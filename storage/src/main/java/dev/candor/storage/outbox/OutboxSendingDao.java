package dev.candor.storage.outbox;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What a delivery worker records about each message it sent or tried to send; the rest is in {@link OutboxDao}. */
public interface OutboxSendingDao {

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

    /** Holds every send on a pacing key for {@code millis} from now on the database clock (a 429 Retry-After). */
    @SqlUpdate(
            """
            INSERT INTO delivery_pacing AS p (pace_key, next_slot_at)
            VALUES (:key, clock_timestamp() + :millis * interval '1 ms')
            ON CONFLICT (pace_key) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, EXCLUDED.next_slot_at)
            """)
    void holdFor(@Bind("key") String paceKey, @Bind("millis") long millis);
}
