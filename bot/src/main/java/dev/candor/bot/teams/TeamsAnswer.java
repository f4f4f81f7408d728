package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a neutral {@link Reply} means in Teams, which has no modals and no ephemeral messages: which card replaces
 * the one that was used ({@code inPlace}), what is posted to the conversation, what goes to the person alone, and
 * what a dialog shows next. Where it is sent is the {@link TeamsResponder}'s business.
 *
 * @param inPlace replaces the card whose button or form was used, or null
 * @param post a reply in the conversation, visible to everyone in it, or null
 * @param privately for the person alone: in their 1:1 chat with Candor, or null
 * @param dialog the next card of a dialog (a message extension's task module), or null to close it
 */
record TeamsAnswer(Card inPlace, Card post, Message privately, Card dialog) {

    /** An Adaptive Card and the text notifications show for it. */
    record Card(ObjectNode content, String summary) {
        static Card of(Message message) {
            return new Card(TeamsRenderer.card(message), message.fallbackText());
        }
    }

    /** Where the request came from, which decides what "in place" and "privately" can mean. */
    enum Origin {
        /** A typed message: there is no card to replace. */
        COMMAND,
        /** A button on one of Candor's cards. */
        BUTTON,
        /** The submit button of a form card in a conversation. */
        FORM,
        /** A form in a dialog opened from a message extension. */
        DIALOG
    }

    static final TeamsAnswer NOTHING = new TeamsAnswer(null, null, null, null);

    /**
     * @param submitted the form that was submitted, with what was typed, for FORM and DIALOG; else null
     * @param formCard draws a form for a surface (people need the database)
     */
    static TeamsAnswer plan(
            Reply reply,
            Origin origin,
            Actor actor,
            ConversationRef where,
            TeamsFormCard.Draft submitted,
            BiFunction<TeamsFormCard.Draft, TeamsFormCard.Surface, Card> formCard) {
        TeamsFormCard.Surface surface = origin == Origin.DIALOG
                ? TeamsFormCard.Surface.DIALOG
                : where.isDirect() ? TeamsFormCard.Surface.PERSONAL_CHAT : TeamsFormCard.Surface.SHARED_CHAT;
        if (reply instanceof Reply.Public pub) {
            return said(pub.message(), true, origin, actor, where, submitted);
        } else if (reply instanceof Reply.Private priv) {
            return said(priv.message(), false, origin, actor, where, submitted);
        } else if (reply instanceof Reply.Home home) {
            // The personal view: for the person alone, like a private reply.
            return said(home.message(), false, origin, actor, where, submitted);
        } else if (reply instanceof Reply.OpenForm open) {
            Card card = formCard.apply(TeamsFormCard.Draft.of(open.form()), surface);
            return switch (origin) {
                case FORM -> new TeamsAnswer(card, null, null, null);
                case DIALOG -> new TeamsAnswer(null, null, null, card);
                default -> new TeamsAnswer(null, card, null, null);
            };
        } else if (reply instanceof Reply.FormErrors errors) {
            return errors(errors.errors(), origin, submitted, surface, formCard);
        } else if (reply instanceof Reply.Update update) {
            return switch (origin) {
                case BUTTON, FORM -> new TeamsAnswer(Card.of(update.message()), null, null, null);
                case COMMAND -> new TeamsAnswer(null, Card.of(update.message()), null, null);
                case DIALOG -> NOTHING;
            };
        }
        return NOTHING;
    }

    /**
     * A used form card is closed so it can't be sent twice. In a 1:1 chat the answer takes its place; in a chat or
     * channel the card says who sent it and the answer goes where it belongs.
     */
    private static TeamsAnswer said(
            Message message,
            boolean isPublic,
            Origin origin,
            Actor actor,
            ConversationRef where,
            TeamsFormCard.Draft submitted) {
        if (origin == Origin.FORM && where.isDirect()) {
            return new TeamsAnswer(Card.of(message), null, null, null);
        }
        Card closed = origin == Origin.FORM ? Card.of(closed(submitted, actor)) : null;
        return isPublic
                ? new TeamsAnswer(closed, Card.of(message), null, null)
                : new TeamsAnswer(closed, null, message, null);
    }

    private static TeamsAnswer errors(
            Map<String, String> errors,
            Origin origin,
            TeamsFormCard.Draft submitted,
            TeamsFormCard.Surface surface,
            BiFunction<TeamsFormCard.Draft, TeamsFormCard.Surface, Card> formCard) {
        if (submitted == null || (origin != Origin.FORM && origin != Origin.DIALOG)) {
            // Nothing to draw again (the card carried no form): say what is wrong instead.
            return new TeamsAnswer(null, null, Message.of(String.join(" ", errors.values())), null);
        }
        Card card = formCard.apply(new TeamsFormCard.Draft(submitted.form(), submitted.values(), errors), surface);
        return origin == Origin.FORM
                ? new TeamsAnswer(card, null, null, null)
                : new TeamsAnswer(null, null, null, card);
    }

    /** What a reply says, as plain text, for places that show no cards (a dialog's message, a toast). */
    static String textOf(Reply reply) {
        if (reply instanceof Reply.Public pub) {
            return pub.message().fallbackText();
        } else if (reply instanceof Reply.Private priv) {
            return priv.message().fallbackText();
        } else if (reply instanceof Reply.Home home) {
            return home.message().fallbackText();
        } else if (reply instanceof Reply.FormErrors errors) {
            return String.join(" ", errors.errors().values());
        }
        return "Done.";
    }

    static Message closed(TeamsFormCard.Draft submitted, Actor actor) {
        String title = submitted == null ? "Form" : submitted.form().title();
        Text sentBy = Text.builder()
                .plain("✅ Sent by ")
                .person(actor.platformUserId(), actor.name())
                .plain(".")
                .build();
        return new Message(
                title + ": sent by " + actor.name() + ".", List.of(new Block.Header(title), new Block.Context(sentBy)));
    }
}
