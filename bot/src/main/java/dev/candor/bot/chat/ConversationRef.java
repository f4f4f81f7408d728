package dev.candor.bot.chat;

import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;

/**
 * Where something happened: a Slack channel or DM, or a Teams conversation.
 *
 * @param threadId a Slack thread ts or Teams reply chain id, or null
 */
public record ConversationRef(Platform platform, String conversationId, ConversationKind kind, String threadId) {

    public boolean isDirect() {
        return kind == ConversationKind.DM;
    }

    /** Private channels and DMs: what is said there must stay there. */
    public boolean isPrivate() {
        return kind != ConversationKind.CHANNEL;
    }
}
