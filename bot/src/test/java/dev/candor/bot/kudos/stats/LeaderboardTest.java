package dev.candor.bot.kudos.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /kudos leaderboard} on kudos stored at chosen moments, read with a fixed clock. Each test has a workspace of
 * its own on one database, so the others' kudos are always there to be left out.
 */
class LeaderboardTest {
    /** Wednesday 12 March 2025, midday in Berlin. */
    private static final Instant NOW = Instant.parse("2025-03-12T11:00:00Z");

    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static StatsFixture workspace(String id) {
        return new StatsFixture(database, id, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<String> lines(StatsFixture org, Actor viewer, String command) {
        return StatsText.lines(StatsFixture.message(org.command(viewer, command)));
    }

    @Test
    void ranksReceiversAndGiversWithTiesSharingAPlace() {
        StatsFixture org = workspace("T0RANKS");
        Actor ana = org.person("U0ANA", "Ana");
        Actor bo = org.person("U0BO", "Bo");
        Actor cy = org.person("U0CY", "Cy");
        Actor di = org.person("U0DI", "Di");
        Instant march = Instant.parse("2025-03-03T09:00:00Z");
        org.kudosAt(march, bo, List.of(), ana, cy);
        org.kudosAt(march, di, List.of(), ana, cy);
        org.kudosAt(march, ana, List.of(), bo);
        org.kudosAt(march, cy, List.of(), di);
        org.kudosAt(march, cy, List.of(), ana);

        List<String> lines = lines(org, ana, "leaderboard");

        assertThat(lines).startsWith("🏆 Kudos leaderboard · March 2025");
        assertThat(lines)
                .containsSubsequence(
                        "Most recognised",
                        "🥇  Ana — 3 kudos",
                        "🥈  Cy — 2 kudos",
                        "🥉  Bo — 1 kudos",
                        "🥉  Di — 1 kudos",
                        "Most kudos given",
                        "🥇  Bo — 2 kudos",
                        "🥇  Cy — 2 kudos",
                        "🥇  Di — 2 kudos",
                        "4.  Ana — 1 kudos");
        assertThat(String.join("\n", lines)).contains("ties share a place");
    }

    @Test
    void saysHowManyMoreShareTheLastPlaceShown() {
        StatsFixture org = workspace("T0TIES");
        Actor giver = org.person("U0GIVER", "Giver");
        Actor star = org.person("U0STAR", "Star");
        Instant march = Instant.parse("2025-03-04T09:00:00Z");
        org.kudosAt(march, giver, List.of(), star);
        org.kudosAt(march, giver, List.of(), star);
        for (int i = 0; i < 12; i++) {
            org.kudosAt(march, giver, List.of(), org.person("U0P" + i, "Person " + (char) ('A' + i)));
        }

        List<String> lines = lines(org, giver, "leaderboard month");

        assertThat(lines).contains("🥇  Star — 2 kudos", "🥈  Person A — 1 kudos", "🥈  Person I — 1 kudos");
        assertThat(lines).doesNotContain("🥈  Person J — 1 kudos");
        assertThat(lines).contains("…and 3 more with 1 kudos, tied at that place.");
        assertThat(lines).contains("🥇  Giver — 14 kudos");
    }

    @Test
    void countsKudosInTheCalendarMonthOfTheOrganisationsTimeZone() {
        StatsFixture berlin = workspace("T0BERLIN");
        berlin.orgTimezone("Europe/Berlin");
        StatsFixture utc = workspace("T0UTC");
        // 23:30 UTC on 28 February is 00:30 on 1 March in Berlin.
        Instant lateFebruaryUtc = Instant.parse("2025-02-28T23:30:00Z");
        // 22:59 UTC on 31 March is 00:59 on 1 April in Berlin (summer time), still March in UTC.
        Instant endOfMarchUtc = Instant.parse("2025-03-31T22:59:00Z");
        for (StatsFixture org : List.of(berlin, utc)) {
            Actor gil = org.person("U0GIL", "Gil");
            org.kudosAt(lateFebruaryUtc, gil, List.of(), org.person("U0FEB", "Feb Person"));
            org.kudosAt(endOfMarchUtc, gil, List.of(), org.person("U0APR", "Apr Person"));
        }

        String berlinMarch = String.join("\n", lines(berlin, berlin.person("U0GIL", "Gil"), "leaderboard"));
        String utcMarch = String.join("\n", lines(utc, utc.person("U0GIL", "Gil"), "leaderboard"));

        assertThat(berlinMarch)
                .contains("Feb Person — 1 kudos", "Calendar month in Europe/Berlin")
                .doesNotContain("Apr Person");
        assertThat(utcMarch)
                .contains("Apr Person — 1 kudos", "Calendar month in UTC")
                .doesNotContain("Feb Person");
    }

    @Test
    void startsTheWeekOnMondayInTheOrganisationsTimeZone() {
        StatsFixture org = workspace("T0WEEK");
        org.orgTimezone("Europe/Berlin");
        Actor gil = org.person("U0GIL", "Gil");
        // Sunday 9 March 23:30 in Berlin: last week. Monday 10 March 00:30 in Berlin: this week.
        org.kudosAt(Instant.parse("2025-03-09T22:30:00Z"), gil, List.of(), org.person("U0SUN", "Sunday"));
        org.kudosAt(Instant.parse("2025-03-09T23:30:00Z"), gil, List.of(), org.person("U0MON", "Monday"));

        String week = String.join("\n", lines(org, gil, "leaderboard week"));

        assertThat(week).contains("Week of 10 March 2025", "Monday — 1 kudos").doesNotContain("Sunday —");
    }

    @Test
    void offersQuarterYearAndAllTime() {
        StatsFixture org = workspace("T0LONG");
        Actor gil = org.person("U0GIL", "Gil");
        org.kudosAt(Instant.parse("2024-11-05T10:00:00Z"), gil, List.of(), org.person("U0OLD", "Last Year"));
        org.kudosAt(Instant.parse("2025-01-15T10:00:00Z"), gil, List.of(), org.person("U0JAN", "January"));

        assertThat(lines(org, gil, "leaderboard quarter"))
                .contains("🏆 Kudos leaderboard · Q1 2025", "🥇  January — 1 kudos")
                .doesNotContain("🥇  Last Year — 1 kudos");
        assertThat(lines(org, gil, "leaderboard YEAR")).contains("🏆 Kudos leaderboard · 2025");
        assertThat(lines(org, gil, "leaderboard all"))
                .contains("🏆 Kudos leaderboard · All time", "🥇  January — 1 kudos", "🥇  Last Year — 1 kudos");
    }

    @Test
    void filtersByAValueTypedInAnyCase() {
        StatsFixture org = workspace("T0VALUES");
        org.values("ownership", "craft");
        Actor gil = org.person("U0GIL", "Gil");
        Actor ana = org.person("U0ANA", "Ana");
        Actor li = org.person("U0LI", "Li");
        Instant march = Instant.parse("2025-03-05T09:00:00Z");
        org.kudosAt(march, gil, List.of("ownership"), ana);
        org.kudosAt(march, gil, List.of("craft"), li);
        org.kudosAt(march, gil, List.of("craft"), li);

        List<String> ownership = lines(org, gil, "leaderboard #Ownership");

        assertThat(ownership).contains("🥇  Ana — 1 kudos", "🥇  Gil — 1 kudos");
        assertThat(String.join("\n", ownership)).contains("only #ownership").doesNotContain("Li —");
        assertThat(lines(org, gil, "leaderboard #CRAFT quarter")).contains("🥇  Li — 2 kudos", "🥇  Gil — 2 kudos");
    }

    @Test
    void suggestsTheValueMeantWhenTheTagIsUnknown() {
        StatsFixture org = workspace("T0TYPO");
        org.values("ownership", "craft");

        Reply reply = org.command(org.person("U0GIL", "Gil"), "leaderboard #ownrship");

        assertThat(reply).isInstanceOf(Reply.Private.class);
        assertThat(StatsFixture.text(reply))
                .isEqualTo("#ownrship isn't one of our values — did you mean #ownership? Our values: #craft,"
                        + " #ownership.");
    }

    @Test
    void explainsWhatToTypeForAWordItDoesNotKnow() {
        StatsFixture org = workspace("T0WORDS");

        Reply reply = org.command(org.person("U0GIL", "Gil"), "leaderboard fortnight");

        assertThat(reply).isInstanceOf(Reply.Private.class);
        assertThat(StatsFixture.text(reply))
                .contains("\"fortnight\"", "/kudos leaderboard [week|month|quarter|year|all] [#value]");
    }

    @Test
    void leavesOutPeopleWhoLeftAndBots() {
        StatsFixture org = workspace("T0LEFT");
        Actor gil = org.person("U0GIL", "Gil");
        Actor gone = org.person("U0GONE", "Gone");
        Actor ana = org.person("U0ANA", "Ana");
        Actor bot = org.person("U0BOT", "Deploy Bot");
        Instant march = Instant.parse("2025-03-06T09:00:00Z");
        org.kudosAt(march, gil, List.of(), gone);
        org.kudosAt(march, gil, List.of(), gone);
        org.kudosAt(march, gone, List.of(), ana);
        org.kudosAt(march, bot, List.of(), ana);
        org.kudosAt(march, bot, List.of(), ana);
        org.kudosAt(march, bot, List.of(), ana);
        org.deactivate(gone);
        org.makeBot(bot);

        List<String> lines = lines(org, gil, "leaderboard");

        assertThat(lines).contains("🥇  Ana — 4 kudos", "🥇  Gil — 2 kudos");
        assertThat(String.join("\n", lines)).doesNotContain("Gone", "Deploy Bot");
    }

    @Test
    void neverCountsAnotherOrganisationsKudos() {
        StatsFixture acme = workspace("T0ACME1");
        StatsFixture other = workspace("T0OTHER1");
        Instant march = Instant.parse("2025-03-07T09:00:00Z");
        Actor acmeGil = acme.person("U0GIL", "Gil");
        acme.kudosAt(march, acmeGil, List.of(), acme.person("U0ANA", "Ana"));
        // Same Slack user ids in another workspace: other people, other tallies.
        Actor otherGil = other.person("U0GIL", "Gil Elsewhere");
        for (int i = 0; i < 3; i++) {
            other.kudosAt(march, otherGil, List.of(), other.person("U0ANA", "Ana Elsewhere"));
        }

        List<String> lines = lines(acme, acmeGil, "leaderboard");

        assertThat(lines).contains("🥇  Ana — 1 kudos", "🥇  Gil — 1 kudos");
        assertThat(String.join("\n", lines)).doesNotContain("Elsewhere");
    }

    @Test
    void invitesTheFirstKudosWhenThePeriodIsEmpty() {
        StatsFixture org = workspace("T0EMPTY");
        Actor gil = org.person("U0GIL", "Gil");
        org.kudosAt(Instant.parse("2025-02-10T09:00:00Z"), gil, List.of(), org.person("U0ANA", "Ana"));

        assertThat(lines(org, gil, "leaderboard week"))
                .contains("No kudos this week yet. Be the first: /kudos @person what they did");
    }
}
