package dev.candor.scheduler.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What is due for a 1:1 at {@code now}. Pure. A 1:1 goes round two stages per meeting: {@code remind} (at one hour
 * before, both hear about it with the agenda) then {@code notes} (half an hour after it started, both get the notes
 * form), then on to the next meeting. A reminder found after its meeting started is pointless and skipped; a
 * sweeper that was down for weeks catches up with one notes form for the last missed meeting, never a burst.
 */
public final class OneOnOnePlanner {

    public Step step(Cadence cadence, LocalDateTime occurrence, String stage, Instant now) {
        if (Step.REMIND.equals(stage)) {
            boolean inTime = now.isBefore(cadence.at(occurrence));
            return new Step(inTime, false, occurrence, occurrence, Step.NOTES, cadence.notesAt(occurrence));
        }
        LocalDateTime next = cadence.next(occurrence);
        while (!cadence.remindAt(next).isAfter(now)) {
            next = cadence.next(next);
        }
        return new Step(false, true, occurrence, next, Step.REMIND, cadence.remindAt(next));
    }
}
