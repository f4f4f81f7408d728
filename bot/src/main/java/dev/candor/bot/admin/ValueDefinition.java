package dev.candor.bot.admin;

import dev.candor.storage.kudos.CompanyValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company value as HR defines it: {@code values add ownership :muscle: Ownership — we own outcomes} is the tag
 * {@code ownership}, the emoji {@code :muscle:}, the name {@code Ownership} and the description after the dash.
 */
record ValueDefinition(String tag, String emoji, String name, String description) {
    static final int MAX_NAME = 60;
    static final int MAX_DESCRIPTION = 300;
    private static final Pattern TAG = Pattern.compile("#?([a-z0-9_-]{1,40})");
    private static final Pattern DASH = Pattern.compile("\\s+(?:—|–|--|-)\\s+|^(?:—|–|--|-)\\s+");
    private static final Pattern SLACK_EMOJI = Pattern.compile(":[a-z0-9_+'-]+:");

    static ValueDefinition of(CompanyValue value) {
        return new ValueDefinition(value.tag(), value.emoji(), value.name(), value.description());
    }

    /** @param words {@code values add <tag> …} */
    static ValueDefinition parse(Words words) {
        String tag = tag(words.word(2), AdminSyntax.VALUES_ADD);
        String rest = words.rest(3);
        Matcher dash = DASH.matcher(rest);
        String description = null;
        if (dash.find()) {
            description = rest.substring(dash.end()).strip();
            rest = rest.substring(0, dash.start()).strip();
        }
        String emoji = null;
        Words named = Words.of(rest);
        if (named.size() > 0 && isEmoji(named.word(0))) {
            emoji = named.word(0);
            rest = named.rest(1);
        }
        return new ValueDefinition(tag, emoji, checkedName(rest), checkedDescription(description));
    }

    /** A value's tag as typed after {@code #}, lower case. */
    static String tag(String word, AdminSyntax syntax) {
        Matcher tag = TAG.matcher(word.toLowerCase(Locale.ROOT));
        if (!tag.matches()) {
            throw new AdminUsage(
                    word.isEmpty()
                            ? "Say which value: its #tag."
                            : word + " can't be a value tag: use up to 40 letters a–z, digits, _ or -.",
                    syntax);
        }
        return tag.group(1);
    }

    private static boolean isEmoji(String word) {
        return SLACK_EMOJI.matcher(word).matches()
                || word.codePoints().noneMatch(Character::isLetterOrDigit)
                        && word.codePoints().anyMatch(c -> c > 127);
    }

    private static String checkedName(String name) {
        if (name.isEmpty()) {
            throw new AdminUsage("Give the value a name after its tag (and emoji).", AdminSyntax.VALUES_ADD);
        }
        if (name.length() > MAX_NAME) {
            throw new AdminUsage("Keep the name under " + MAX_NAME + " characters.", AdminSyntax.VALUES_ADD);
        }
        return name;
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new AdminUsage(
                    "Keep the description under " + MAX_DESCRIPTION + " characters.", AdminSyntax.VALUES_ADD);
        }
        return description;
    }

    /** {@code #ownership :muscle: Ownership — we own outcomes}. */
    String show() {
        return "#" + tag + " " + definition();
    }

    /** The admin command that defines this value again. */
    String command() {
        return "values add " + tag + " " + definition();
    }

    /** Everything after the tag: {@code :muscle: Ownership — we own outcomes}. */
    String definition() {
        return (emoji == null ? "" : emoji + " ") + name + (description == null ? "" : " — " + description);
    }
}
