package dev.candor.bot.teams;

import dev.candor.bot.chat.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a Teams message: the bot's own {@code <at>Candor</at>} is dropped, every other
 * {@code <at>Name</at>} becomes {@code @Name} plus a {@link Mention}, HTML markup is reduced to plain text and HTML
 * entities ({@code &nbsp;}, {@code &amp;}) are unescaped.
 */
record TeamsText(String text, List<Mention> mentions) {
    private static final Pattern LINE_BREAK_TAG =
            Pattern.compile("<br\\s*/?>|</(?:p|div|li|h[1-6])>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F]+");
    private static final Map<String, String> NAMED =
            Map.of("nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "zwj", "", "zwnj", "");

    /** A mention entity as Teams sends it: who, and the exact markup that stands for them in the text. */
    record MentionEntity(String id, String name, String markup) {}

    static TeamsText parse(String raw, List<MentionEntity> entities, String botId) {
        String text = raw == null ? "" : raw;
        Map<String, Mention> mentions = new LinkedHashMap<>();
        for (MentionEntity entity : inOrderOfAppearance(text, entities)) {
            if (entity.id() == null || entity.id().isBlank()) {
                continue;
            }
            String markup = markup(entity);
            if (entity.id().equals(botId)) {
                text = text.replace(markup, " ");
            } else {
                String name = displayName(entity);
                text = text.replace(markup, "@" + name);
                mentions.putIfAbsent(entity.id(), new Mention(entity.id(), name));
            }
        }
        return new TeamsText(plain(text), new ArrayList<>(mentions.values()));
    }

    /** HTML to the text a person sees: tags dropped, entities unescaped, whitespace tidied. */
    static String plain(String html) {
        String text = LINE_BREAK_TAG.matcher(html).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = unescape(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String tidy = SPACES.matcher(line).replaceAll(" ").strip();
            if (!tidy.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(tidy);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decode(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.startsWith("#")) {
            boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
            int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
            if (codePoint == 0xA0) {
                return " ";
            }
            return Character.isValidCodePoint(codePoint) && codePoint != 0
                    ? new String(Character.toChars(codePoint))
                    : original;
        }
        return NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), original);
    }

    private static List<MentionEntity> inOrderOfAppearance(String text, List<MentionEntity> entities) {
        return entities.stream()
                .sorted(Comparator.comparingInt(entity -> {
                    int at = text.indexOf(markup(entity));
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .toList();
    }

    private static String markup(MentionEntity entity) {
        return entity.markup() != null && !entity.markup().isBlank()
                ? entity.markup()
                : "<at>" + entity.name() + "</at>";
    }

    /** The name Teams resolved for the account, else what the markup shows. */
    private static String displayName(MentionEntity entity) {
        if (entity.name() != null && !entity.name().isBlank()) {
            return entity.name().strip();
        }
        String shown = plain(markup(entity));
        return shown.isBlank() ? entity.id() : shown;
    }
}
