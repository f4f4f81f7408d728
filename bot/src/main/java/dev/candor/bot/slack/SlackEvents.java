package dev.candor.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.TextCommand;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events API listeners. Slack wants a 200 within 3 s; anything Candor says back goes through the outbox. */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final ConversationRouter router;

    SlackEvents(Jdbi jdbi, PeopleDirectory directory, ConversationRouter router) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.router = router;
    }

    void register(App app) {
        app.event(MessageEvent.class, (request, ctx) -> {
            MessageEvent event = request.getEvent();
            if ("im".equals(event.getChannelType()) && event.getBotId() == null && event.getSubtype() == null) {
                directMessage(request.getTeamId(), request.getEventId(), event);
            }
            return ctx.ack();
        });
        // Subscribed in the manifest; recognition features for these arrive with the kudos work.
        app.event(AppHomeOpenedEvent.class, (request, ctx) -> ctx.ack());
        app.event(ReactionAddedEvent.class, (request, ctx) -> ctx.ack());
        app.event(ReactionRemovedEvent.class, (request, ctx) -> ctx.ack());
        app.event(AppUninstalledEvent.class, (request, ctx) -> {
            log.warn("Candor was uninstalled from Slack workspace {}", request.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (request, ctx) -> {
            log.warn("Slack tokens were revoked in workspace {}", request.getTeamId());
            return ctx.ack();
        });
    }

    /** A DM to the app is a typed command: "kudos @ana thanks", "help". The answer is a DM back. */
    private void directMessage(String teamId, String eventId, MessageEvent event) {
        Actor actor = directory.actorFor(PlatformUser.slack(teamId, event.getUser(), null));
        jdbi.useExtension(
                ConversationDao.class,
                conversations -> conversations.upsert(
                        actor.orgId(),
                        Platform.SLACK,
                        event.getChannel(),
                        ConversationKind.DM,
                        actor.personId(),
                        "{}"));
        SlackText text =
                SlackText.parse(event.getText(), userId -> directory.knownName(actor.orgId(), Platform.SLACK, userId));
        TextCommand typed = TextCommand.parse(text.text());
        Command command = new Command(
                actor,
                new ConversationRef(Platform.SLACK, event.getChannel(), ConversationKind.DM, null),
                typed.name(),
                typed.text(),
                text.mentions(),
                "slack:event:" + eventId);
        Message answer = messageOf(router.route(command));
        if (answer != null) {
            jdbi.useHandle(handle -> Outbox.toConversation(
                    handle, actor.orgId(), Platform.SLACK, event.getChannel(), "reply:slack:" + eventId, answer));
        }
    }

    private static Message messageOf(Reply reply) {
        if (reply instanceof Reply.Public pub) {
            return pub.message();
        } else if (reply instanceof Reply.Private priv) {
            return priv.message();
        }
        return null;
    }
}
