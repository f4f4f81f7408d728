package dev.candor.bot.goal;

import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line forms of {@code /goals}: {@code add Ship the billing migration by 2027-03-31 from 0 to 120 customers}
 * and {@code update billing 60% at risk waiting on finance}.
 */
final class GoalLine {
    private static final Pattern BY = Pattern.compile("(?i)(?:^|\\s+)by\\s+(\\S+)\\s*$");
    private static final Pattern FROM_TO = Pattern.compile(
            "(?i)(?:^|\\s+)from\\s+(-?\\d+(?:\\.\\d+)?)\\s+to\\s+(-?\\d+(?:\\.\\d+)?)(?:\\s+(\\S.{0,39}?))?\\s*$");
    private static final Pattern VALUE = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)(%?)$");

    private GoalLine() {}

    /** A new goal as typed: its title, due day (or null), and measure; or what to fix. */
    record Added(
            String title,
            LocalDate due,
            GoalMeasure measure,
            BigDecimal from,
            BigDecimal to,
            String unit,
            String problem) {
        static Added problem(String problem) {
            return new Added(null, null, null, null, null, null, problem);
        }
    }

    /** "Ship the billing migration by 2027-03-31 from 0 to 120 customers", in either order of the two tails. */
    static Added add(String text) {
        String rest = text.strip();
        LocalDate due = null;
        BigDecimal from = null;
        BigDecimal to = null;
        String unit = null;
        for (int tail = 0; tail < 2; tail++) {
            Matcher by = BY.matcher(rest);
            if (due == null && by.find()) {
                try {
                    due = LocalDate.parse(by.group(1));
                } catch (DateTimeException e) {
                    return Added.problem("Write the due date as year-month-day, e.g. by 2027-03-31.");
                }
                rest = rest.substring(0, by.start());
                continue;
            }
            Matcher range = FROM_TO.matcher(rest);
            if (from == null && range.find()) {
                from = new BigDecimal(range.group(1));
                to = new BigDecimal(range.group(2));
                unit = range.group(3) == null ? null : range.group(3).strip();
                rest = rest.substring(0, range.start());
            }
        }
        String title = rest.strip();
        if (title.length() < 3) {
            return Added.problem("Say what the goal is, e.g. Ship the billing migration by 2027-03-31.");
        }
        if (title.length() > GoalForms.TITLE_LENGTH) {
            return Added.problem("Keep the title under " + GoalForms.TITLE_LENGTH + " characters; /goals add alone"
                    + " opens a form with room for a description.");
        }
        if (from != null && from.compareTo(to) == 0) {
            return Added.problem("The start and the target are both " + from.toPlainString()
                    + ": say where you start and where you want to get, e.g. from 0 to 120 customers.");
        }
        return from == null
                ? new Added(title, due, GoalMeasure.PERCENT, BigDecimal.ZERO, BigDecimal.valueOf(100), null, null)
                : new Added(title, due, GoalMeasure.NUMBER, from, to, unit, null);
    }

    /**
     * An update as typed: the words that find the goal, the value (null: unchanged; {@code percent}: typed with %),
     * the status (null: unchanged) and a comment; or what to fix.
     */
    record Updated(
            List<String> words, BigDecimal value, boolean percent, GoalStatus status, String comment, String problem) {}

    /** "billing 60% at risk waiting on finance", "billing at risk", "billing done". */
    static Updated update(String text) {
        List<String> tokens = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        for (int i = 1; i < tokens.size(); i++) {
            Matcher value = VALUE.matcher(tokens.get(i));
            int after = i;
            BigDecimal number = null;
            boolean percent = false;
            if (value.matches()) {
                number = new BigDecimal(value.group(1));
                percent = !value.group(2).isEmpty();
                after = i + 1;
            }
            int[] length = new int[1];
            GoalStatus status = status(tokens, after, length);
            if (number != null || status != null) {
                String comment = String.join(" ", tokens.subList(after + length[0], tokens.size()));
                return new Updated(
                        List.copyOf(tokens.subList(0, i)),
                        number,
                        percent,
                        status,
                        comment.isBlank() ? null : comment,
                        null);
            }
        }
        return new Updated(List.of(), null, false, null, null, "usage");
    }

    /** The status written at {@code at} ("on track", "at risk", "off track", "done"), its length in words. */
    private static GoalStatus status(List<String> tokens, int at, int[] length) {
        if (at >= tokens.size()) {
            return null;
        }
        String one = tokens.get(at).toLowerCase(Locale.ROOT).replaceAll("[.,;:!]$", "");
        if (one.equals("done")) {
            length[0] = 1;
            return GoalStatus.DONE;
        }
        if (at + 1 < tokens.size()) {
            String two = one + " " + tokens.get(at + 1).toLowerCase(Locale.ROOT).replaceAll("[.,;:!]$", "");
            for (GoalStatus status : GoalStatus.values()) {
                if (status.words().equals(two)
                        || status.dbValue().replace('_', '-').equals(one)) {
                    length[0] = status.words().equals(two) ? 2 : 1;
                    return status;
                }
            }
        }
        for (GoalStatus status : GoalStatus.values()) {
            if (status.dbValue().replace('_', '-').equals(one)) {
                length[0] = 1;
                return status;
            }
        }
        return null;
    }
}
