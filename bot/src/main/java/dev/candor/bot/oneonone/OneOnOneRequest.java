package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Mention;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /checkin 1on1 …} asks for, parsed without touching anything: {@code list}, {@code cancel @ana}, or
 * {@code @ana every 2 weeks tuesday 10:00} (also {@code every week}, {@code weekly}, {@code every 4 weeks},
 * {@code monthly}). Mistakes come back as a {@link Problem} saying what to type.
 */
sealed interface OneOnOneRequest {
    Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.h]([0-5]\\d)");
    Pattern NUMBER = Pattern.compile("\\d{1,2}");
    List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    record ListAll() implements OneOnOneRequest {}

    record Cancel(Mention person) implements OneOnOneRequest {}

    record Schedule(Mention person, int everyWeeks, DayOfWeek day, LocalTime time) implements OneOnOneRequest {}

    /** What was wrong, in words for the person; {@code usage} says to show the full syntax with it. */
    record Problem(String message) implements OneOnOneRequest {}

    /** @param text the command's text after {@code 1on1}, mentions shown as {@code @Display Name} */
    static OneOnOneRequest parse(String text, List<Mention> mentions) {
        String rest = withoutMentions(text, mentions).strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("list") && mentions.isEmpty()) {
            return new ListAll();
        }
        if (lower.startsWith("cancel")) {
            return mentions.size() == 1 ? new Cancel(mentions.get(0)) : new Problem("Name one person to cancel with.");
        }
        if (mentions.size() != 1) {
            return new Problem(mentions.isEmpty() ? "Name the person you meet with." : "Name one person only.");
        }
        return schedule(mentions.get(0), lower.split("\\s+"));
    }

    private static OneOnOneRequest schedule(Mention person, String[] words) {
        Integer every = null;
        DayOfWeek day = null;
        LocalTime time = null;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty() || word.equals("every") || word.equals("on") || word.equals("at")) {
                continue;
            }
            if (word.equals("weekly") || word.equals("week")) {
                every = 1;
            } else if (word.equals("biweekly") || word.equals("fortnightly")) {
                every = 2;
            } else if (word.equals("monthly") || word.equals("month")) {
                every = 4;
            } else if (NUMBER.matcher(word).matches() && i + 1 < words.length && words[i + 1].startsWith("week")) {
                every = Integer.parseInt(word);
                i++;
                if (every != 1 && every != 2 && every != 4) {
                    return new Problem(
                            "1:1s can be every week, every 2 weeks or every 4 weeks, not every " + every + " weeks.");
                }
            } else if (day(word) != null) {
                day = day(word);
            } else if (TIME.matcher(word).matches()) {
                Matcher matcher = TIME.matcher(word);
                matcher.matches();
                time = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            } else if (word.matches("\\d+([:.h]\\d+)?(am|pm)?")) {
                return new Problem("\"" + word + "\" isn't a time I can use: write 24-hour time like 10:00 or 14:30.");
            } else if (word.endsWith("day") || word.length() <= 3) {
                return new Problem("\"" + word + "\" isn't a day: write monday, tuesday, … sunday.");
            } else {
                return new Problem("I don't understand \"" + word + "\".");
            }
        }
        if (every == null) {
            return new Problem("Say how often: every week, every 2 weeks or every 4 weeks (monthly).");
        }
        if (day == null) {
            return new Problem("Say which day: monday to sunday.");
        }
        if (time == null) {
            return new Problem("Say at what time, as 24-hour time like 10:00 or 14:30.");
        }
        return new Schedule(person, every, day, time);
    }

    /** A day by its name or its first three letters. */
    private static DayOfWeek day(String word) {
        for (int i = 0; i < DAYS.size(); i++) {
            String name = DAYS.get(i);
            if (word.equals(name) || (word.length() >= 3 && name.startsWith(word))) {
                return DayOfWeek.of(i + 1);
            }
        }
        return null;
    }

    static String withoutMentions(String text, List<Mention> mentions) {
        String rest = text;
        for (Mention mention : mentions) {
            String shown = "@" + mention.displayName();
            int at = rest.indexOf(shown);
            if (at >= 0) {
                rest = rest.substring(0, at) + " " + rest.substring(at + shown.length());
            }
        }
        return rest;
    }
}
