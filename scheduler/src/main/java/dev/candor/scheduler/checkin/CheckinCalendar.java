package dev.candor.scheduler.checkin;

import dev.candor.storage.checkin.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A check-in's periods ("2026-W49", "2026-12") and the local time each one opens. Pure. The engine moves that local
 * time into each person's own zone and working time; this only decides which period is due.
 *
 * @param startsOn every-two-weeks counts its weeks from this day's week; no period opens before this day
 */
public record CheckinCalendar(Cadence cadence, DayOfWeek day, LocalTime time, LocalDate startsOn) {

    /** One period and its local opening. */
    public record Occurrence(String period, LocalDateTime opensLocal) {}

    /** The period the given day belongs to, with its opening (which may be before or after that day). */
    public Occurrence containing(LocalDate date) {
        return switch (cadence) {
            case WEEKLY -> weekOf(monday(date));
            case BIWEEKLY -> weekOf(pairStart(date));
            case MONTHLY -> monthOf(date.withDayOfMonth(1));
        };
    }

    /**
     * The latest period whose opening has come somewhere on Earth by {@code now} (its local time at UTC+18, before
     * any real zone), so that the round exists before the first person's opening; empty before the first period.
     */
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
                });
    }

    /** The first day of the occurrence's period. */
    private LocalDate start(Occurrence occurrence) {
        LocalDate opens = occurrence.opensLocal().toLocalDate();
        return cadence == Cadence.MONTHLY ? opens.withDayOfMonth(1) : monday(opens);
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
