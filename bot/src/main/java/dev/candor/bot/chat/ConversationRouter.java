package dev.candor.bot.chat;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes neutral inbound requests to feature handlers. Both platform adapters call this one router, so a
 * feature behaves the same in Slack and in Teams.
 */
public final class ConversationRouter {
    private static final Logger log = LoggerFactory.getLogger(ConversationRouter.class);

    private final Map<String, CommandHandler> commands;
    private final CommandHandler fallback;

    /**
     * @param commands handlers by command word ({@code kudos}, {@code candor})
     * @param fallback answers words no handler knows (the help text)
     */
    public ConversationRouter(Map<String, CommandHandler> commands, CommandHandler fallback) {
        this.commands = Map.copyOf(commands);
        this.fallback = fallback;
    }

    public Reply route(Inbound inbound) {
        if (inbound instanceof Command command) {
            CommandHandler handler = commands.getOrDefault(command.name().toLowerCase(Locale.ROOT), fallback);
            log.debug("command {} -> {}", command.name(), handler.getClass().getSimpleName());
            return handler.handle(command);
        }
        throw new IllegalArgumentException("no route for " + inbound.getClass().getSimpleName());
    }

    /** True when the word names a command some handler answers. */
    public boolean knows(String commandWord) {
        return commands.containsKey(commandWord.toLowerCase(Locale.ROOT));
    }
}
