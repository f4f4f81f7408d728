package dev.candor.bot.slack;

import dev.candor.bot.chat.ConversationRef;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.conversation.StoredConversation;
import org.jdbi.v3.core.Jdbi;

/**
 * What kind of conversation a Slack channel id is. Since 2021 private channels have {@code C} ids like public
 * ones, and events (reactions) don't say which it is; commands and shortcuts do ({@code privategroup}). Candor
 * remembers what it has seen, and asks {@code conversations.info} about a channel it hasn't, so that a reaction in a
 * private channel is never announced elsewhere. When Slack can't say, the channel is taken to be private.
 */
final class SlackConversations {
    private final Jdbi jdbi;
    private final SlackApi api;

    SlackConversations(Jdbi jdbi, SlackApi api) {
        this.jdbi = jdbi;
        this.api = api;
    }

    /** Notes a conversation whose kind its id doesn't give away; public channels need no row. */
    void remember(long orgId, ConversationRef where) {
        if (where.isPrivate() && where.conversationId().startsWith("C")) {
            jdbi.useExtension(
                    ConversationDao.class,
                    conversations -> conversations.upsert(
                            orgId, Platform.SLACK, where.conversationId(), where.kind(), null, "{}"));
        }
    }

    /** The conversation behind a channel id from an event: what Candor saw of it, else what the id says. */
    ConversationRef of(long orgId, String channelId) {
        ConversationRef byId = SlackMapper.conversation(channelId, null);
        if (!channelId.startsWith("C")) {
            return byId;
        }
        return jdbi.withExtension(ConversationDao.class, conversations -> conversations
                .find(orgId, Platform.SLACK, channelId)
                .map(StoredConversation::kind)
                .map(kind -> new ConversationRef(Platform.SLACK, channelId, kind, null))
                .orElseGet(() -> lookUp(orgId, channelId)));
    }

    private ConversationRef lookUp(long orgId, String channelId) {
        boolean isPrivate = api.isPrivate(channelId).orElse(true);
        ConversationRef where = new ConversationRef(
                Platform.SLACK,
                channelId,
                isPrivate ? ConversationKind.PRIVATE_CHANNEL : ConversationKind.CHANNEL,
                null);
        jdbi.useExtension(
                ConversationDao.class,
                conversations -> conversations.upsert(orgId, Platform.SLACK, channelId, where.kind(), null, "{}"));
        return where;
    }
}
