package dev.candor.bot.chat;

import java.util.List;

/**
 * What the bot says, in platform-neutral terms.
 *
 * @param fallbackText plain text for notifications, screen readers and clients that cannot show blocks
 */
public record Message(String fallbackText, List<Block> blocks) {

    public Message {
        blocks = List.copyOf(blocks);
    }

    /** A message of one paragraph. */
    public static Message of(Text text) {
        return new Message(text.plain(), List.of(new Block.Section(text)));
    }

    public static Message of(String plain) {
        return of(Text.of(plain));
    }
}
