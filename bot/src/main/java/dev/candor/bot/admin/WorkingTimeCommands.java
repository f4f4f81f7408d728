package dev.candor.bot.admin;

import dev.candor.storage.org.WorkingTimeSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the commands that change when people may be asked things: {@code working-days} and {@code quiet-hours}.
 * Mistakes throw {@link AdminUsage}.
 */
final class WorkingTimeCommands {
    private static final Pattern HOURS =
            Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])-([01]?[0-9]|2[0-3]):([0-5][0-9])");
    /** Less than this outside the quiet hours, and a working day has no room for asking anyone anything. */
    private static final Duration SHORTEST_DAY = Duration.ofHours(1);

    private WorkingTimeCommands() {}

    /** {@code working-days mon,tue,wed,thu,fri}; also {@code mon-fri}, spaces, full names. */
    static SettingChange<WorkingTimeSettings> workingDays(Words words) {
        String typed = words.rest(1).toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            throw new AdminUsage("Say which days people work, separated by commas.", AdminSyntax.WORKING_DAYS);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : typed.split("[,;\\s]+")) {
            if (!part.isEmpty()) {
                days.addAll(dayOrRange(part));
            }
        }
        return new SettingChange<>(
                "working-days",
                "Working days",
                s -> s.withWorkingDays(days),
                s -> showDays(s.workingDays()),
                s -> List.of("working-days " + command(s.workingDays())));
    }

    /** {@code quiet-hours 20:00-08:00}; also with spaces, an en dash or "to". */
    static SettingChange<WorkingTimeSettings> quietHours(Words words) {
        String typed = words.rest(1)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s*(–|—|-|\\bto\\b)\\s*", "-")
                .replaceAll("\\s+", "-");
        Matcher hours = HOURS.matcher(typed);
        if (!hours.matches()) {
            throw new AdminUsage(
                    "Give the quiet hours as two times on a 24-hour clock, when they start and when they end,"
                            + " e.g. 20:00-08:00.",
                    AdminSyntax.QUIET_HOURS);
        }
        LocalTime from = time(hours.group(1), hours.group(2));
        LocalTime until = time(hours.group(3), hours.group(4));
        if (outsideQuietHours(from, until).compareTo(SHORTEST_DAY) < 0) {
            throw new AdminUsage(
                    "That leaves less than an hour a day in which people may be asked. The quiet hours run from"
                            + " the first time to the second, e.g. 20:00-08:00 is overnight.",
                    AdminSyntax.QUIET_HOURS);
        }
        return new SettingChange<>(
                "quiet-hours",
                "Quiet hours",
                s -> s.withQuietHours(from, until),
                WorkingTimeCommands::showQuietHours,
                s -> List.of("quiet-hours " + s.quietFrom() + "-" + s.quietUntil()));
    }

    /** {@code Monday to Friday}, {@code every day}, or {@code Monday, Wednesday and Friday}. */
    static String showDays(Set<DayOfWeek> days) {
        if (days.size() == DayOfWeek.values().length) {
            return "every day";
        }
        List<DayOfWeek> run = run(days);
        if (run.size() >= 3) {
            return name(run.get(0)) + " to " + name(run.get(run.size() - 1));
        }
        List<String> names =
                mondayFirst(days).stream().map(WorkingTimeCommands::name).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** {@code 20:00–08:00}. */
    static String showQuietHours(WorkingTimeSettings settings) {
        return settings.quietFrom() + "–" + settings.quietUntil();
    }

    private static List<DayOfWeek> dayOrRange(String part) {
        int dash = part.indexOf('-');
        if (dash < 0) {
            return List.of(day(part, part));
        }
        DayOfWeek first = day(part.substring(0, dash), part);
        DayOfWeek last = day(part.substring(dash + 1), part);
        List<DayOfWeek> range = new ArrayList<>();
        for (DayOfWeek day = first; day != last; day = day.plus(1)) {
            range.add(day);
        }
        range.add(last);
        return range;
    }

    /** @param typed what the person typed around the word, to name in a mistake */
    private static DayOfWeek day(String word, String typed) {
        String name = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name.length() >= 3 && name(day).toLowerCase(Locale.ROOT).startsWith(name)) {
                return day;
            }
        }
        throw new AdminUsage(
                "I don't know the day \"" + typed + "\". Name days as mon, tue, wed, thu, fri, sat and sun,"
                        + " separated by commas (or a range such as mon-fri).",
                AdminSyntax.WORKING_DAYS);
    }

    /**
     * The days as one run of consecutive days, wrapping round the week (Sunday to Thursday), starting where it starts;
     * empty when they are not one run.
     */
    private static List<DayOfWeek> run(Set<DayOfWeek> days) {
        List<DayOfWeek> starts = mondayFirst(days).stream()
                .filter(day -> !days.contains(day.minus(1)))
                .toList();
        if (starts.size() != 1) {
            return List.of();
        }
        List<DayOfWeek> run = new ArrayList<>();
        for (DayOfWeek day = starts.get(0); days.contains(day) && run.size() < days.size(); day = day.plus(1)) {
            run.add(day);
        }
        return run;
    }

    private static List<DayOfWeek> mondayFirst(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().toList();
    }

    /** The days as the command takes them: {@code mon,tue,wed,thu,fri}. */
    private static String command(Set<DayOfWeek> days) {
        return mondayFirst(days).stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static LocalTime time(String hours, String minutes) {
        return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
    }

    private static Duration outsideQuietHours(LocalTime from, LocalTime until) {
        Duration quiet = Duration.between(from, until);
        if (quiet.isNegative() || quiet.isZero()) {
            quiet = quiet.plusDays(1);
        }
        return Duration.ofDays(1).minus(quiet);
    }
}
