package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.kudos.Allowance;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.ReceivedKudos;
import dev.candor.storage.kudos.TagTotals;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code /kudos me} and the home view say about a person's own recognition. */
final class PersonalMessages {
    /** Enough of a kudos message to recognise it; the full text is in the DM they got. */
    static final int EXCERPT = 120;

    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private PersonalMessages() {}

    static Message me(PersonalStats.PersonalView view) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your kudos"));
        blocks.addAll(body(view));
        blocks.add(new Block.Context(Text.of(
                "Times and periods in your time zone, " + view.viewer().zone().getId() + ". "
                        + leaderboardHint(view.viewer().platform()))));
        return new Message(fallback(view), blocks);
    }

    /** The personal view with a short how-to: the Slack App Home, and what Teams shows for {@code kudos me}. */
    static Message home(PersonalStats.PersonalView view) {
        Platform platform = view.viewer().platform();
        String kudos = Syntax.command(platform, "kudos");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your recognition"));
        blocks.addAll(body(view));
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(Text.builder()
                .strong("Give kudos")
                .plain(" — type " + kudos + " @person what they did #value. Name up to ten people; " + kudos
                        + " alone opens a form.")
                .build()));
        blocks.add(new Block.Section(Text.builder()
                .strong("See who's recognised")
                .plain(" — " + kudos + " leaderboard, for this month; add week, quarter, year or all, and a #value.")
                .build()));
        blocks.add(new Block.Context(Text.of(
                "Times and periods in your time zone, " + view.viewer().zone().getId() + ".")));
        return new Message(fallback(view), blocks);
    }

    private static List<Block> body(PersonalStats.PersonalView view) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(fields(view)));
        if (!view.values().isEmpty()) {
            blocks.add(new Block.Section(Text.builder()
                    .strong("Recognised for")
                    .plain("  " + values(view.values()))
                    .build()));
        }
        blocks.add(new Block.Section(
                Text.builder().strong("Latest kudos you received").build()));
        if (view.latest().isEmpty()) {
            blocks.add(new Block.Section(Text.of("None yet — they'll show up here.")));
        }
        for (ReceivedKudos kudos : view.latest()) {
            blocks.add(new Block.Section(Text.builder()
                    .strong(kudos.giverName())
                    .plain(" · " + when(kudos, view.viewer().zone(), view.asOf()))
                    .build()));
            blocks.add(new Block.Quote(Text.of(excerpt(kudos.message()))));
        }
        return blocks;
    }

    private static List<Block.Field> fields(PersonalStats.PersonalView view) {
        Allowance allowance = view.allowance();
        String period = allowance.periodName();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(field("Received " + period, view.period().received()));
        fields.add(field("Given " + period, view.period().given()));
        if (view.month() != null) {
            fields.add(field("Received this month", view.month().received()));
            fields.add(field("Given this month", view.month().given()));
        }
        fields.add(new Block.Field("Left to give " + period, Text.of(left(allowance))));
        fields.add(new Block.Field(
                "All time",
                Text.of(view.allTime().received() + " received · "
                        + view.allTime().given() + " given")));
        return fields;
    }

    private static Block.Field field(String label, int count) {
        return new Block.Field(label, Text.of(String.valueOf(count)));
    }

    private static String left(Allowance allowance) {
        return allowance.unlimited() ? "No limit (HR admin)" : allowance.remaining() + " of " + allowance.amount();
    }

    private static String values(List<TagTotals> values) {
        return values.stream()
                .map(value -> "#" + value.tag() + " ×" + value.received())
                .collect(Collectors.joining("  ·  "));
    }

    /** When, in the viewer's zone; the year only when it isn't this one. */
    static String when(ReceivedKudos kudos, ZoneId zone, Instant now) {
        ZonedDateTime at = kudos.createdAt().atZone(zone);
        boolean thisYear = at.getYear() == now.atZone(zone).getYear();
        return (thisYear ? THIS_YEAR : OTHER_YEAR).format(at);
    }

    static String excerpt(String message) {
        String flat = message.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }

    private static String leaderboardHint(Platform platform) {
        return "See everyone's: " + Syntax.command(platform, "kudos") + " leaderboard.";
    }

    private static String fallback(PersonalStats.PersonalView view) {
        Allowance allowance = view.allowance();
        String left = allowance.unlimited() ? "No limit on giving." : allowance.remaining() + " left to give.";
        return "Your kudos " + allowance.periodName() + ": " + view.period().received() + " received, "
                + view.period().given() + " given. " + left;
    }
}
