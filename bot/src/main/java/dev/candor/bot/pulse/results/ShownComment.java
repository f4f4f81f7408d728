package dev.candor.bot.pulse.results;

/**
 * A comment as the results show it.
 *
 * @param thread the conversation with its anonymous author that a "Reply anonymously" button opens, or null when
 *     the reader can't reply (a manager, a named survey, no encryption key)
 */
public record ShownComment(String text, String thread) {
    public ShownComment(String text) {
        this(text, null);
    }
}
