package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import java.util.ArrayList;
import java.util.List;

/** A message's blocks as plain lines, so tests can read what a person would read. */
final class StatsText {
    private StatsText() {}

    static String of(Message message) {
        return String.join("\n", lines(message));
    }

    static List<String> lines(Message message) {
        List<String> lines = new ArrayList<>();
        for (Block block : message.blocks()) {
            if (block instanceof Block.Header header) {
                lines.add(header.text());
            } else if (block instanceof Block.Section section) {
                lines.add(section.text().plain());
            } else if (block instanceof Block.Quote quote) {
                lines.add("> " + quote.text().plain());
            } else if (block instanceof Block.Context context) {
                lines.add(context.text().plain());
            } else if (block instanceof Block.Fields fields) {
                fields.fields()
                        .forEach(field ->
                                lines.add(field.label() + ": " + field.value().plain()));
            }
        }
        return lines;
    }
}
