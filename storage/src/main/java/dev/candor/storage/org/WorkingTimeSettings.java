package dev.candor.storage.org;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When an organisation's people may be asked things: not in the quiet hours, only on working days, each in their own
 * time zone. HR changes it with {@code /candor admin quiet-hours} and {@code working-days}.
 *
 * @param quietFrom start of the quiet hours, e.g. 20:00
 * @param quietUntil end of the quiet hours, e.g. 08:00 the next morning: when asks that waited go out
 */
public record WorkingTimeSettings(LocalTime quietFrom, LocalTime quietUntil, Set<DayOfWeek> workingDays) {
    public static final WorkingTimeSettings DEFAULTS = new WorkingTimeSettings(
            LocalTime.of(20, 0), LocalTime.of(8, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public WorkingTimeSettings {
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (quietFrom.equals(quietUntil)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
    }

    public WorkingTimeSettings withQuietHours(LocalTime from, LocalTime until) {
        return new WorkingTimeSettings(from, until, workingDays);
    }

    public WorkingTimeSettings withWorkingDays(Set<DayOfWeek> days) {
        return new WorkingTimeSettings(quietFrom, quietUntil, days);
    }

    /** ISO day numbers (1 = Monday), ascending, as the database keeps them. */
    public int[] isoDays() {
        return workingDays.stream().mapToInt(DayOfWeek::getValue).sorted().toArray();
    }

    /** The days from ISO day numbers as the database keeps them. */
    public static Set<DayOfWeek> days(Object[] isoDays) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object day : isoDays) {
            days.add(DayOfWeek.of(((Number) day).intValue()));
        }
        return days;
    }
}
