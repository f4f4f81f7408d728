package dev.candor.bot.chat;

/** A person opened Candor's home (the Slack App Home tab). */
public record HomeOpened(Actor actor, ConversationRef where) implements Inbound {}
