package dev.candor.bot.kudos.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Message;
import dev.candor.scheduler.recognition.GapNudgePlanner;
import dev.candor.scheduler.recognition.RecognitionGapJob;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.TargetKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recognition-gap nudge job against the real schema: who is listed, who hears about it, and when. */
class RecognitionGapJobTest {
    /** Monday 16 June 2025, 09:00 in Berlin; the six weeks before it start on Monday 5 May, 09:00. */
    private static final String MONDAY_NINE_BERLIN = "2025-06-16T07:00:00Z";

    private static Database database;
    private RecognitionFixture fixture;
    private long acme;
    private long maria;
    private long tom;

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
        long giver = fixture.person(acme, "Gil", "Europe/Berlin", null);
        maria = fixture.person(acme, "Maria Schmidt", "Europe/Berlin", null);
        fixture.identity(acme, maria, Platform.TEAMS, "29:maria");
        fixture.identity(acme, maria, Platform.SLACK, "U0MARIA");
        long ana = fixture.person(acme, "Ana", "Europe/Berlin", maria);
        long bo = fixture.person(acme, "Bo", "Europe/Berlin", maria);
        fixture.person(acme, "Cy", "Europe/Berlin", maria);
        long dee = fixture.person(acme, "Dee", "Europe/Berlin", maria);
        fixture.deactivate(dee);
        long build = fixture.person(acme, "Build Bot", "Europe/Berlin", maria);
        fixture.markBot(build);
        long eli = fixture.person(acme, "Eli", "Europe/Berlin", maria);
        fixture.kudos(
                acme, giver, List.of(ana), "two weeks ago", "2025-06-02T10:00:00Z", Platform.SLACK, null, List.of());
        fixture.kudos(
                acme, giver, List.of(bo), "eight weeks ago", "2025-04-21T10:00:00Z", Platform.SLACK, null, List.of());
        fixture.kudos(
                acme, giver, List.of(eli), "just inside", "2025-05-05T07:00:00Z", Platform.SLACK, null, List.of());
        tom = fixture.person(acme, "Tom", "America/Los_Angeles", null);
        fixture.identity(acme, tom, Platform.TEAMS, "29:tom");
        fixture.person(acme, "Uma", "America/Los_Angeles", tom);
    }

    @Test
    void listsExactlyTheActiveReportsWithoutKudosInTheLastSixWeeks() {
        assertThat(sweepAt(MONDAY_NINE_BERLIN)).isEqualTo(1);

        OutboxMessage nudge = only("gap-nudge:" + maria + ":2025-W25");
        assertThat(nudge.targetKind()).isEqualTo(TargetKind.USER);
        assertThat(nudge.platform()).as("Slack first when a manager has both").isEqualTo(Platform.SLACK);
        assertThat(nudge.target()).isEqualTo("U0MARIA");
        Message message = RecognitionFixture.message(nudge);
        assertThat(MessageText.all(message))
                .contains("Hi Maria, 2 people on your team received no kudos in the last 6 weeks", "• Bo\n• Cy")
                .contains("/kudos @Bo")
                .doesNotContain("Ana", "Dee", "Build Bot", "Eli", "Uma");
    }

    @Test
    void remindsEachManagerAtNineInTheirOwnZoneOnTheirOwnPlatform() {
        sweepAt(MONDAY_NINE_BERLIN);
        assertThat(fixture.outbox("gap-nudge:" + tom))
                .as("midnight in Los Angeles")
                .isEmpty();

        assertThat(sweepAt("2025-06-16T16:00:00Z")).isEqualTo(1);

        OutboxMessage nudge = only("gap-nudge:" + tom + ":2025-W25");
        assertThat(nudge.platform()).isEqualTo(Platform.TEAMS);
        assertThat(nudge.target()).isEqualTo("29:tom");
        assertThat(MessageText.all(RecognitionFixture.message(nudge)))
                .contains("1 person on your team", "• Uma", "@Candor kudos @Uma");
    }

    @Test
    void remindsOncePerWeek() {
        assertThat(sweepAt(MONDAY_NINE_BERLIN)).isEqualTo(1);
        assertThat(sweepAt("2025-06-16T07:05:00Z")).isZero();
        assertThat(sweepAt("2025-06-18T08:00:00Z")).as("Wednesday").isZero();

        assertThat(sweepAt("2025-06-23T07:00:00Z")).as("next Monday").isEqualTo(1);

        assertThat(fixture.outbox("gap-nudge:" + maria))
                .extracting(OutboxMessage::idempotencyKey)
                .containsExactly("gap-nudge:" + maria + ":2025-W25", "gap-nudge:" + maria + ":2025-W26");
    }

    @Test
    void neverRemindsAtTheWeekend() {
        assertThat(sweepAt("2025-06-21T08:00:00Z")).as("Saturday 10:00").isZero();
        assertThat(sweepAt("2025-06-22T08:00:00Z")).as("Sunday 10:00").isZero();

        assertThat(fixture.outbox("gap-nudge:")).isEmpty();
    }

    @Test
    void catchesUpLaterInTheWeekWhenMondayWasMissed() {
        assertThat(sweepAt("2025-06-18T08:00:00Z")).as("Wednesday 10:00").isEqualTo(1);

        assertThat(fixture.outbox("gap-nudge:" + maria))
                .extracting(OutboxMessage::idempotencyKey)
                .containsExactly("gap-nudge:" + maria + ":2025-W25");
    }

    @Test
    void remindsNobodyWhoseReportsWereAllRecognised() {
        long zed = fixture.person(acme, "Zed", "Europe/Berlin", null);
        fixture.identity(acme, zed, Platform.SLACK, "U0ZED");
        long yan = fixture.person(acme, "Yan", "Europe/Berlin", zed);
        fixture.kudos(acme, maria, List.of(yan), "last week", "2025-06-10T10:00:00Z", Platform.SLACK, null, List.of());
        long noAccount = fixture.person(acme, "Max", "Europe/Berlin", null);
        fixture.person(acme, "Xia", "Europe/Berlin", noAccount);

        sweepAt(MONDAY_NINE_BERLIN);

        assertThat(fixture.outbox("gap-nudge:" + zed)).isEmpty();
        assertThat(fixture.outbox("gap-nudge:" + noAccount))
                .as("no platform account to DM")
                .isEmpty();
    }

    @Test
    void usesTheOrganisationsGapWeeksAndKeepsOrganisationsApart() {
        fixture.gapWeeks(acme, 1);
        long globex = fixture.org("Globex", "UTC");
        long olga = fixture.person(globex, "Olga", "Europe/Berlin", null);
        fixture.identity(globex, olga, Platform.SLACK, "U0OLGA");
        fixture.person(globex, "Pia", "Europe/Berlin", olga);

        assertThat(sweepAt(MONDAY_NINE_BERLIN)).isEqualTo(2);

        assertThat(MessageText.all(RecognitionFixture.message(only("gap-nudge:" + maria + ":2025-W25"))))
                .contains("4 people", "in the last week:", "• Ana\n• Bo\n• Cy\n• Eli")
                .doesNotContain("Pia");
        assertThat(MessageText.all(RecognitionFixture.message(only("gap-nudge:" + olga + ":2025-W25"))))
                .contains("• Pia", "the last 6 weeks")
                .doesNotContain("Ana");
    }

    @Test
    void nudgesEveryDueManagerOfALargeDirectoryInOneSweep() {
        long initech = fixture.org("Initech", "UTC");
        seedDirectory(initech, 200, 9);

        int queued = sweepAt(MONDAY_NINE_BERLIN);

        // Maria, plus every Initech manager: the reports with an even number received kudos last week.
        assertThat(queued).isEqualTo(201);
        List<Integer> listed = database.jdbi().withHandle(handle -> handle.createQuery(
                        """
                        SELECT count(*)::int FROM outbox o, jsonb_path_query(o.payload, '$.blocks[1].text.spans[*]') s
                        WHERE o.org_id = :org AND o.idempotency_key LIKE 'gap-nudge:%' AND s->>'span' = 'strong'
                        GROUP BY o.id
                        """)
                .bind("org", initech)
                .mapTo(Integer.class)
                .list());
        assertThat(listed)
                .as("the five odd-numbered reports of each")
                .hasSize(200)
                .containsOnly(5);
        assertThat(sweepAt("2025-06-16T07:05:00Z")).isZero();
    }

    /** {@code managers} managers in Berlin, each with {@code reports} reports; even-numbered reports got kudos. */
    private void seedDirectory(long orgId, int managers, int reports) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        """
                        WITH m AS (
                            INSERT INTO people (org_id, name, timezone)
                            SELECT :org, 'Manager ' || g, 'Europe/Berlin' FROM generate_series(1, :managers) g
                            RETURNING id
                        ), ids AS (
                            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)
                            SELECT :org, id, 'slack', 'U' || id FROM m RETURNING person_id
                        )
                        INSERT INTO people (org_id, name, timezone, manager_id)
                        SELECT :org, 'Report ' || ids.person_id || '-' || r, 'UTC', ids.person_id
                        FROM ids, generate_series(1, :reports) r
                        """)
                .bind("org", orgId)
                .bind("managers", managers)
                .bind("reports", reports)
                .execute());
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        """
                        WITH giver AS (
                            INSERT INTO people (org_id, name) VALUES (:org, 'Giver') RETURNING id
                        ), recognised AS (
                            SELECT id AS person_id, row_number() OVER () AS n FROM people
                            WHERE org_id = :org AND manager_id IS NOT NULL AND split_part(name, '-', 2)::int % 2 = 0
                        ), given AS (
                            INSERT INTO kudos (org_id, giver_id, message, platform, created_at, source_key)
                            SELECT :org, giver.id, 'thanks', 'slack', TIMESTAMPTZ '2025-06-10 10:00Z', 'bulk-' || n
                            FROM recognised, giver
                            RETURNING id, source_key
                        )
                        INSERT INTO kudos_recipients (kudos_id, org_id, person_id)
                        SELECT given.id, :org, recognised.person_id
                        FROM given JOIN recognised ON given.source_key = 'bulk-' || recognised.n
                        """)
                .bind("org", orgId)
                .execute());
    }

    private int sweepAt(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new RecognitionGapJob(database.jdbi(), clock, new GapNudgePlanner(), new DigestOutbox()).sweep();
    }

    private OutboxMessage only(String key) {
        List<OutboxMessage> queued = fixture.outbox(key);
        assertThat(queued).as(key).hasSize(1);
        return queued.get(0);
    }
}
