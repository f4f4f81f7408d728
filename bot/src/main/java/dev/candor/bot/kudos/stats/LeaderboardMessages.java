package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.TallyPeriod;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code /kudos leaderboard} says. One block per line: Teams shows a single line break inside a text block as
 * a space, so a list in one paragraph would run together there.
 */
final class LeaderboardMessages {
    private static final String[] MEDALS = {"🥇", "🥈", "🥉"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private LeaderboardMessages() {}

    static Message leaderboard(Leaderboards.Leaderboard board, Platform platform) {
        String title = "Kudos leaderboard · " + title(board.period(), board.start());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("🏆 " + title));
        blocks.add(new Block.Context(Text.of(scope(board))));
        if (board.receivers().isEmpty() && board.givers().isEmpty()) {
            blocks.add(new Block.Section(Text.of(nothingYet(board) + " Be the first: "
                    + Syntax.command(platform, "kudos") + " @person what they did"
                    + (board.tag() == null ? "" : " #" + board.tag()))));
        } else {
            blocks.addAll(list("Most recognised", board.receivers()));
            blocks.addAll(list("Most kudos given", board.givers()));
        }
        blocks.add(new Block.Context(Text.of("Other periods: " + Syntax.command(platform, "kudos")
                + " leaderboard week, month, quarter, year or all. Add #value to see one value.")));
        return new Message(title + fallback(board.receivers()), blocks);
    }

    /** The period, for the title: "Week of 3 March 2025", "March 2025", "Q1 2025", "2025", "All time". */
    static String title(TallyPeriod period, LocalDate start) {
        return switch (period) {
            case WEEK -> "Week of " + DAY.format(start);
            case MONTH -> MONTH.format(start);
            case QUARTER -> "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
            case YEAR -> String.valueOf(start.getYear());
            case ALL -> "All time";
        };
    }

    private static String scope(Leaderboards.Leaderboard board) {
        String calendar = board.period() == TallyPeriod.ALL
                ? "Every kudos so far"
                : "Calendar " + board.period().dbValue() + " in " + board.zone().getId()
                        + (board.period() == TallyPeriod.WEEK ? ", from Monday" : "");
        String value = board.tag() == null ? "" : " · only #" + board.tag();
        return calendar + value + " · ties share a place";
    }

    private static String nothingYet(Leaderboards.Leaderboard board) {
        String tagged = board.tag() == null ? "" : " tagged #" + board.tag();
        return switch (board.period()) {
            case ALL -> "No kudos" + tagged + " yet.";
            default -> "No kudos" + tagged + " this " + board.period().dbValue() + " yet.";
        };
    }

    private static List<Block> list(String heading, Ranking.Board board) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(heading).build()));
        if (board.isEmpty()) {
            blocks.add(new Block.Section(Text.of("Nobody yet.")));
            return blocks;
        }
        for (Ranking.Place place : board.places()) {
            blocks.add(new Block.Section(Text.of(place(place))));
        }
        if (board.moreTied() > 0) {
            int last = board.places().get(board.places().size() - 1).count();
            blocks.add(new Block.Context(
                    Text.of("…and " + board.moreTied() + " more with " + kudos(last) + ", tied at that place.")));
        }
        return blocks;
    }

    static String place(Ranking.Place place) {
        String rank = place.rank() <= MEDALS.length ? MEDALS[place.rank() - 1] : place.rank() + ".";
        return rank + "  " + place.name() + " — " + kudos(place.count());
    }

    private static String fallback(Ranking.Board receivers) {
        if (receivers.isEmpty()) {
            return "";
        }
        return ": "
                + receivers.places().stream()
                        .limit(3)
                        .map(place -> place.rank() + ". " + place.name() + " (" + place.count() + ")")
                        .collect(Collectors.joining(", "));
    }

    static String kudos(int count) {
        return count + " kudos";
    }

    static Message notUnderstood(Platform platform, String word) {
        String command = Syntax.command(platform, "kudos") + " leaderboard";
        return Message.of("I didn't understand \"" + word + "\". Type " + command
                + " [week|month|quarter|year|all] [#value] — for example " + command + " quarter #ownership."
                + " Without a period it shows this month.");
    }

    static Message unknownValue(String tag, Optional<String> suggestion, List<String> known) {
        String hint = suggestion.map(value -> " — did you mean #" + value + "?").orElse(".");
        String values = known.stream().map(value -> "#" + value).collect(Collectors.joining(", "));
        return Message.of("#" + tag + " isn't one of our values" + hint + " Our values: " + values + ".");
    }
}
