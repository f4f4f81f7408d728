package dev.candor.bot.chat;

/** Something a person did in chat, in platform-neutral terms. Handlers see only these. */
public sealed interface Inbound permits Command, Action, FormSubmission, Reaction, HomeOpened, MessageShortcut {

    Actor actor();

    ConversationRef where();
}
