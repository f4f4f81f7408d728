package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.bot.kudos.Allowance;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.PersonCount;
import dev.candor.storage.kudos.ReceivedKudos;
import dev.candor.storage.kudos.TagTotals;
import dev.candor.storage.kudos.TallyPeriod;
import dev.candor.storage.kudos.Totals;
import dev.candor.storage.people.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every message the leaderboard and personal view send, with fixed data, for the platforms' golden tests. */
public final class StatsSamples {
    private static final Instant NOW = Instant.parse("2025-03-12T11:00:00Z");

    private StatsSamples() {}

    /** Messages by golden file name (without extension). */
    public static Map<String, Message> messages(Platform platform) {
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put("kudos-leaderboard", LeaderboardMessages.leaderboard(leaderboard(), platform));
        messages.put(
                "kudos-leaderboard-empty",
                LeaderboardMessages.leaderboard(
                        new Leaderboards.Leaderboard(
                                TallyPeriod.WEEK,
                                LocalDate.of(2025, 3, 10),
                                ZoneId.of("UTC"),
                                null,
                                Ranking.rank(List.of(), 10, count -> 0),
                                Ranking.rank(List.of(), 10, count -> 0)),
                        platform));
        messages.put("kudos-leaderboard-not-understood", LeaderboardMessages.notUnderstood(platform, "fortnight"));
        messages.put(
                "kudos-leaderboard-unknown-value",
                LeaderboardMessages.unknownValue("ownrship", Optional.of("ownership"), List.of("craft", "ownership")));
        messages.put("kudos-me", PersonalMessages.me(view(platform)));
        messages.put("kudos-me-new", PersonalMessages.me(newcomer(platform)));
        return messages;
    }

    /** The home view: Slack's App Home, the card Teams shows for {@code kudos me} when asked for the home. */
    public static Message home(Platform platform) {
        return PersonalMessages.home(view(platform));
    }

    private static Leaderboards.Leaderboard leaderboard() {
        List<PersonCount> receivers = List.of(
                new PersonCount(1, "Ana Lopez", 12),
                new PersonCount(2, "Li <3 & *Co*", 7),
                new PersonCount(3, "Bo", 7),
                new PersonCount(4, "Cy", 5),
                new PersonCount(5, "Di", 4),
                new PersonCount(6, "Ed", 4),
                new PersonCount(7, "Flo", 3),
                new PersonCount(8, "Gus", 2),
                new PersonCount(9, "Hana", 2),
                new PersonCount(10, "Ivo", 1),
                new PersonCount(11, "Jo", 1));
        List<PersonCount> givers =
                List.of(new PersonCount(4, "Cy", 9), new PersonCount(1, "Ana Lopez", 6), new PersonCount(12, "Kai", 2));
        return new Leaderboards.Leaderboard(
                TallyPeriod.MONTH,
                LocalDate.of(2025, 3, 1),
                ZoneId.of("Europe/Berlin"),
                "ownership",
                Ranking.rank(receivers, 10, count -> 4),
                Ranking.rank(givers, 10, count -> 1));
    }

    private static Actor viewer(Platform platform) {
        String userId = platform == Platform.SLACK ? "U0ANA" : "29:ana";
        return new Actor(
                1,
                "T0ACME",
                1,
                platform,
                userId,
                "Ana Lopez",
                Role.EMPLOYEE,
                ZoneId.of("America/New_York"),
                Locale.ENGLISH);
    }

    private static PersonalStats.PersonalView view(Platform platform) {
        List<ReceivedKudos> latest = List.of(
                new ReceivedKudos(
                        9,
                        Instant.parse("2025-03-11T16:05:00Z"),
                        "thanks for the *smooth* demo <3 #ownership",
                        2,
                        "Li"),
                new ReceivedKudos(8, Instant.parse("2025-03-10T09:30:00Z"), "x".repeat(200), 3, "Bo"),
                new ReceivedKudos(
                        4, Instant.parse("2024-12-20T22:00:00Z"), "thanks for covering my shift\nall week", 4, "Cy"));
        return new PersonalStats.PersonalView(
                viewer(platform),
                NOW,
                new Allowance(5, AllowancePeriod.DAY, false, 2),
                new Totals(1, 2),
                new Totals(6, 4),
                new Totals(42, 37),
                List.of(new TagTotals("ownership", 12, 0), new TagTotals("craft", 3, 1)),
                latest);
    }

    private static PersonalStats.PersonalView newcomer(Platform platform) {
        return new PersonalStats.PersonalView(
                viewer(platform),
                NOW,
                new Allowance(20, AllowancePeriod.MONTH, true, 0),
                Totals.NONE,
                null,
                Totals.NONE,
                List.of(),
                List.of());
    }
}
