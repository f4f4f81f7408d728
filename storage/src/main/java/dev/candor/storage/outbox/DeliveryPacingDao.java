package dev.candor.storage.outbox;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Send slots per pacing key ({@code delivery_pacing}), taken before every send; shared by every node. */
public interface DeliveryPacingDao {

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

    /** Until when a key is held by a 429 answer (or taken by a send); empty when it is free now. */
    @SqlQuery("SELECT next_slot_at FROM delivery_pacing WHERE pace_key = :key AND next_slot_at > clock_timestamp()")
    Optional<Instant> findHold(@Bind("key") String paceKey);
}
