package dev.candor.bot.chat;

import dev.candor.storage.StorableText;

/**
 * A button pressed on one of Candor's messages (Slack {@code block_actions}, a Teams card action).
 *
 * @param actionId {@code feature.verb}, the same on both platforms
 * @param messageId the platform id of the message holding the button (Slack ts, Teams activity id), or null
 */
public record Action(
        Actor actor, ConversationRef where, String actionId, String value, String messageId, String sourceKey)
        implements Inbound {

    public Action {
        value = StorableText.clean(value);
    }
}
