package dev.candor.bot.people.away;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows {@code away} in {@code /candor away until 2026-12-24}: a last day away, {@code off}, or nothing (what
 * Candor knows now). Mistakes throw {@link Mistake} with what is wrong; the handler adds what to type.
 */
sealed interface AwayCommand {
    /** The latest day someone may say they are away through, counted from today: WorkingTime looks two years ahead. */
    int MAX_DAYS_AHEAD = 366;

    Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /** {@code away until DATE}: away through that day. */
    record Until(LocalDate lastDay) implements AwayCommand {}

    /** {@code away off}: back. */
    record Off() implements AwayCommand {}

    /** {@code away}: what Candor knows. */
    record Show() implements AwayCommand {}

    /**
     * @param text the command's text after {@code away}
     * @param today the day it is where the person is
     */
    static AwayCommand parse(String text, LocalDate today) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            return new Show();
        }
        if (words.length == 1 && (words[0].equals("off") || words[0].equals("back"))) {
            return new Off();
        }
        boolean until = words[0].equals("until") || words[0].equals("till");
        if (until && words.length == 1) {
            throw new Mistake("Say the last day you're away.");
        }
        if (words.length != (until ? 2 : 1)) {
            throw new Mistake("I didn't understand \"" + text.strip() + "\".");
        }
        return new Until(lastDay(words[until ? 1 : 0], today));
    }

    private static LocalDate lastDay(String typed, LocalDate today) {
        Matcher date = ISO_DATE.matcher(typed);
        if (!date.matches()) {
            throw new Mistake("I couldn't read \"" + typed + "\" as a date: write it as year-month-day.");
        }
        LocalDate day;
        try {
            day = LocalDate.of(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
        } catch (DateTimeException e) {
            throw new Mistake(typed + " isn't a day in the calendar.");
        }
        if (day.isBefore(today)) {
            throw new Mistake(typed + " has passed: it's " + today + " where you are.");
        }
        if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new Mistake(typed + " is more than a year away. Say a day within the next year; you can set a"
                    + " later one when it comes closer.");
        }
        return day;
    }

    /** A command that can't be carried out as typed: nothing changed. */
    final class Mistake extends RuntimeException {
        Mistake(String problem) {
            // A message for a person, not an error: no stack trace needed.
            super(problem, null, false, false);
        }
    }
}
