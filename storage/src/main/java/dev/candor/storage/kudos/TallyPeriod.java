package dev.candor.storage.kudos;

import dev.candor.storage.DbEnum;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar periods kudos are counted in, in the organisation's time zone: weeks from Monday, months, quarters,
 * years, and all time.
 */
public enum TallyPeriod implements DbEnum {
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    ALL;

    /** Where "all time" starts: one period for everything. */
    public static final LocalDate ALL_TIME = LocalDate.of(1970, 1, 1);

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
            case ALL -> ALL_TIME;
        };
    }

    /** The first day after the period that starts on {@code start}; null for all time. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
            case ALL -> null;
        };
    }

    /**
     * The zone an organisation's calendar runs in. Counting and reading both go through here, so an unusable
     * setting means UTC on both sides rather than kudos counted in one calendar and looked up in another.
     */
    public static ZoneId zone(String timezone) {
        try {
            return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
