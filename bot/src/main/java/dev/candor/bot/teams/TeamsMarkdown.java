package dev.candor.bot.teams;

import dev.candor.bot.chat.Span;
import dev.candor.bot.chat.Text;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Neutral text as Adaptive Card markdown for Teams. Only Candor's own spans become formatting; what people typed
 * is escaped so that {@code *}, {@code _} or a leading {@code - } stay the characters they typed.
 */
final class TeamsMarkdown {
    private static final Pattern INLINE = Pattern.compile("([\\\\*_\\[\\]`~])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([-+#>]|\\d+\\.)(?=\\s|$)");

    private TeamsMarkdown() {}

    /**
     * @param people collects every person mentioned, by platform user id: the card must list them as
     *     {@code msteams.entities} for Teams to show real mentions
     */
    static String of(Text text, Map<String, Span.PersonRef> people) {
        StringBuilder out = new StringBuilder();
        for (Span span : text.spans()) {
            if (span instanceof Span.Plain plain) {
                out.append(escape(plain.text()));
            } else if (span instanceof Span.Strong strong) {
                out.append("**").append(escape(strong.text())).append("**");
            } else if (span instanceof Span.Emphasis emphasis) {
                out.append('_').append(escape(emphasis.text())).append('_');
            } else if (span instanceof Span.PersonRef person) {
                people.putIfAbsent(person.platformUserId(), person);
                out.append(mentionText(person));
            } else if (span instanceof Span.Link link) {
                out.append('[')
                        .append(escape(link.label()))
                        .append("](")
                        .append(link.url())
                        .append(')');
            } else if (span instanceof Span.LineBreak) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The markup Teams replaces with a mention; the card's mention entity must carry exactly this text. */
    static String mentionText(Span.PersonRef person) {
        return "<at>" + person.name() + "</at>";
    }

    /** Backslash escapes (CommonMark) for the characters Adaptive Card markdown would act on. */
    static String escape(String text) {
        String inline = INLINE.matcher(text).replaceAll("\\\\$1");
        return LINE_START.matcher(inline).replaceAll("$1\\\\$2");
    }
}
