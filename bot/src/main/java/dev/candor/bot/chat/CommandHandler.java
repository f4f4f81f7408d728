package dev.candor.bot.chat;

/** The neutral logic behind one chat command. Knows nothing of Slack or Teams. */
public interface CommandHandler {

    Reply handle(Command command);
}
