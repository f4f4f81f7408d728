package dev.candor.bot.admin;

import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the commands that change one of the organisation's kudos settings; mistakes throw {@link AdminUsage}. */
final class SettingCommands {
    static final int MAX_ALLOWANCE = 1000;
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern EMOJI = Pattern.compile(":?([a-z0-9_+-]{1,80}):?");

    private SettingCommands() {}

    /** {@code allowance 5 per day} or {@code allowance hr-exempt on}. */
    static SettingChange<KudosSettings> allowance(Words words) {
        if (words.lower(1).equals("hr-exempt")) {
            return hrExempt(words);
        }
        if (words.size() == 1) {
            throw new AdminUsage("Say how many kudos per day, week or month.", AdminSyntax.ALLOWANCE);
        }
        int amount = number(words.word(1), 1, MAX_ALLOWANCE, "The allowance", AdminSyntax.ALLOWANCE);
        int periodAt = words.lower(2).equals("per") || words.lower(2).equals("a") ? 3 : 2;
        AllowancePeriod period = period(words.lower(periodAt));
        if (words.size() != periodAt + 1) {
            throw new AdminUsage("Say how many kudos per day, week or month.", AdminSyntax.ALLOWANCE);
        }
        return new SettingChange<>(
                "allowance",
                "Allowance",
                s -> s.withAllowance(amount, period),
                SettingCommands::showAllowance,
                s -> List.of("allowance " + showAllowance(s)));
    }

    private static SettingChange<KudosSettings> hrExempt(Words words) {
        boolean exempt = onOff(words, 2, AdminSyntax.HR_EXEMPT);
        return new SettingChange<>(
                "allowance hr-exempt",
                "HR admins exempt from the allowance",
                s -> s.withHrAdminsExempt(exempt),
                s -> onOff(s.hrAdminsExempt()),
                s -> List.of("allowance hr-exempt " + onOff(s.hrAdminsExempt())));
    }

    /** {@code values require on|off}. */
    static SettingChange<KudosSettings> valuesRequire(Words words) {
        boolean required = onOff(words, 2, AdminSyntax.VALUES_REQUIRE);
        return new SettingChange<>(
                "values require",
                "A value tag required in every kudos",
                s -> s.withValueRequired(required),
                s -> onOff(s.valueRequired()),
                s -> List.of("values require " + onOff(s.valueRequired())));
    }

    /** {@code digest friday 16:00}, {@code digest off}, {@code digest on}. */
    static SettingChange<KudosSettings> digest(Words words) {
        String first = words.lower(1);
        if (words.size() == 2 && (first.equals("on") || first.equals("off"))) {
            boolean enabled = first.equals("on");
            return digestChange(s -> s.withDigest(enabled, s.digestDay(), s.digestTime()));
        }
        DayOfWeek day = day(first);
        Matcher time = TIME.matcher(words.word(2));
        if (!time.matches() || words.size() != 3) {
            throw new AdminUsage("Give the time as HH:MM on a 24-hour clock, e.g. 09:30 or 16:00.", AdminSyntax.DIGEST);
        }
        LocalTime at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
        return digestChange(s -> s.withDigest(true, day.getValue(), at));
    }

    private static SettingChange<KudosSettings> digestChange(UnaryOperator<KudosSettings> update) {
        return new SettingChange<>("digest", "Weekly digest", update, SettingCommands::showDigest, s -> {
            String schedule = "digest " + dayName(s.digestDay()).toLowerCase(Locale.ROOT) + " " + s.digestTime();
            return s.digestEnabled() ? List.of(schedule) : List.of(schedule, "digest off");
        });
    }

    /** {@code reaction-emoji :raised_hands:}; stored without colons, as Slack names reactions. */
    static SettingChange<KudosSettings> reactionEmoji(Words words) {
        Matcher emoji = EMOJI.matcher(words.lower(1));
        if (words.size() != 2 || !emoji.matches()) {
            throw new AdminUsage(
                    "Give one Slack emoji by its name, like :clap: or :raised_hands: (lower-case letters, digits,"
                            + " _ + -).",
                    AdminSyntax.REACTION_EMOJI);
        }
        String name = emoji.group(1);
        return new SettingChange<>(
                "reaction-emoji",
                "Reaction that gives kudos",
                s -> s.withReactionEmoji(name),
                s -> ":" + s.reactionEmoji() + ":",
                s -> List.of("reaction-emoji :" + s.reactionEmoji() + ":"));
    }

    /** {@code min-length 20}. */
    static SettingChange<KudosSettings> minLength(Words words) {
        int minimum = single(words, 0, 500, "The minimum length", AdminSyntax.MIN_LENGTH);
        return new SettingChange<>(
                "min-length",
                "Minimum kudos length",
                s -> s.withMinMessageLength(minimum),
                s -> s.minMessageLength() + " characters",
                s -> List.of("min-length " + s.minMessageLength()));
    }

    /** {@code gap-weeks 4}. */
    static SettingChange<KudosSettings> gapWeeks(Words words) {
        int weeks = single(words, 1, 52, "The number of weeks", AdminSyntax.GAP_WEEKS);
        return new SettingChange<>(
                "gap-weeks",
                "Manager nudge after weeks without kudos",
                s -> s.withGapWeeks(weeks),
                s -> s.gapWeeks() + (s.gapWeeks() == 1 ? " week" : " weeks"),
                s -> List.of("gap-weeks " + s.gapWeeks()));
    }

    static String showAllowance(KudosSettings settings) {
        return settings.allowanceAmount() + " per " + settings.allowancePeriod().dbValue();
    }

    static String showDigest(KudosSettings settings) {
        String schedule = dayName(settings.digestDay()) + "s at " + settings.digestTime();
        return settings.digestEnabled() ? schedule : "off (" + schedule + " when on)";
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String dayName(int isoDay) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static int single(Words words, int min, int max, String what, AdminSyntax syntax) {
        if (words.size() != 2) {
            throw new AdminUsage(what + " is one whole number from " + min + " to " + max + ".", syntax);
        }
        return number(words.word(1), min, max, what, syntax);
    }

    private static int number(String text, int min, int max, String what, AdminSyntax syntax) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new AdminUsage(what + " is a whole number from " + min + " to " + max + ".", syntax);
    }

    private static AllowancePeriod period(String word) {
        String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        for (AllowancePeriod period : AllowancePeriod.values()) {
            if (period.dbValue().equals(singular)) {
                return period;
            }
        }
        throw new AdminUsage("The allowance is per day, per week or per month.", AdminSyntax.ALLOWANCE);
    }

    private static DayOfWeek day(String word) {
        String name = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (name.length() >= 3 && full.startsWith(name)) {
                return day;
            }
        }
        throw new AdminUsage(
                "Say which day of the week (monday to sunday) and the time, or on or off.", AdminSyntax.DIGEST);
    }

    private static boolean onOff(Words words, int index, AdminSyntax syntax) {
        String word = words.lower(index);
        if (words.size() == index + 1 && (word.equals("on") || word.equals("off"))) {
            return word.equals("on");
        }
        throw new AdminUsage("Say on or off.", syntax);
    }
}
