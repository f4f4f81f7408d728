package dev.candor.bot.chat;

import java.util.Locale;
import java.util.Set;

/**
 * A command typed as a message (Teams, or a DM to the Slack app): {@code kudos @Ana thanks} is the command
 * {@code kudos} with text {@code @Ana thanks}. A message with no known command word asks for help.
 */
public record TextCommand(String name, String text) {
    public static final Set<String> WORDS = Set.of("kudos", "feedback", "checkin", "goals", "pulse", "candor");

    public static TextCommand parse(String message) {
        String text = message == null ? "" : message.strip();
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).replaceFirst("^/", "");
        String word = first.toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        if (WORDS.contains(word)) {
            return new TextCommand(word, rest);
        }
        if (word.isEmpty() || word.equals("help") || word.equals("?")) {
            return new TextCommand("candor", "help");
        }
        return new TextCommand("candor", text);
    }
}
