package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ConversationReference;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link TeamsAnswer} in one turn: replies and card updates in the conversation, private messages in
 * the person's 1:1 chat with Candor (Teams has no ephemeral messages), and the body of an invoke's response.
 */
final class TeamsResponder {
    private static final Logger log = LoggerFactory.getLogger(TeamsResponder.class);
    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    private static final String MESSAGE_TYPE = "application/vnd.microsoft.activity.message";

    private final TeamsDirectChats directChats;
    private final TeamsOutbound outbound;
    private final TeamsPeople people;

    TeamsResponder(TeamsDirectChats directChats, TeamsOutbound outbound, TeamsPeople people) {
        this.directChats = directChats;
        this.outbound = outbound;
        this.people = people;
    }

    /** Draws a form for a surface; the people picker needs the object ids of the people already chosen. */
    TeamsAnswer.Card formCard(Actor actor, TeamsFormCard.Draft draft, TeamsFormCard.Surface surface) {
        TeamsFormCard.People known = new TeamsFormCard.People(
                new Mention(actor.platformUserId(), actor.name()), person -> people.objectId(actor.orgId(), person));
        return new TeamsAnswer.Card(
                TeamsFormCard.card(draft, surface, known), draft.form().title());
    }

    /** For a typed message or an {@code Action.Submit}, which Teams sends as a message with the card's data. */
    void inConversation(TurnContext turn, Actor actor, ConversationRef where, TeamsAnswer answer, String cardId) {
        if (answer.inPlace() != null && !update(turn, cardId, answer.inPlace())) {
            reply(turn, answer.inPlace());
        }
        deliver(turn, actor, where, answer);
    }

    /** For {@code adaptiveCard/action} ({@code Action.Execute}): the card that replaces the used one is the answer. */
    void toExecute(TurnContext turn, Actor actor, ConversationRef where, TeamsAnswer answer) {
        deliver(turn, actor, where, answer);
        if (answer.inPlace() != null) {
            ObjectNode body = json.objectNode().put("statusCode", 200).put("type", TeamsRenderer.CONTENT_TYPE);
            body.set("value", answer.inPlace().content());
            invokeResponse(turn, body);
        } else {
            toastToExecute(turn, answer.privately() != null ? answer.privately().fallbackText() : "Done.");
        }
    }

    /** Answers an {@code Action.Execute} with a message Teams shows briefly to the person who pressed the button. */
    static void toastToExecute(TurnContext turn, String text) {
        invokeResponse(
                turn,
                json.objectNode()
                        .put("statusCode", 200)
                        .put("type", MESSAGE_TYPE)
                        .put("value", text));
    }

    /**
     * For a message extension's dialog: the next card, or an empty answer that closes it. What the person alone
     * should read goes to their 1:1 chat, or is shown in the dialog when that chat can't be reached.
     */
    void toDialog(TurnContext turn, Actor actor, ConversationRef where, TeamsAnswer answer) {
        if (answer.post() != null) {
            reply(turn, answer.post());
        }
        if (answer.dialog() != null) {
            invokeResponse(turn, continueWith(answer.dialog()));
        } else if (answer.privately() != null && !toDirectChat(actor, answer.privately())) {
            invokeResponse(turn, showMessage(answer.privately().fallbackText()));
        } else {
            invokeResponse(turn, json.objectNode());
        }
    }

    /** A dialog that shows a message instead of a form, e.g. why the form can't be opened. */
    static void showInDialog(TurnContext turn, String text) {
        invokeResponse(turn, showMessage(text));
    }

    private static ObjectNode showMessage(String text) {
        ObjectNode body = json.objectNode();
        body.putObject("task").put("type", "message").put("value", text);
        return body;
    }

    private static ObjectNode continueWith(TeamsAnswer.Card card) {
        ObjectNode body = json.objectNode();
        ObjectNode value = body.putObject("task").put("type", "continue").putObject("value");
        value.put("title", card.summary());
        value.putObject("card").put("contentType", TeamsRenderer.CONTENT_TYPE).set("content", card.content());
        return body;
    }

    private void deliver(TurnContext turn, Actor actor, ConversationRef where, TeamsAnswer answer) {
        if (answer.post() != null) {
            reply(turn, answer.post());
        }
        if (answer.privately() != null) {
            privately(turn, actor, where, answer.privately());
        }
    }

    /**
     * In a 1:1 chat a reply is private already; in a chat or channel the message goes to the person's 1:1 chat with
     * Candor, and only when that can't be reached is it said in the thread, where everyone can read it.
     */
    void privately(TurnContext turn, Actor actor, ConversationRef where, Message message) {
        if (where.isDirect() || !toDirectChat(actor, message)) {
            reply(turn, TeamsAnswer.Card.of(message));
        }
    }

    private boolean toDirectChat(Actor actor, Message message) {
        try {
            Optional<ConversationReference> chat = directChats.find(actor.orgId(), actor.platformUserId());
            if (chat.isPresent()) {
                outbound.send(chat.get(), TeamsReplies.activity(message));
                return true;
            }
            log.warn("no 1:1 chat with person {} for a private reply", actor.personId());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("private reply to person {} failed: {}", actor.personId(), ErrorSummary.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** A reply to the activity; with {@code expectReplies} the SDK keeps it for the HTTP response instead. */
    static void reply(TurnContext turn, TeamsAnswer.Card card) {
        turn.sendActivity(TeamsReplies.activity(card)).join();
    }

    /** Replaces a card Candor sent; false when there is none to replace or Teams refused. */
    private static boolean update(TurnContext turn, String cardId, TeamsAnswer.Card card) {
        if (cardId == null) {
            return false;
        }
        Activity replacement = TeamsReplies.activity(card);
        replacement.setId(cardId);
        try {
            turn.updateActivity(replacement).join();
            return true;
        } catch (RuntimeException e) {
            log.warn("updating card {} failed: {}", cardId, ErrorSummary.of(e));
            return false;
        }
    }

    private static void invokeResponse(TurnContext turn, ObjectNode body) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, body));
        turn.sendActivity(response).join();
    }
}
