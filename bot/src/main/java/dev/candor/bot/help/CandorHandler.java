package dev.candor.bot.help;

import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Reply;
import java.util.Map;

/**
 * {@code /candor …}: the first word picks a part ({@code /candor admin …} → administration); everything else,
 * {@code /candor help} included, is answered by the help.
 */
public final class CandorHandler implements CommandHandler {
    private final CommandHandler help;
    private final Map<String, CommandHandler> parts;

    /** @param parts handlers by their lower-case verb; each gets the whole command, verb included */
    public CandorHandler(CommandHandler help, Map<String, CommandHandler> parts) {
        this.help = help;
        this.parts = Map.copyOf(parts);
    }

    @Override
    public Reply handle(Command command) {
        return parts.getOrDefault(command.verb(), help).handle(command);
    }
}
