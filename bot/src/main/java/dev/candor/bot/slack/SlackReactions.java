package dev.candor.bot.slack;

import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.KudosSettingsDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code reaction_added} / {@code reaction_removed} on messages, as neutral {@link Reaction}s. A private answer
 * (e.g. no kudos left) reaches the reactor with {@code chat.postEphemeral} in the same conversation.
 */
final class SlackReactions {
    private final Jdbi jdbi;
    private final SlackMapper mapper;
    private final SlackConversations conversations;
    private final SlackDispatch dispatch;
    private final SlackApi api;

    SlackReactions(
            Jdbi jdbi, SlackMapper mapper, SlackConversations conversations, SlackDispatch dispatch, SlackApi api) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.conversations = conversations;
        this.dispatch = dispatch;
        this.api = api;
    }

    /** What both events say, the same for adding and removing. */
    record Event(String user, String emoji, String itemType, String channel, String ts, String itemUser) {

        static Event of(ReactionAddedEvent event) {
            var item = event.getItem();
            return new Event(
                    event.getUser(),
                    event.getReaction(),
                    item == null ? null : item.getType(),
                    item == null ? null : item.getChannel(),
                    item == null ? null : item.getTs(),
                    event.getItemUser());
        }

        static Event of(ReactionRemovedEvent event) {
            var item = event.getItem();
            return new Event(
                    event.getUser(),
                    event.getReaction(),
                    item == null ? null : item.getType(),
                    item == null ? null : item.getChannel(),
                    item == null ? null : item.getTs(),
                    event.getItemUser());
        }
    }

    void handle(String teamId, String eventId, Event event, boolean added) {
        // Reactions to files and file comments have no message to thank anyone for.
        if (!"message".equals(event.itemType()) || event.channel() == null || event.ts() == null) {
            return;
        }
        Actor actor = mapper.actor(teamId, event.user(), null);
        ConversationRef where = conversations.of(actor.orgId(), event.channel());
        String link = added && mayCount(actor.orgId(), event.emoji())
                ? api.permalink(event.channel(), event.ts()).orElse(null)
                : null;
        Reaction reaction = new Reaction(
                actor, where, event.ts(), event.emoji(), added, event.itemUser(), link, "slack:event:" + eventId);
        Reply reply = dispatch.route(reaction);
        if (reply instanceof Reply.Private priv) {
            api.postEphemeral(event.channel(), event.user(), priv.message());
        } else if (reply instanceof Reply.Public pub) {
            jdbi.useHandle(handle -> Outbox.toConversation(
                    handle, actor.orgId(), Platform.SLACK, event.channel(), "reply:slack:" + eventId, pub.message()));
        }
    }

    /**
     * Only the organisation's kudos emoji means anything to Candor, and {@code chat.getPermalink} is rate limited:
     * every other reaction in a busy workspace would spend the budget for nothing.
     */
    private boolean mayCount(long orgId, String emoji) {
        String base = emoji == null ? "" : emoji.replaceFirst("::skin-tone-\\d$", "");
        return base.equals(jdbi.onDemand(KudosSettingsDao.class).get(orgId).reactionEmoji());
    }
}
