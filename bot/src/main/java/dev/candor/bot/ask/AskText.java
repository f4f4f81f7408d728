package dev.candor.bot.ask;

/**
 * What an ask says about itself.
 *
 * @param title what it is, e.g. "Weekly check-in"
 * @param askedBy who asked, e.g. "Maria Lopez", or null when nobody in particular did (a survey of the organisation)
 * @param note one line the DM and the form show under the title, e.g. who will read the answers, or null
 */
public record AskText(String title, String askedBy, String note) {
    public AskText(String title, String askedBy) {
        this(title, askedBy, null);
    }
}
