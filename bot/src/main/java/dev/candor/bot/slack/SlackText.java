package dev.candor.bot.slack;

import dev.candor.bot.chat.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Slack's escaped message text: {@code <@U123|ana>} and {@code <@U123>} become {@code @ana} plus a
 * {@link Mention}; channel, group and link markup become readable text; {@code &amp;} and friends are unescaped.
 * User-group mentions ({@code <!subteam^S123|@design>}) are kept as {@link Group}s, to be expanded by
 * {@link SlackGroups}.
 */
record SlackText(String text, List<Mention> mentions, List<String> channels, List<Group> groups) {
    private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

    SlackText {
        mentions = List.copyOf(mentions);
        channels = List.copyOf(channels);
        groups = List.copyOf(groups);
    }

    /**
     * A user group named in the text.
     *
     * @param position how many people were mentioned before it: its members belong there in the mention order
     */
    record Group(String id, String label, int position) {}

    /** @param knownName the display name Candor knows for a user id, for mentions that carry none */
    static SlackText parse(String raw, Function<String, String> knownName) {
        List<Mention> mentions = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Matcher matcher = MARKUP.matcher(raw == null ? "" : raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String readable = readable(matcher.group(1), mentions, channels, knownName);
            if (matcher.group(1).startsWith("!subteam^")) {
                groups.add(group(matcher.group(1), readable, mentions.size()));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(readable));
        }
        matcher.appendTail(out);
        return new SlackText(unescape(out.toString()), mentions, channels, groups);
    }

    /** The same text with other people: the mentions once the groups are expanded. */
    SlackText withMentions(List<Mention> people) {
        return new SlackText(text, people, channels, List.of());
    }

    private static Group group(String inner, String readable, int position) {
        String id = inner.substring("!subteam^".length()).split("\\|", 2)[0];
        return new Group(id, readable, position);
    }

    private static String readable(
            String inner, List<Mention> mentions, List<String> channels, Function<String, String> knownName) {
        String[] parts = inner.split("\\|", 2);
        String target = parts[0];
        String label = parts.length > 1 ? unescape(parts[1]) : null;
        if (target.startsWith("@")) {
            String userId = target.substring(1);
            String name = label != null && !label.isBlank() ? label : knownName.apply(userId);
            name = name == null ? userId : name;
            mentions.add(new Mention(userId, name));
            return "@" + name;
        }
        if (target.startsWith("#")) {
            channels.add(target.substring(1));
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!subteam^")) {
            return label != null ? label : "@" + target.substring("!subteam^".length());
        }
        if (target.startsWith("!")) {
            return "@" + (label != null ? label : target.substring(1));
        }
        return label != null ? label + " (" + target + ")" : target;
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
