package dev.candor.bot.kudos;

import dev.candor.bot.chat.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a kudos command asks for: {@code @ana @li thanks for the demo #ownership} means recipients Ana and Li,
 * the message "thanks for the demo #ownership" and the value tag {@code ownership}.
 */
record KudosRequest(List<Mention> recipients, String message, List<String> values) {
    static final int MAX_RECIPIENTS = 10;
    private static final Pattern VALUE_TAG = Pattern.compile("(?<![\\p{L}\\p{N}&])#([\\p{L}\\p{N}_-]{1,40})");
    private static final Pattern LEADING_JOINER = Pattern.compile("^(?:,|&|and\\b|\\+)\\s*", Pattern.CASE_INSENSITIVE);

    static KudosRequest parse(String text, List<Mention> mentions) {
        Map<String, Mention> recipients = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            recipients.putIfAbsent(mention.platformUserId(), mention);
        }
        String message = stripLeadingMentions(text.strip(), mentions);
        return new KudosRequest(new ArrayList<>(recipients.values()), message, tags(message));
    }

    /** The message without its value tags: what counts towards the minimum length. */
    static String withoutTags(String message) {
        return VALUE_TAG.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /** "@Ana, @Li and @Bo thanks" → "thanks": the people come first, the words of thanks after. */
    private static String stripLeadingMentions(String text, List<Mention> mentions) {
        String rest = text;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            rest = LEADING_JOINER.matcher(rest).replaceFirst("");
            for (Mention mention : mentions) {
                String token = "@" + mention.displayName();
                if (rest.startsWith(token)) {
                    rest = rest.substring(token.length()).stripLeading();
                    stripped = true;
                }
            }
        }
        return rest.strip();
    }

    static List<String> tags(String message) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher matcher = VALUE_TAG.matcher(message);
        while (matcher.find()) {
            tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tags);
    }
}
