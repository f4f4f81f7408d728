package dev.candor.bot.kudos;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Everything the kudos feature says. */
public final class KudosMessages {
    private KudosMessages() {}

    /** The public recognition, posted where the kudos was given. */
    public static Message announcement(Mention giver, List<Mention> recipients, String message, List<String> values) {
        Text headline = Text.builder()
                .plain("🎉 ")
                .people(recipients)
                .plain(" received kudos from ")
                .person(giver.platformUserId(), giver.displayName())
                .build();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(headline));
        blocks.add(new Block.Quote(Text.of(message)));
        if (!values.isEmpty()) {
            blocks.add(new Block.Context(Text.of(valuesLine(values))));
        }
        return new Message(headline.plain() + ": " + message, blocks);
    }

    /** The DM each recipient gets. */
    public static Message received(Mention giver, String message, List<String> values) {
        Text headline = Text.builder()
                .plain("🎉 You received kudos from ")
                .person(giver.platformUserId(), giver.displayName())
                .build();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(headline));
        blocks.add(new Block.Quote(Text.of(message)));
        if (!values.isEmpty()) {
            blocks.add(new Block.Context(Text.of(valuesLine(values))));
        }
        return new Message("You received kudos from " + giver.displayName() + ": " + message, blocks);
    }

    public static Message usage(Platform platform) {
        String kudos = Syntax.command(platform, "kudos");
        return new Message(
                "To give kudos, type " + kudos + " @person what they did #value",
                List.of(
                        new Block.Section(Text.builder()
                                .strong("Give kudos")
                                .plain(" — name one or more people and say what they did:")
                                .build()),
                        new Block.Section(Text.builder()
                                .strong(kudos + " @ana @li thanks for the smooth release demo #ownership")
                                .build()),
                        new Block.Context(Text.of("Up to " + KudosRequest.MAX_RECIPIENTS
                                + " people per kudos. Tag company values with #value."))));
    }

    public static Message noSelfKudos(Platform platform) {
        return Message.of("You can't give kudos to yourself 🙂 Thank a teammate instead: "
                + Syntax.command(platform, "kudos") + " @teammate what they did");
    }

    public static Message noBots(List<String> names) {
        return Message.of("Kudos are for people, and " + String.join(", ", names)
                + (names.size() == 1 ? " is a bot" : " are bots") + ". Try again without "
                + (names.size() == 1 ? "it." : "them."));
    }

    public static Message inactive(List<String> names) {
        return Message.of(String.join(", ", names) + (names.size() == 1 ? " has" : " have")
                + " left the organisation, so they can't receive kudos. Try again without them.");
    }

    public static Message tooMany(Platform platform) {
        return Message.of("That's more than " + KudosRequest.MAX_RECIPIENTS + " people. Please split it: "
                + Syntax.command(platform, "kudos") + " takes up to " + KudosRequest.MAX_RECIPIENTS
                + " people at a time.");
    }

    private static String valuesLine(List<String> values) {
        return values.stream().map(value -> "#" + value).collect(Collectors.joining("  "));
    }
}
