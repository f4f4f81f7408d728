package dev.candor.scheduler.ask;

import dev.candor.storage.ask.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods of a series of rounds ("2026-W49", "2026-12", "2026-Q4") and the local time each one opens: a check-in's,
 * a recurring survey's. Pure. The engine moves that local time into each person's own zone and working time; this only
 * decides which period is due.
 *
 * @param startsOn every-two-weeks counts its weeks from this day's week; no period opens before this day
 */
public record RoundCalendar(Cadence cadence, DayOfWeek day, LocalTime time, LocalDate startsOn)
        implements RoundSeries.Due {

    /** The only period of a one-off series. */
    public static final String ONCE = "once";

    /** One period and its local opening. */
    public record Occurrence(String period, LocalDateTime opensLocal) {}

    /** A series of one round, opening at {@code opensLocal} in each person's zone (period {@link #ONCE}). */
    public static RoundSeries.Due once(LocalDateTime opensLocal) {
        Occurrence only = new Occurrence(ONCE, opensLocal);
        return now -> opened(only, now) ? Optional.of(only) : Optional.empty();
    }

    /** The period the given day belongs to, with its opening (which may be before or after that day). */
    public Occurrence containing(LocalDate date) {
        return switch (cadence) {
            case WEEKLY -> weekOf(monday(date));
            case BIWEEKLY -> weekOf(pairStart(date));
            case MONTHLY -> monthOf(date.withDayOfMonth(1));
            case QUARTERLY -> quarterOf(quarterStart(date));
        };
    }

    /**
     * The latest period whose opening has come somewhere on Earth by {@code now} (its local time at UTC+18, before
     * any real zone), so that the round exists before the first person's opening; empty before the first period.
     */
    @Override
    public Optional<Occurrence> latestDue(Instant now) {
        LocalDate earliestToday = now.atOffset(ZoneOffset.MAX).toLocalDate();
        Occurrence current = containing(earliestToday);
        Occurrence due = opened(current, now) ? current : previous(current);
        return due.opensLocal().toLocalDate().isBefore(startsOn) ? Optional.empty() : Optional.of(due);
    }

    /** The first period whose opening day is {@code date} or later, and not before the start. */
    public Occurrence next(LocalDate date) {
        LocalDate from = date.isBefore(startsOn) ? startsOn : date;
        Occurrence current = containing(from);
        return current.opensLocal().toLocalDate().isBefore(from) ? following(current) : current;
    }

    /** How often, in words: "every Friday", "the first Monday of each quarter". */
    public String describe() {
        String weekday = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return switch (cadence) {
            case WEEKLY -> "every " + weekday;
            case BIWEEKLY -> "every other " + weekday;
            case MONTHLY -> "the first " + weekday + " of each month";
            case QUARTERLY -> "the first " + weekday + " of each quarter";
        };
    }

    private static boolean opened(Occurrence occurrence, Instant now) {
        return !occurrence.opensLocal().toInstant(ZoneOffset.MAX).isAfter(now);
    }

    private Occurrence previous(Occurrence occurrence) {
        return containing(start(occurrence).minusDays(1));
    }

    private Occurrence following(Occurrence occurrence) {
        LocalDate start = start(occurrence);
        return containing(
                switch (cadence) {
                    case WEEKLY -> start.plusWeeks(1);
                    case BIWEEKLY -> start.plusWeeks(2);
                    case MONTHLY -> start.plusMonths(1);
                    case QUARTERLY -> start.plusMonths(3);
                });
    }

    /** The first day of the occurrence's period. */
    private LocalDate start(Occurrence occurrence) {
        LocalDate opens = occurrence.opensLocal().toLocalDate();
        return switch (cadence) {
            case WEEKLY, BIWEEKLY -> monday(opens);
            case MONTHLY -> opens.withDayOfMonth(1);
            case QUARTERLY -> quarterStart(opens);
        };
    }

    private Occurrence weekOf(LocalDate monday) {
        String period = "%d-W%02d"
                .formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Occurrence(
                period, monday.with(TemporalAdjusters.nextOrSame(day)).atTime(time));
    }

    private Occurrence monthOf(LocalDate first) {
        String period = "%d-%02d".formatted(first.getYear(), first.getMonthValue());
        return new Occurrence(
                period, first.with(TemporalAdjusters.firstInMonth(day)).atTime(time));
    }

    private Occurrence quarterOf(LocalDate first) {
        String period = "%d-Q%d".formatted(first.getYear(), first.get(IsoFields.QUARTER_OF_YEAR));
        return new Occurrence(
                period, first.with(TemporalAdjusters.firstInMonth(day)).atTime(time));
    }

    private static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2, 1);
    }

    /** The Monday of the two-week pair holding {@code date}, pairs counted from the start's week. */
    private LocalDate pairStart(LocalDate date) {
        LocalDate monday = monday(date);
        long weeks = ChronoUnit.WEEKS.between(monday(startsOn), monday);
        return Math.floorMod(weeks, 2) == 0 ? monday : monday.minusWeeks(1);
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
