package dev.candor.bot.chat;

/** A handler's answer to an {@link Inbound}, delivered by the platform adapter in the same request. */
public sealed interface Reply {

    /** Visible to everyone in the conversation (Slack {@code in_channel}, a Teams reply). */
    record Public(Message message) implements Reply {}

    /** Visible only to the person who acted (Slack ephemeral; in Teams a reply, which has no ephemeral form). */
    record Private(Message message) implements Reply {}

    /** Nothing to say: the request was acknowledged and the work continues elsewhere. */
    record None() implements Reply {}

    /** Show a form to the person (Slack modal via {@code views.open}; a Teams card with inputs). */
    record OpenForm(Form form) implements Reply {}

    /** The submitted form has mistakes: show each message next to its input, keep what was typed. */
    record FormErrors(java.util.Map<String, String> errors) implements Reply {}

    /** Replace the message whose button was pressed. */
    record Update(Message message) implements Reply {}

    /** The person's home view (Slack App Home via {@code views.publish}; in Teams a reply card). */
    record Home(Message message) implements Reply {}

    static Reply publicly(Message message) {
        return new Public(message);
    }

    static Reply privately(Message message) {
        return new Private(message);
    }

    static Reply privately(String text) {
        return new Private(Message.of(text));
    }

    static Reply none() {
        return new None();
    }

    static Reply form(Form form) {
        return new OpenForm(form);
    }
}
