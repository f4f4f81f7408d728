package dev.candor.bot.chat;

import dev.candor.storage.StorableText;

/**
 * An emoji reaction added to or removed from a message (Slack {@code reaction_added}/{@code reaction_removed},
 * Teams {@code messageReaction}, which Teams sends only for the bot's own messages).
 *
 * @param emoji Slack's emoji name without colons ({@code clap}) or Teams' reaction type ({@code like})
 * @param authorUserId the platform user id of the message's author, or null when the platform does not say
 * @param messageUrl a link to the message, or null
 */
public record Reaction(
        Actor actor,
        ConversationRef where,
        String messageId,
        String emoji,
        boolean added,
        String authorUserId,
        String messageUrl,
        String sourceKey)
        implements Inbound {

    public Reaction {
        emoji = StorableText.clean(emoji);
    }
}
