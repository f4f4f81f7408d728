package dev.candor.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.HomeOpened;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.TextCommand;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API listeners. Slack wants a 200 within 3 s; messages Candor says back go through the outbox, while
 * views (App Home) and ephemeral answers to reactions are Web API calls made before the acknowledgement.
 */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);
    /** The event types {@link #register} listens to; {@link SlackTriage} acknowledges the others before Bolt. */
    static final Set<String> TYPES = Set.of(
            "message",
            "app_home_opened",
            "reaction_added",
            "reaction_removed",
            "app_uninstalled",
            "tokens_revoked",
            "user_change");

    private final Jdbi jdbi;
    private final SlackMapper mapper;
    private final SlackGroups groups;
    private final SlackDispatch dispatch;
    private final SlackReactions reactions;
    private final SlackApi api;

    SlackEvents(
            Jdbi jdbi,
            SlackMapper mapper,
            SlackGroups groups,
            SlackDispatch dispatch,
            SlackReactions reactions,
            SlackApi api) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.groups = groups;
        this.dispatch = dispatch;
        this.reactions = reactions;
        this.api = api;
    }

    void register(App app) {
        app.event(MessageEvent.class, (request, ctx) -> {
            MessageEvent event = request.getEvent();
            if ("im".equals(event.getChannelType()) && event.getBotId() == null && event.getSubtype() == null) {
                directMessage(request.getTeamId(), request.getEventId(), event);
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (request, ctx) -> {
            if ("home".equals(request.getEvent().getTab())) {
                home(request.getTeamId(), request.getEvent());
            }
            return ctx.ack();
        });
        app.event(ReactionAddedEvent.class, (request, ctx) -> {
            reactions.handle(
                    request.getTeamId(), request.getEventId(), SlackReactions.Event.of(request.getEvent()), true);
            return ctx.ack();
        });
        app.event(ReactionRemovedEvent.class, (request, ctx) -> {
            reactions.handle(
                    request.getTeamId(), request.getEventId(), SlackReactions.Event.of(request.getEvent()), false);
            return ctx.ack();
        });
        // A status of 🌴 or "out of office" makes someone away; a new zone or name is theirs from now on. Slack sends
        // user_status_changed and user_profile_changed at the same moment as this one: Candor subscribes to this only.
        app.event(UserChangeEvent.class, (request, ctx) -> {
            mapper.profileChanged(request.getTeamId(), request.getEvent().getUser());
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (request, ctx) -> {
            log.warn("Candor was uninstalled from Slack workspace {}", request.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (request, ctx) -> {
            log.warn("Slack tokens were revoked in workspace {}", request.getTeamId());
            return ctx.ack();
        });
    }

    /** The App Home tab: published only when a feature has a home view to show. */
    private void home(String teamId, AppHomeOpenedEvent event) {
        Actor actor = mapper.actor(teamId, event.getUser(), null);
        String channel = event.getChannel() != null ? event.getChannel() : event.getUser();
        Reply reply = dispatch.route(
                new HomeOpened(actor, new ConversationRef(Platform.SLACK, channel, ConversationKind.DM, null)));
        if (reply instanceof Reply.Home home) {
            api.publishHome(event.getUser(), SlackViews.home(home.message()));
        }
    }

    /** A DM to the app is a typed command: "kudos @ana thanks", "help". The answer is a DM back. */
    private void directMessage(String teamId, String eventId, MessageEvent event) {
        Actor actor = mapper.actor(teamId, event.getUser(), null);
        jdbi.useExtension(
                ConversationDao.class,
                conversations -> conversations.upsert(
                        actor.orgId(),
                        Platform.SLACK,
                        event.getChannel(),
                        ConversationKind.DM,
                        actor.personId(),
                        "{}"));
        Message answer;
        try {
            SlackText text = groups.expand(mapper.text(actor, event.getText()), actor);
            TextCommand typed = TextCommand.parse(text.text());
            Command command = new Command(
                    actor,
                    new ConversationRef(Platform.SLACK, event.getChannel(), ConversationKind.DM, null),
                    typed.name(),
                    typed.text(),
                    text.mentions(),
                    "slack:event:" + eventId);
            answer = messageOf(dispatch.route(command), command.name());
        } catch (SlackGroups.Unreadable e) {
            answer = SlackCommands.groupUnreadable(e.group);
        }
        if (answer != null) {
            Message reply = answer;
            jdbi.useHandle(handle -> Outbox.toConversation(
                    handle, actor.orgId(), Platform.SLACK, event.getChannel(), "reply:slack:" + eventId, reply));
        }
    }

    /** What to DM back; a form can't be opened from a message (no trigger id), only from the slash command. */
    private static Message messageOf(Reply reply, String commandName) {
        if (reply instanceof Reply.OpenForm) {
            return Message.of("Forms open from the slash command: type /" + commandName
                    + " in any conversation to get the form.");
        }
        return messageOf(reply);
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
