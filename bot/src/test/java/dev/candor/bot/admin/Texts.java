package dev.candor.bot.admin;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import java.util.stream.Collectors;

/** A message as the words a person reads, to assert on. */
public final class Texts {
    private Texts() {}

    public static String of(Message message) {
        return message.blocks().stream().map(Texts::of).collect(Collectors.joining("\n"));
    }

    private static String of(Block block) {
        if (block instanceof Block.Header header) {
            return header.text();
        } else if (block instanceof Block.Section section) {
            return section.text().plain();
        } else if (block instanceof Block.Context context) {
            return context.text().plain();
        } else if (block instanceof Block.Quote quote) {
            return quote.text().plain();
        } else if (block instanceof Block.Fields fields) {
            return fields.fields().stream()
                    .map(field -> field.label() + ": " + field.value().plain())
                    .collect(Collectors.joining("\n"));
        }
        return "";
    }
}
