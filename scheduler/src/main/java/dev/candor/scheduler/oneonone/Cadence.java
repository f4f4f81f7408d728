package dev.candor.scheduler.oneonone;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * When a recurring 1:1 meets: every 1, 2 or 4 weeks on a weekday at a wall-clock time in the manager's zone. Pure:
 * the same local time stays the same across daylight-saving changes (the instant moves, the meeting doesn't).
 */
public record Cadence(int everyWeeks, DayOfWeek weekday, LocalTime time, ZoneId zone) {
    /** The reminder goes out this long before the meeting. */
    public static final Duration REMIND_BEFORE = Duration.ofHours(1);
    /** The notes form goes out this long after the meeting started: a 1:1 is usually half an hour. */
    public static final Duration NOTES_AFTER = Duration.ofMinutes(30);

    public Cadence {
        if (everyWeeks != 1 && everyWeeks != 2 && everyWeeks != 4) {
            throw new IllegalArgumentException("1:1s are every 1, 2 or 4 weeks, not " + everyWeeks);
        }
    }

    /** The first meeting whose reminder is still to come at {@code now}. */
    public LocalDateTime first(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDateTime candidate =
                today.with(TemporalAdjusters.nextOrSame(weekday)).atTime(time);
        while (!remindAt(candidate).isAfter(now)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }

    /** The meeting after {@code occurrence}. */
    public LocalDateTime next(LocalDateTime occurrence) {
        return occurrence.plusWeeks(everyWeeks);
    }

    /** The meeting's instant; a time skipped by a daylight-saving change moves forward by the gap. */
    public Instant at(LocalDateTime occurrence) {
        return occurrence.atZone(zone).toInstant();
    }

    public Instant remindAt(LocalDateTime occurrence) {
        return at(occurrence).minus(REMIND_BEFORE);
    }

    public Instant notesAt(LocalDateTime occurrence) {
        return at(occurrence).plus(NOTES_AFTER);
    }

    /** A stored zone, or UTC when the text is not one (a bad row must not stop everyone's reminders). */
    public static ZoneId zone(String stored) {
        if (stored == null || stored.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(stored);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
