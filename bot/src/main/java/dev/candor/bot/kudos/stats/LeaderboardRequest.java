package dev.candor.bot.kudos.stats;

import dev.candor.storage.kudos.TallyPeriod;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code /kudos leaderboard [week|month|quarter|year|all] [#value]} asks for, in any order; the month when
 * no period is named.
 *
 * @param tag the value typed after {@code #}, lower-cased, or null for every kudos
 * @param problem what was not understood, or null
 */
record LeaderboardRequest(TallyPeriod period, String tag, String problem) {
    static final TallyPeriod DEFAULT_PERIOD = TallyPeriod.MONTH;

    /** @param arguments the words after {@code leaderboard} */
    static LeaderboardRequest parse(String arguments) {
        TallyPeriod period = null;
        String tag = null;
        for (String word : arguments.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.startsWith("#") && word.length() > 1 && tag == null) {
                tag = word.substring(1).toLowerCase(Locale.ROOT);
            } else if (period == null && periodOf(word).isPresent()) {
                period = periodOf(word).get();
            } else {
                return new LeaderboardRequest(DEFAULT_PERIOD, null, word);
            }
        }
        return new LeaderboardRequest(period == null ? DEFAULT_PERIOD : period, tag, null);
    }

    private static Optional<TallyPeriod> periodOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "week", "weekly" -> Optional.of(TallyPeriod.WEEK);
            case "month", "monthly" -> Optional.of(TallyPeriod.MONTH);
            case "quarter", "quarterly" -> Optional.of(TallyPeriod.QUARTER);
            case "year", "yearly" -> Optional.of(TallyPeriod.YEAR);
            case "all", "all-time", "alltime", "ever" -> Optional.of(TallyPeriod.ALL);
            default -> Optional.empty();
        };
    }
}
