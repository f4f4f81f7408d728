package dev.candor.bot.chat;

import dev.candor.storage.StorableText;
import java.util.List;

/**
 * A chat command: a Slack slash command or a Teams message addressed to the bot.
 *
 * @param name the command word without slash or mention: {@code kudos}, {@code candor}
 * @param text the arguments, with each mention replaced by {@code @Display Name}
 * @param mentions the people mentioned, in the order they appear
 * @param sourceKey what identifies this submission on its platform (a Slack trigger id, a Teams activity id),
 *     so that a repeated delivery is recognised
 * @param replyUrl where the platform lets Candor answer in this conversation later (Slack's response_url), or null
 * @param channels the conversations named in the text ({@code #kudos} in Slack), by id, in order
 */
public record Command(
        Actor actor,
        ConversationRef where,
        String name,
        String text,
        List<Mention> mentions,
        String sourceKey,
        String replyUrl,
        List<String> channels)
        implements Inbound {

    public Command {
        mentions = List.copyOf(mentions);
        channels = List.copyOf(channels);
        text = text == null ? "" : StorableText.clean(text).strip();
    }

    public Command(
            Actor actor,
            ConversationRef where,
            String name,
            String text,
            List<Mention> mentions,
            String sourceKey,
            String replyUrl) {
        this(actor, where, name, text, mentions, sourceKey, replyUrl, List.of());
    }

    public Command(
            Actor actor, ConversationRef where, String name, String text, List<Mention> mentions, String sourceKey) {
        this(actor, where, name, text, mentions, sourceKey, null, List.of());
    }

    /** The first word of the text, lower-cased: {@code help} in {@code /candor help}. */
    public String verb() {
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }
}
