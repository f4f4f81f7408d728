package dev.candor.bot.ask;

import dev.candor.bot.chat.Block;
import java.util.List;

/**
 * What a feature adds to one person's ask DM or reminder, above the engine's own part (what it is, the deadline, the
 * Answer button): a 1:1's agenda, say.
 *
 * @param lead the notification text people see first (a push, a preview), or null for the engine's
 * @param blocks shown before the engine's blocks
 */
public record AskExtra(String lead, List<Block> blocks) {
    public AskExtra {
        blocks = List.copyOf(blocks);
    }

    public static final AskExtra NONE = new AskExtra(null, List.of());
}
