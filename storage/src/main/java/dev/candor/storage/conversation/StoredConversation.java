package dev.candor.storage.conversation;

import dev.candor.storage.Platform;

/**
 * A conversation the bot can post to later: a Slack channel or DM, or a Teams conversation whose
 * {@code reference} is the Bot Framework ConversationReference as JSON (needed for proactive sends).
 */
public record StoredConversation(
        long orgId, Platform platform, String conversationId, ConversationKind kind, Long personId, String reference) {}
