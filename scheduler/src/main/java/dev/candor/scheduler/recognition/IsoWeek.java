package dev.candor.scheduler.recognition;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * An ISO-8601 week, the period weekly messages are idempotent over: {@code 2025-W01}. Its year is the week-based
 * year, which differs from the calendar year around New Year (Monday 30 December 2024 is in 2025-W01).
 */
public record IsoWeek(int year, int week) {

    public IsoWeek {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("ISO week must be 1 to 53, was " + week);
        }
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
