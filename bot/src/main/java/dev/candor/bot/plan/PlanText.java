package dev.candor.bot.plan;

import dev.candor.bot.chat.Syntax;
import dev.candor.storage.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How improvement plans write days, moments and commands. */
final class PlanText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private PlanText() {}

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code Monday 1 February}, for DMs about a day soon. */
    static String longDay(LocalDate day) {
        return LONG_DAY.format(day);
    }

    static String moment(Instant at, ZoneId zone) {
        return MOMENT.format(at.atZone(zone));
    }

    static String plan(Platform platform, String rest) {
        return Syntax.command(platform, "candor plan" + (rest.isEmpty() ? "" : " " + rest));
    }

    static String name(long planId) {
        return "#" + planId;
    }
}
