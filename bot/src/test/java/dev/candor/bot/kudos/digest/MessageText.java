package dev.candor.bot.kudos.digest;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a neutral message says, read back for assertions. */
final class MessageText {
    private MessageText() {}

    /** Every text of the message, one block per line. */
    static String all(Message message) {
        return message.blocks().stream().map(MessageText::text).collect(Collectors.joining("\n"));
    }

    static Map<String, String> fields(Message message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Block block : message.blocks()) {
            if (block instanceof Block.Fields grid) {
                grid.fields()
                        .forEach(
                                field -> fields.put(field.label(), field.value().plain()));
            }
        }
        return fields;
    }

    static List<String> quotes(Message message) {
        return message.blocks().stream()
                .filter(Block.Quote.class::isInstance)
                .map(block -> ((Block.Quote) block).text().plain())
                .toList();
    }

    private static String text(Block block) {
        if (block instanceof Block.Header header) {
            return header.text();
        } else if (block instanceof Block.Section section) {
            return section.text().plain();
        } else if (block instanceof Block.Quote quote) {
            return quote.text().plain();
        } else if (block instanceof Block.Context context) {
            return context.text().plain();
        } else if (block instanceof Block.Fields fields) {
            return fields.fields().stream()
                    .map(field -> field.label() + ": " + field.value().plain())
                    .collect(Collectors.joining("\n"));
        }
        return "";
    }
}
