package dev.candor.bot.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.server.BadRequest;
import dev.candor.bot.server.RequestIds;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One Teams turn: remember where the bot can speak, turn the activity into a neutral command, route it, and reply
 * in the same conversation with an Adaptive Card.
 */
final class TeamsBot {
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private static final Set<String> CHANNELS = Set.of("msteams", "emulator");

    private final TeamsMapper mapper;
    private final TeamsReferences references;
    private final ConversationRouter router;
    private final Executor turns;

    TeamsBot(TeamsMapper mapper, TeamsReferences references, ConversationRouter router, Executor turns) {
        this.mapper = mapper;
        this.references = references;
        this.router = router;
        this.turns = turns;
    }

    /**
     * Runs the turn on Candor's own threads: the SDK calls bots on its small shared fork-join pool, which must not
     * wait on the database.
     */
    CompletableFuture<Void> onTurn(TurnContext turn, String requestId) {
        return CompletableFuture.runAsync(
                () -> {
                    MDC.put(RequestIds.MDC_KEY, requestId);
                    MDC.put("platform", "teams");
                    try {
                        handle(turn);
                    } finally {
                        MDC.clear();
                    }
                },
                turns);
    }

    private void handle(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!CHANNELS.contains(activity.getChannelId()) || !TeamsMapper.isFromPerson(activity)) {
            // Other channels of the Azure bot (Web Chat), other bots, and events no person caused.
            log.debug("ignoring a {} activity from channel {}", activity.getType(), activity.getChannelId());
            return;
        }
        Actor actor = mapper.actor(activity);
        MDC.put("org", String.valueOf(actor.orgId()));
        MDC.put("user", actor.platformUserId());
        ConversationRef where = TeamsMapper.conversation(activity);
        references.remember(activity, actor, where);
        if (activity.isType(ActivityTypes.MESSAGE)) {
            message(turn, actor);
        } else if (activity.isType(ActivityTypes.CONVERSATION_UPDATE) && botWasAdded(activity)) {
            welcome(turn, actor, where);
        }
    }

    private void message(TurnContext turn, Actor actor) {
        Activity activity = turn.getActivity();
        if (activity.getText() == null || activity.getText().isBlank()) {
            // Adaptive Card submissions arrive as messages with a value and no text; no feature uses them yet.
            log.debug("message without text (a card submission?) ignored");
            return;
        }
        Command command = mapper.command(activity, actor);
        Reply reply;
        try {
            reply = router.route(command);
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("teams command {} failed: {}", command.name(), ErrorSummary.of(e));
            reply = Reply.privately(TeamsReplies.failure());
        }
        send(turn, TeamsReplies.messageOf(reply));
    }

    /** Only when Candor itself joined: Teams also reports every person who joins a chat Candor is in. */
    private static boolean botWasAdded(Activity activity) {
        List<ChannelAccount> added = activity.getMembersAdded();
        String botId = TeamsMapper.botId(activity);
        return added != null
                && botId != null
                && added.stream().anyMatch(member -> member != null && Objects.equals(member.getId(), botId));
    }

    private void welcome(TurnContext turn, Actor actor, ConversationRef where) {
        Command help =
                new Command(actor, where, "candor", "help", List.of(), TeamsMapper.sourceKey(turn.getActivity()));
        Message message = TeamsReplies.messageOf(router.route(help));
        if (message != null) {
            send(turn, TeamsReplies.welcome(message));
        }
    }

    /** A reply to the activity; with {@code expectReplies} the SDK keeps it for the HTTP response instead. */
    private static void send(TurnContext turn, Message message) {
        if (message != null) {
            turn.sendActivity(TeamsReplies.activity(message)).join();
        }
    }
}
