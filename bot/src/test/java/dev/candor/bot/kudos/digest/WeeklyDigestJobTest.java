package dev.candor.bot.kudos.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Message;
import dev.candor.scheduler.recognition.DigestPlanner;
import dev.candor.scheduler.recognition.WeeklyDigestJob;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.TargetKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly digest job against the real schema: what it counts, what it quotes, when and how often it posts. */
class WeeklyDigestJobTest {
    private static final int FRIDAY = 5;
    /** Friday 13 June 2025, 16:00 in Berlin is 14:00Z; the sweep runs an hour late, within the grace. */
    private static final String SLOT = "2025-06-13T14:00:00Z";

    private static Database database;
    private RecognitionFixture fixture;
    private long acme;
    private long globex;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void seed() {
        RecognitionFixture.clear(database.jdbi());
        fixture = new RecognitionFixture(database.jdbi());
        acme = fixture.org("Acme", "Europe/Berlin");
        fixture.digestSettings(acme, FRIDAY, "16:00", "C0KUDOS", "19:kudos@thread.tacv2");
        globex = fixture.org("Globex", "Europe/Berlin");
        fixture.digestSettings(globex, FRIDAY, "16:00", "C0GLOBEX", null);
    }

    @Test
    void countsTheWeekAndQuotesOnlyPublicKudos() {
        seedAcmeWeek();

        assertThat(sweepAt("2025-06-13T15:00:00Z")).isEqualTo(3);

        OutboxMessage slack = only("digest:" + acme + ":slack:2025-W24");
        assertThat(slack.targetKind()).isEqualTo(TargetKind.CONVERSATION);
        assertThat(slack.target()).isEqualTo("C0KUDOS");
        Message digest = RecognitionFixture.message(slack);
        assertThat(MessageText.fields(digest))
                .containsExactly(
                        Map.entry("Kudos", "7"),
                        Map.entry("People recognised", "4"),
                        Map.entry("Top values", "🚀 Ownership (2), #craft (1)"));
        assertThat(MessageText.quotes(digest))
                .as("most +1'd first, then the most recent; private ones never")
                .containsExactly("pairing on the flaky test", "thanks for the calm release", "thanks for the docs");
        assertThat(MessageText.all(digest))
                .contains("Ana → Li  ·  +2", "Gil → Ana and Li", "Cy → Ana")
                .doesNotContain("private thanks", "said in the private channel", "last week", "after the slot")
                .doesNotContain("Globex", "only at globex");
        Message teams = RecognitionFixture.message(only("digest:" + acme + ":teams:2025-W24"));
        assertThat(MessageText.fields(teams)).isEqualTo(MessageText.fields(digest));
    }

    @Test
    void keepsEachOrganisationsKudosToItself() {
        seedAcmeWeek();

        sweepAt("2025-06-13T15:00:00Z");

        Message globexDigest = RecognitionFixture.message(only("digest:" + globex + ":slack:2025-W24"));
        assertThat(MessageText.fields(globexDigest))
                .containsEntry("Kudos", "1")
                .containsEntry("People recognised", "1");
        assertThat(MessageText.quotes(globexDigest)).containsExactly("only at globex");
        assertThat(fixture.outbox("digest:" + globex + ":teams"))
                .as("Globex has no Teams channel")
                .isEmpty();
    }

    @Test
    void postsOnceHoweverOftenItRuns() {
        seedAcmeWeek();

        assertThat(sweepAt("2025-06-13T14:00:00Z")).isEqualTo(3);
        assertThat(sweepAt("2025-06-13T14:05:00Z")).isZero();
        assertThat(sweepAt("2025-06-13T16:55:00Z")).isZero();

        assertThat(fixture.outbox("digest:")).hasSize(3);
    }

    @Test
    void postsNothingBeforeItsTimeOrWhenTooLate() {
        assertThat(sweepAt("2025-06-13T13:59:00Z")).isZero();
        assertThat(sweepAt("2025-06-13T17:00:01Z")).isZero();

        assertThat(fixture.outbox("digest:")).isEmpty();
    }

    @Test
    void postsNothingWithoutAKudosChannel() {
        long initech = fixture.org("Initech", "Europe/Berlin");
        fixture.digestSettings(initech, FRIDAY, "16:00", null, null);

        sweepAt(SLOT);

        assertThat(fixture.outbox("digest:" + initech)).isEmpty();
    }

    @Test
    void nudgesKindlyWhenNobodyWasRecognised() {
        sweepAt(SLOT);

        Message quiet = RecognitionFixture.message(only("digest:" + acme + ":slack:2025-W24"));
        assertThat(MessageText.fields(quiet)).isEmpty();
        assertThat(MessageText.all(quiet)).contains("Nobody received kudos this week", "/kudos @person");
        Message teams = RecognitionFixture.message(only("digest:" + acme + ":teams:2025-W24"));
        assertThat(MessageText.all(teams)).contains("@Candor kudos @person");
    }

    /**
     * Acme's week from Friday 6 June 16:00 to Friday 13 June 16:00 Berlin time: seven kudos (two of them +1s) for
     * Ana, Li, Gil and Bo. Three were posted publicly; one went to a DM and one to a private channel.
     */
    private void seedAcmeWeek() {
        long gil = fixture.person(acme, "Gil", "Europe/Berlin", null);
        long ana = fixture.person(acme, "Ana", "Europe/Berlin", null);
        long li = fixture.person(acme, "Li", "Europe/Berlin", null);
        long bo = fixture.person(acme, "Bo", "Europe/Berlin", null);
        long cy = fixture.person(acme, "Cy", "Europe/Berlin", null);
        fixture.companyValue(acme, "ownership", "Ownership", "🚀");
        fixture.conversation(acme, Platform.SLACK, "G0PRIVATE", ConversationKind.PRIVATE_CHANNEL);
        fixture.kudos(
                acme, gil, List.of(cy), "last week", "2025-06-06T13:59:59Z", Platform.SLACK, "C0KUDOS", List.of());
        fixture.kudos(
                acme,
                cy,
                List.of(ana),
                "thanks for the docs",
                "2025-06-09T09:00:00Z",
                Platform.TEAMS,
                "19:kudos@thread.tacv2",
                List.of());
        fixture.kudos(
                acme,
                gil,
                List.of(ana, li),
                "thanks for the calm release",
                "2025-06-10T09:00:00Z",
                Platform.SLACK,
                "C0KUDOS",
                List.of("ownership"));
        long pairing = fixture.kudos(
                acme,
                ana,
                List.of(li),
                "pairing on the flaky test",
                "2025-06-11T09:00:00Z",
                Platform.SLACK,
                "C0KUDOS",
                List.of("craft", "ownership"));
        fixture.plusOne(acme, bo, pairing, List.of(li), "2025-06-11T10:00:00Z");
        fixture.plusOne(acme, gil, pairing, List.of(li), "2025-06-12T10:00:00Z");
        fixture.kudos(
                acme, bo, List.of(gil), "private thanks", "2025-06-12T09:00:00Z", Platform.SLACK, "D0BO", List.of());
        fixture.kudos(
                acme,
                li,
                List.of(bo),
                "said in the private channel",
                "2025-06-12T11:00:00Z",
                Platform.SLACK,
                "G0PRIVATE",
                List.of());
        fixture.kudos(
                acme, gil, List.of(bo), "after the slot", "2025-06-13T14:30:00Z", Platform.SLACK, "C0KUDOS", List.of());
        long hana = fixture.person(globex, "Hana", "Europe/Berlin", null);
        long ivo = fixture.person(globex, "Ivo", "Europe/Berlin", null);
        fixture.kudos(
                globex,
                hana,
                List.of(ivo),
                "only at globex",
                "2025-06-12T09:00:00Z",
                Platform.SLACK,
                "C0GLOBEX",
                List.of());
    }

    private int sweepAt(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new WeeklyDigestJob(database.jdbi(), clock, new DigestPlanner(), new DigestOutbox()).sweep();
    }

    private OutboxMessage only(String key) {
        List<OutboxMessage> queued = fixture.outbox(key);
        assertThat(queued).as(key).hasSize(1);
        return queued.get(0);
    }
}
