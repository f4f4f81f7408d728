package dev.candor.bot.checkin;

import java.time.Instant;

/**
 * The engine's "open now": queue a round's due asks in this request instead of at the next sweep. Wired to the
 * engine's {@code AskOpener.openDue(roundId, now)}; until that is on this branch, {@link #NEXT_SWEEP} leaves the
 * asks to the engine's sweep.
 */
@FunctionalInterface
public interface AskQueue {
    AskQueue NEXT_SWEEP = (roundId, now) -> 0;

    /** Returns how many DMs were queued. */
    int openDue(long roundId, Instant now);
}
