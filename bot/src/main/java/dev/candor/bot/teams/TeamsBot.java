package dev.candor.bot.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.HomeOpened;
import dev.candor.bot.chat.Inbound;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.server.BadRequest;
import dev.candor.bot.server.RequestIds;
import dev.candor.storage.RequestDeadline;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One Teams turn: remember where the bot can speak, turn the activity into a neutral request (a typed command, a
 * card's button or form, a message extension's dialog, a reaction), route it, and answer the Teams way.
 */
final class TeamsBot {
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private static final Set<String> CHANNELS = Set.of("msteams", "emulator");
    private static final String EXECUTE = "adaptiveCard/action";
    /** Teams shows an error after 15 s; what is saved must be saved well before, and the answer sent. */
    private static final Duration DATABASE_BUDGET = Duration.ofSeconds(10);

    private final TeamsMapper mapper;
    private final TeamsReferences references;
    private final ConversationRouter router;
    private final TeamsCards cards;
    private final TeamsDialogs dialogs;
    private final TeamsResponder responder;
    private final TeamsMembership membership;
    private final Executor turns;

    TeamsBot(
            TeamsMapper mapper,
            TeamsReferences references,
            ConversationRouter router,
            TeamsCards cards,
            TeamsDialogs dialogs,
            TeamsResponder responder,
            TeamsMembership membership,
            Executor turns) {
        this.mapper = mapper;
        this.references = references;
        this.router = router;
        this.cards = cards;
        this.dialogs = dialogs;
        this.responder = responder;
        this.membership = membership;
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
                        RequestDeadline.within(DATABASE_BUDGET, () -> {
                            handleOrSayUnavailable(turn);
                            return null;
                        });
                    } finally {
                        MDC.clear();
                    }
                },
                turns);
    }

    /** The database may be out of reach anywhere in a turn: when it is, the person is told so instead of a 500. */
    private void handleOrSayUnavailable(TurnContext turn) {
        try {
            handle(turn);
        } catch (RuntimeException e) {
            if (!Unavailable.is(e)) {
                throw e;
            }
            TeamsOutage.answer(turn, e);
        }
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
        membership.observe(activity, actor);
        if (activity.isType(ActivityTypes.MESSAGE)) {
            message(turn, actor, where);
        } else if (activity.isType(ActivityTypes.INVOKE)) {
            invoke(turn, actor, where);
        } else if (activity.isType(ActivityTypes.MESSAGE_REACTION)) {
            reactions(turn, actor, where);
        } else if (activity.isType(ActivityTypes.CONVERSATION_UPDATE) && botWasAdded(activity)) {
            welcome(turn, actor, where);
        }
    }

    private void message(TurnContext turn, Actor actor, ConversationRef where) {
        Activity activity = turn.getActivity();
        if (activity.getText() == null || activity.getText().isBlank()) {
            // An Action.Submit: a message whose value is the card's data.
            Optional<TeamsCards.Submit> submit = TeamsCards.fromMessage(activity);
            submit.ifPresentOrElse(
                    used -> card(turn, actor, where, used, false),
                    () -> log.debug("message without text or card data ignored"));
            return;
        }
        Command command = mapper.command(activity, actor);
        Reply reply = route(() -> command);
        responder.inConversation(turn, actor, where, plan(reply, TeamsAnswer.Origin.COMMAND, actor, where, null), null);
    }

    private void card(TurnContext turn, Actor actor, ConversationRef where, TeamsCards.Submit used, boolean execute) {
        Reply reply = route(() -> cards.inbound(turn, actor, where, used));
        TeamsAnswer.Origin origin = used.isForm() ? TeamsAnswer.Origin.FORM : TeamsAnswer.Origin.BUTTON;
        TeamsAnswer answer = plan(reply, origin, actor, where, used.draft());
        if (execute) {
            responder.toExecute(turn, actor, where, answer);
        } else {
            responder.inConversation(turn, actor, where, answer, used.cardId());
        }
    }

    private void invoke(TurnContext turn, Actor actor, ConversationRef where) {
        Activity activity = turn.getActivity();
        String name = String.valueOf(activity.getName());
        if (name.equals(EXECUTE)) {
            TeamsCards.fromExecute(activity)
                    .ifPresentOrElse(
                            used -> card(turn, actor, where, used, true),
                            () -> TeamsResponder.toastToExecute(turn, "That button is no longer supported."));
        } else if (name.equals(TeamsDialogs.FETCH_TASK)) {
            Reply reply = route(() -> dialogs.shortcut(activity, actor, where));
            if (reply instanceof Reply.OpenForm) {
                responder.toDialog(turn, actor, where, plan(reply, TeamsAnswer.Origin.DIALOG, actor, where, null));
            } else {
                TeamsResponder.showInDialog(turn, TeamsAnswer.textOf(reply));
            }
        } else if (name.equals(TeamsDialogs.SUBMIT_ACTION)) {
            Optional<TeamsCards.Submit> submit = TeamsCards.fromDialog(activity).filter(TeamsCards.Submit::isForm);
            if (submit.isEmpty()) {
                TeamsResponder.showInDialog(turn, "That form is no longer supported. Start again from the message.");
                return;
            }
            Reply reply = route(() -> cards.inbound(turn, actor, where, submit.get()));
            TeamsAnswer answer = plan(
                    reply, TeamsAnswer.Origin.DIALOG, actor, where, submit.get().draft());
            responder.toDialog(turn, actor, where, answer);
        } else {
            // Left unanswered: the SDK answers 501, which tells Teams Candor doesn't do this.
            log.debug("invoke {} not handled", name);
        }
    }

    /** Teams only reports reactions to Candor's own messages; each one is routed, in the order they came. */
    private void reactions(TurnContext turn, Actor actor, ConversationRef where) {
        for (Reaction reaction : TeamsMapper.reactions(turn.getActivity(), actor)) {
            Reply reply = route(() -> reaction);
            responder.inConversation(
                    turn, actor, where, plan(reply, TeamsAnswer.Origin.COMMAND, actor, where, null), null);
        }
    }

    private TeamsAnswer plan(
            Reply reply, TeamsAnswer.Origin origin, Actor actor, ConversationRef where, TeamsFormCard.Draft draft) {
        return TeamsAnswer.plan(
                reply, origin, actor, where, draft, (form, surface) -> responder.formCard(actor, form, surface));
    }

    private Reply route(Supplier<Inbound> inbound) {
        Inbound request = null;
        try {
            request = inbound.get();
            return router.route(request);
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            if (Unavailable.is(e)) {
                throw e;
            }
            String kind = request == null ? "request" : request.getClass().getSimpleName();
            log.error("teams {} failed: {}", kind, ErrorSummary.of(e));
            return Reply.privately(TeamsReplies.failure());
        }
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
        Reply reply = router.route(help);
        Message message = reply instanceof Reply.Private priv
                ? priv.message()
                : reply instanceof Reply.Public pub ? pub.message() : null;
        if (message != null) {
            TeamsResponder.reply(turn, TeamsAnswer.Card.of(TeamsReplies.welcome(message, home(actor, where))));
        }
    }

    /** The person's home sections, in their personal chat only: they are for them alone. */
    private Message home(Actor actor, ConversationRef where) {
        if (!where.isDirect()) {
            return null;
        }
        return router.route(new HomeOpened(actor, where)) instanceof Reply.Home home ? home.message() : null;
    }
}
