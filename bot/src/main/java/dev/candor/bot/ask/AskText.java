package dev.candor.bot.ask;

/**
 * What an ask says about itself.
 *
 * @param title what it is, e.g. "Weekly check-in"
 * @param askedBy who asked, e.g. "Maria Lopez", or null when nobody in particular did (a survey of the organisation)
 * @param note one line the DM and the form show under the title, e.g. who will read the answers, or null
 * @param declinable whether the person may decline, with a reason, instead of answering (a feedback request)
 */
public record AskText(String title, String askedBy, String note, boolean declinable) {
    public AskText(String title, String askedBy) {
        this(title, askedBy, null);
    }

    public AskText(String title, String askedBy, String note) {
        this(title, askedBy, note, false);
    }
}
