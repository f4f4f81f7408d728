package dev.candor.bot.ask;

/**
 * What an ask says about itself.
 *
 * @param title what it is, e.g. "Weekly check-in"
 * @param askedBy who asked, e.g. "Maria Lopez", or null when nobody in particular did (a survey of the organisation)
 */
public record AskText(String title, String askedBy) {}
