package dev.candor.bot.oneonone;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Meeting times as people read them: in their own zone, named by day. */
final class When {
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private When() {}

    /** {@code Tuesday 3 March at 10:00}, in {@code zone}. */
    static String dayAndTime(Instant instant, ZoneId zone) {
        return DAY_AND_TIME.format(instant.atZone(zone));
    }

    /** {@code 10:00}, in {@code zone}. */
    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static String cadence(int everyWeeks) {
        return everyWeeks == 1 ? "Every week" : "Every " + everyWeeks + " weeks";
    }
}
