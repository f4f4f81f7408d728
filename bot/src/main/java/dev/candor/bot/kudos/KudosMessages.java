package dev.candor.bot.kudos;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Everything the kudos feature says. */
public final class KudosMessages {
    private KudosMessages() {}

    /** The public recognition, posted where the kudos was given (or in the kudos channel). */
    public static Message announcement(Mention giver, List<Mention> recipients, String message, List<String> values) {
        return announcement(giver, recipients, message, values, null);
    }

    static Message announcement(
            Mention giver, List<Mention> recipients, String message, List<String> values, String sourceUrl) {
        Text headline = Text.builder()
                .plain("🎉 ")
                .people(recipients)
                .plain(" received kudos from ")
                .person(giver.platformUserId(), giver.displayName())
                .build();
        return new Message(headline.plain() + ": " + message, body(headline, message, values, sourceUrl));
    }

    /** The DM each recipient gets. */
    public static Message received(Mention giver, String message, List<String> values) {
        return received(giver, message, values, null);
    }

    static Message received(Mention giver, String message, List<String> values, String sourceUrl) {
        Text headline = Text.builder()
                .plain("🎉 You received kudos from ")
                .person(giver.platformUserId(), giver.displayName())
                .build();
        return new Message(
                "You received kudos from " + giver.displayName() + ": " + message,
                body(headline, message, values, sourceUrl));
    }

    /** The DM recipients get when someone +1s their kudos. */
    static Message joined(Mention giver, String message) {
        Text headline = Text.builder()
                .plain("👏 ")
                .person(giver.platformUserId(), giver.displayName())
                .plain(" joined the kudos you received")
                .build();
        return new Message(
                giver.displayName() + " joined the kudos you received: " + message,
                List.of(new Block.Section(headline), new Block.Quote(Text.of(message))));
    }

    private static List<Block> body(Text headline, String message, List<String> values, String sourceUrl) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(headline));
        blocks.add(new Block.Quote(Text.of(message)));
        List<String> context = new ArrayList<>();
        if (!values.isEmpty()) {
            context.add(valuesLine(values));
        }
        if (sourceUrl != null) {
            blocks.add(new Block.Context(Text.builder()
                    .plain(context.isEmpty() ? "" : context.get(0) + "  ·  ")
                    .link(sourceUrl, "the message")
                    .build()));
        } else if (!context.isEmpty()) {
            blocks.add(new Block.Context(Text.of(context.get(0))));
        }
        return blocks;
    }

    /** What the giver sees: it worked, where it was posted, and what is left of the allowance. */
    static Message confirmation(List<Mention> recipients, Allowance allowance, String postedTo, boolean here) {
        Text.Builder text = Text.builder().plain("✅ Kudos to ").people(recipients);
        if (postedTo != null && !here) {
            text.plain(" — posted in the kudos channel.");
        } else {
            text.plain(".");
        }
        return new Message(
                text.build().plain() + " " + remaining(allowance),
                List.of(new Block.Section(text.build()), new Block.Context(Text.of(remaining(allowance)))));
    }

    static String remaining(Allowance allowance) {
        if (allowance.unlimited()) {
            return "As an HR admin you can give as many kudos as you like.";
        }
        int left = allowance.remaining();
        return "You have " + left + " of " + allowance.amount() + " kudos left " + allowance.periodName() + ".";
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
                                + " people per kudos. Tag company values with #value. " + kudos
                                + " alone opens a form; " + kudos + " leaderboard and " + kudos
                                + " me show the standings."))));
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

    /** People mentioned by an id the platform doesn't know, or by no id at all (an empty {@code <@>}). */
    static Message unknownPeople(Platform platform, List<String> names) {
        String who = names.stream().allMatch(String::isBlank)
                ? "someone you mentioned"
                : String.join(
                        ", ", names.stream().filter(name -> !name.isBlank()).toList());
        return Message.of("I couldn't find " + who + ", so no kudos were given and your allowance is unchanged."
                + " Mention people by picking them from the list that opens as you type @: "
                + Syntax.command(platform, "kudos") + " @person what they did");
    }

    public static Message tooMany(Platform platform) {
        return Message.of("That's more than " + KudosRequest.MAX_RECIPIENTS + " people. Please split it: "
                + Syntax.command(platform, "kudos") + " takes up to " + KudosRequest.MAX_RECIPIENTS
                + " people at a time.");
    }

    static Message tooShort(int minimum) {
        return Message.of("Say a little more about what they did — kudos need at least " + minimum
                + " characters besides the names and #values.");
    }

    static Message unknownValues(List<ValueMatcher.Unknown> unknown, List<String> known) {
        String problems = unknown.stream()
                .map(tag -> "#" + tag.tag() + " isn't one of our values"
                        + tag.suggestion()
                                .map(s -> " — did you mean #" + s + "?")
                                .orElse("."))
                .collect(Collectors.joining(" "));
        return Message.of(problems + " Our values: " + hashtags(known) + ".");
    }

    static Message valueRequired(List<String> known) {
        return Message.of("Please tag the value this kudos is about: " + hashtags(known) + ".");
    }

    static Message overAllowance(Allowance allowance, int cost, Instant reset, ZoneId zone) {
        String when = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH).format(reset.atZone(zone));
        String have = allowance.remaining() == 0
                ? "You've given all " + allowance.amount() + " of your kudos " + allowance.periodName() + "."
                : "You have " + allowance.remaining() + " kudos left " + allowance.periodName()
                        + ", and this one needs " + cost + " (one per person).";
        return Message.of(have + " Your allowance resets " + when + " your time. Nothing was sent.");
    }

    private static String hashtags(List<String> tags) {
        return tags.stream().map(tag -> "#" + tag).collect(Collectors.joining(", "));
    }

    private static String valuesLine(List<String> values) {
        return values.stream().map(value -> "#" + value).collect(Collectors.joining("  "));
    }
}
