package dev.candor.bot.kudos.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.HomeOpened;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.help.HelpHandler;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /kudos me} and the home view, on kudos given through the handlers. */
class PersonalStatsTest {
    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** A clock fixed at the test's start: kudos stored later in the test are still "since" its periods began. */
    private static StatsFixture workspace(String id) {
        StatsFixture org = new StatsFixture(database, id, Clock.fixed(Instant.now(), ZoneOffset.UTC));
        org.values("ownership", "craft");
        return org;
    }

    @Test
    void showsWhatTheyReceivedAndGaveWhatIsLeftTheirValuesAndTheLatestFive() {
        StatsFixture org = workspace("T0ME");
        Actor ana = org.person("U0ANA", "Ana", "America/New_York");
        Actor li = org.person("U0LI", "Li");
        Actor bo = org.person("U0BO", "Bo");
        String longMessage = "thanks for untangling the release pipeline " + "and so much more ".repeat(10) + "#craft";
        org.give(org.person("U0G1", "Giver One"), "thanks for the first review #ownership", ana);
        org.give(org.person("U0G2", "Giver Two"), "thanks for the second review #ownership", ana, li);
        org.give(org.person("U0G3", "Giver Three"), "thanks for the third review #Ownership", ana);
        org.give(org.person("U0G4", "Giver Four"), "thanks for the fourth review", ana);
        org.give(org.person("U0G5", "Giver Five"), "thanks for the fifth review", ana);
        org.give(org.person("U0G6", "Giver Six"), longMessage, ana);
        org.give(ana, "thanks for the demo yesterday", li, bo);
        org.give(ana, "thanks for the patient onboarding", bo);
        org.give(li, "a kudos Ana never sees in her view", bo);

        Reply reply = org.command(ana, "me");

        assertThat(reply).isInstanceOf(Reply.Private.class);
        List<String> lines = StatsText.lines(StatsFixture.message(reply));
        assertThat(lines)
                .containsSubsequence(
                        "Your kudos",
                        "Received today: 6",
                        "Given today: 3",
                        "Received this month: 6",
                        "Given this month: 3",
                        "Left to give today: 2 of 5",
                        "All time: 6 received · 3 given",
                        "Recognised for  #ownership ×3  ·  #craft ×1",
                        "Latest kudos you received");
        List<String> latest = lines.stream()
                .filter(line -> line.startsWith("Giver"))
                .map(line -> line.substring(0, line.indexOf(" · ")))
                .toList();
        assertThat(latest).containsExactly("Giver Six", "Giver Five", "Giver Four", "Giver Three", "Giver Two");
        assertThat(lines).contains("> thanks for the fourth review");
        String excerpt = lines.get(lines.indexOf("Latest kudos you received") + 2);
        assertThat(excerpt)
                .startsWith("> thanks for untangling the release pipeline")
                .endsWith("…");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(2 + PersonalMessages.EXCERPT);
        assertThat(String.join("\n", lines))
                .contains("Times and periods in your time zone, America/New_York.")
                .doesNotContain("never sees");
    }

    @Test
    void countsTodayAndThisMonthInTheViewersTimeZone() {
        // Noon on 12 March in Tokyo.
        StatsFixture org = new StatsFixture(
                database, "T0TOKYO", Clock.fixed(Instant.parse("2025-03-12T03:00:00Z"), ZoneOffset.UTC));
        Actor aiko = org.person("U0AIKO", "Aiko", "Asia/Tokyo");
        Actor gil = org.person("U0GIL", "Gil");
        org.kudosAt(Instant.parse("2025-02-28T14:00:00Z"), gil, List.of(), aiko); // 28 Feb, 23:00 in Tokyo
        org.kudosAt(Instant.parse("2025-02-28T16:00:00Z"), gil, List.of(), aiko); // 1 Mar, 01:00
        org.kudosAt(Instant.parse("2025-03-11T14:30:00Z"), gil, List.of(), aiko); // 11 Mar, 23:30
        org.kudosAt(Instant.parse("2025-03-11T15:30:00Z"), gil, List.of(), aiko); // 12 Mar, 00:30

        List<String> lines = StatsText.lines(StatsFixture.message(org.command(aiko, "me")));

        assertThat(lines)
                .contains("Received today: 1", "Received this month: 3", "All time: 4 received · 0 given")
                .contains("Gil · Wed 12 Mar, 00:30", "Gil · Tue 11 Mar, 23:30");
    }

    @Test
    void showsOnePeriodWhenTheAllowanceIsMonthlyAndNoLimitForExemptHrAdmins() {
        StatsFixture org = workspace("T0MONTHLY");
        KudosSettingsDao settings = database.jdbi().onDemand(KudosSettingsDao.class);
        KudosSettings defaults = settings.get(org.orgId());
        settings.save(defaults.withAllowance(20, AllowancePeriod.MONTH).withHrAdminsExempt(true));
        long ritaId = org.person("U0RITA", "Rita").personId();
        database.jdbi().useHandle(handle -> handle.execute("UPDATE people SET role = 'hr_admin' WHERE id = ?", ritaId));
        Actor rita = org.person("U0RITA", "Rita");
        org.give(rita, "thanks for running the offsite", org.person("U0ANA", "Ana"));

        List<String> lines = StatsText.lines(StatsFixture.message(org.command(rita, "me")));

        assertThat(lines)
                .contains(
                        "Received this month: 0", "Given this month: 1", "Left to give this month: No limit (HR admin)")
                .doesNotContain("Received today: 0");
        assertThat(lines.stream().filter(line -> line.contains("this month:"))).hasSize(3);
        assertThat(lines).contains("None yet — they'll show up here.");
    }

    @Test
    void homeShowsThePersonalViewAndHowToGiveKudos() {
        StatsFixture org = workspace("T0HOME");
        Actor ana = org.person("U0ANA", "Ana");
        org.give(org.person("U0GIL", "Gil"), "thanks for the quick fix #craft", ana);
        ConversationRef home = new ConversationRef(Platform.SLACK, "D0HOME", ConversationKind.DM, null);

        Reply reply = ConversationRouter.builder(new HelpHandler())
                .homeSection(org.handler(Clock.systemUTC()))
                .build()
                .route(new HomeOpened(ana, home));

        assertThat(reply).isInstanceOf(Reply.Home.class);
        List<String> lines = StatsText.lines(StatsFixture.message(reply));
        assertThat(lines)
                .containsSubsequence(
                        "Your recognition",
                        "Received today: 1",
                        "Recognised for  #craft ×1",
                        "> thanks for the quick fix #craft",
                        "Give kudos — type /kudos @person what they did #value. Name up to ten people; /kudos"
                                + " alone opens a form.");
        assertThat(lines.stream().filter(line -> line.startsWith("Gil · "))).hasSize(1);
    }
}
