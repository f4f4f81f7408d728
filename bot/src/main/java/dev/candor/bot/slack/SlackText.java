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
 */
record SlackText(String text, List<Mention> mentions, List<String> channels) {
    private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

    /** @param knownName the display name Candor knows for a user id, for mentions that carry none */
    static SlackText parse(String raw, Function<String, String> knownName) {
        List<Mention> mentions = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        Matcher matcher = MARKUP.matcher(raw == null ? "" : raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(readable(matcher.group(1), mentions, channels, knownName)));
        }
        matcher.appendTail(out);
        return new SlackText(unescape(out.toString()), mentions, channels);
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
