package dev.candor.scheduler.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What a sweep does for one due 1:1.
 *
 * @param remind send both the reminder of {@code meeting}
 * @param askNotes send both the notes form of {@code meeting}
 * @param meeting the occurrence the messages are about
 * @param occurrence, stage, nextEventAt where the 1:1 goes on from
 */
public record Step(
        boolean remind,
        boolean askNotes,
        LocalDateTime meeting,
        LocalDateTime occurrence,
        String stage,
        Instant nextEventAt) {
    public static final String REMIND = "remind";
    public static final String NOTES = "notes";
}
