package dev.candor.bot.people.away;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Away;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Everything {@code /candor away} says, to the person who typed it only. */
final class AwayMessages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    /** How far ahead the example in a usage message lies: a date that is valid whenever it is shown. */
    private static final int EXAMPLE_DAYS_AHEAD = 14;

    private AwayMessages() {}

    /** {@code away until DATE}: the day they gave, in words, and when they are asked again. */
    static Message away(Platform platform, LocalDate lastDay) {
        Text said = Text.builder()
                .plain("🌴 You're away until ")
                .strong(DAY.format(lastDay))
                .plain(", that day included.")
                .build();
        String meaning = "Candor asks you nothing until then: check-ins and surveys that open meanwhile skip you"
                + " rather than wait for your return. From " + SHORT_DAY.format(lastDay.plusDays(1))
                + " you're asked again.";
        String back = "Back sooner? " + prefix(platform) + " off";
        return new Message(
                said.plain() + " " + back,
                List.of(
                        new Block.Section(said),
                        new Block.Section(Text.of(meaning)),
                        new Block.Context(Text.of(back))));
    }

    /** {@code away off}. */
    static Message back(Platform platform, boolean wasAway, boolean statusSaidAway) {
        if (!wasAway) {
            return Message.of("You weren't marked away, so nothing changed. Going away? " + prefix(platform)
                    + " until YYYY-MM-DD");
        }
        String welcome = "👋 Welcome back: Candor asks you things again.";
        if (!statusSaidAway) {
            return Message.of(welcome);
        }
        return new Message(
                welcome,
                List.of(
                        new Block.Section(Text.of(welcome)),
                        new Block.Context(Text.of("Your Slack status said you were away. Candor goes by it again"
                                + " the next time you change your status."))));
    }

    /** {@code away}: what Candor knows, and how to change it. */
    static Message status(Platform platform, Away away, LocalDate today, Instant now, ZoneId zone) {
        Text.Builder said = Text.builder();
        if (away.until() != null && !away.until().isBefore(today)) {
            said.plain("🌴 You're away until ").strong(DAY.format(away.until())).plain(", that day included.");
        } else if (away.isStatusAway(now)) {
            said.plain("🌴 Your Slack status says you're away ")
                    .strong(
                            away.statusUntil() == null
                                    ? "until you change it"
                                    : "until "
                                            + MOMENT.format(away.statusUntil().atZone(zone)) + ", your time")
                    .plain(".");
        } else {
            said.plain("You're not marked away: Candor asks you things on working days, outside quiet hours, in your"
                    + " own time zone.");
        }
        Text text = said.build();
        return new Message(
                text.plain(), List.of(new Block.Section(text), new Block.Context(Text.of(howTo(platform, today)))));
    }

    /** A mistake: what is wrong, and what to type. Nothing changed. */
    static Message usage(Platform platform, String problem, LocalDate today) {
        String example = prefix(platform) + " until " + today.plusDays(EXAMPLE_DAYS_AHEAD);
        return new Message(
                problem + " Type: " + prefix(platform) + " until YYYY-MM-DD, e.g. " + example,
                List.of(
                        new Block.Section(Text.of(problem + " Nothing was changed.")),
                        new Block.Section(Text.builder()
                                .plain("Type ")
                                .strong(prefix(platform) + " until YYYY-MM-DD")
                                .plain(" with your last day away")
                                .lineBreak()
                                .plain("e.g. " + example)
                                .build()),
                        new Block.Context(Text.of("Back? " + prefix(platform) + " off"))));
    }

    private static String howTo(Platform platform, LocalDate today) {
        return "Away: " + prefix(platform) + " until YYYY-MM-DD (e.g. " + today.plusDays(EXAMPLE_DAYS_AHEAD)
                + ", your last day away) · back: " + prefix(platform) + " off"
                + (platform == Platform.SLACK
                        ? " · a Slack status of 🌴 or 🤒, or one that says vacation, holiday, out of office or OOO,"
                                + " counts too"
                        : "");
    }

    /** {@code /candor away} or {@code @Candor away}. */
    static String prefix(Platform platform) {
        return platform == Platform.SLACK ? "/candor away" : "@Candor away";
    }
}
