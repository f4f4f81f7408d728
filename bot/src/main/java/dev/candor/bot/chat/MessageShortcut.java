package dev.candor.bot.chat;

import dev.candor.storage.StorableText;

/**
 * An action started from someone's message (Slack message shortcut, Teams message extension action).
 *
 * @param shortcutId {@code feature.verb}, e.g. {@code kudos.give_from_message}
 * @param author the message's author, or null when unknown
 * @param messageText the message's text as the platform gave it, mentions already readable
 * @param permalink a link to the message, or null
 */
public record MessageShortcut(
        Actor actor,
        ConversationRef where,
        String shortcutId,
        String messageId,
        Mention author,
        String messageText,
        String permalink,
        String sourceKey)
        implements Inbound {

    public MessageShortcut {
        messageText = StorableText.clean(messageText);
    }
}
