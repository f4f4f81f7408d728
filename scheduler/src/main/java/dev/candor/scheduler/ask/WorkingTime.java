package dev.candor.scheduler.ask;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When one person may be asked something: their time zone, the organisation's quiet hours and working days, and
 * whether they are away. The one place these rules live; every feature that asks or reminds goes through it.
 *
 * @param quietFrom start of the quiet hours (default 20:00); the quiet hours run to {@code quietUntil} the next
 *     morning, or the same day when {@code quietFrom} is before {@code quietUntil}
 * @param quietUntil end of the quiet hours: the working morning an ask waits for (default 08:00)
 * @param awayUntil the last day the person is away (inclusive), if they are
 */
public record WorkingTime(
        ZoneId zone,
        LocalTime quietFrom,
        LocalTime quietUntil,
        Set<DayOfWeek> workingDays,
        Optional<LocalDate> awayUntil) {

    public static final LocalTime DEFAULT_QUIET_FROM = LocalTime.of(20, 0);
    public static final LocalTime DEFAULT_QUIET_UNTIL = LocalTime.of(8, 0);
    public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public WorkingTime {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day");
        }
        if (quietFrom.equals(quietUntil)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
        workingDays = Set.copyOf(workingDays);
        awayUntil = awayUntil == null ? Optional.empty() : awayUntil;
    }

    /** Monday to Friday, quiet from 20:00 to 08:00, not away. */
    public static WorkingTime defaults(ZoneId zone) {
        return new WorkingTime(zone, DEFAULT_QUIET_FROM, DEFAULT_QUIET_UNTIL, DEFAULT_WORKING_DAYS, Optional.empty());
    }

    /** True when {@code moment} is on a working day, outside the quiet hours, in the person's zone. */
    public boolean isWorking(Instant moment) {
        LocalDateTime local = LocalDateTime.ofInstant(moment, zone);
        return workingDays.contains(local.getDayOfWeek()) && !isQuiet(local.toLocalTime());
    }

    /**
     * True when a nudge of the week (a goal reminder, a review summary) may go at {@code moment}: in working time, not
     * away, and from {@code from} in the person's morning, so that it lands on their first working morning a sweep
     * finds them.
     */
    public boolean mayNudgeAt(Instant moment, LocalTime from) {
        return isWorking(moment)
                && !isAway(moment)
                && !LocalDateTime.ofInstant(moment, zone).toLocalTime().isBefore(from);
    }

    /** The person's ISO week at {@code moment}, e.g. {@code 2026-W49}: once-a-week keys count weeks in their zone. */
    public String week(Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, zone);
        return day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format(
                        java.util.Locale.ROOT, "%02d", day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** True when the person is away on the local day of {@code moment}. */
    public boolean isAway(Instant moment) {
        return awayUntil.isPresent() && !LocalDate.ofInstant(moment, zone).isAfter(awayUntil.get());
    }

    /**
     * The first moment at or after {@code wanted} at which the person may be asked: {@code wanted} itself when it
     * falls in working time, else the end of the quiet hours ({@code quietUntil}) on the next working day. Days the
     * person is away don't count as working days here; whether to skip an away person is the caller's choice.
     */
    public Instant earliestAt(Instant wanted) {
        if (isWorking(wanted) && !isAway(wanted)) {
            return wanted;
        }
        LocalDateTime local = LocalDateTime.ofInstant(wanted, zone);
        LocalDate day = local.toLocalDate();
        // This morning's end of quiet hours still lies ahead when wanted is in the early-morning part of them.
        if (local.toLocalTime().isBefore(quietUntil) && isQuiet(local.toLocalTime())) {
            Instant thisMorning = morningOf(day);
            if (isWorkingDay(day) && !thisMorning.isBefore(wanted)) {
                return thisMorning;
            }
        }
        for (int i = 1; i <= 366 * 2; i++) {
            LocalDate next = day.plusDays(i);
            if (isWorkingDay(next)) {
                return morningOf(next);
            }
        }
        throw new IllegalStateException("no working day within two years");
    }

    /** The moment {@code localTime} happens on {@code date} in the person's zone (after a DST gap: just after). */
    public Instant at(LocalDate date, LocalTime localTime) {
        return ZonedDateTime.of(date, localTime, zone).toInstant();
    }

    /**
     * The moment {@code workingDays} working days after {@code from}, at the same local time of day (for deadlines:
     * "two working days after opening").
     */
    public Instant workingDaysAfter(Instant from, int days) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate day = local.toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (workingDays.contains(day.getDayOfWeek())) {
                counted++;
            }
        }
        return at(day, local.toLocalTime());
    }

    /**
     * The person's last working day before {@code day} (the day before a meeting, for someone working Monday to
     * Friday: Friday for a Monday); days away count as working days here, as in {@link #workingDaysAfter}.
     */
    public LocalDate workingDayBefore(LocalDate day) {
        LocalDate before = day.minusDays(1);
        for (int i = 0; i < 7 && !workingDays.contains(before.getDayOfWeek()); i++) {
            before = before.minusDays(1);
        }
        return before;
    }

    private boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && (awayUntil.isEmpty() || day.isAfter(awayUntil.get()));
    }

    private Instant morningOf(LocalDate day) {
        return at(day, quietUntil);
    }

    private boolean isQuiet(LocalTime time) {
        if (quietFrom.isAfter(quietUntil)) {
            return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
        }
        return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
}
