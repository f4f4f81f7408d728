package dev.candor.bot.kudos.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.kudos.KudosReactions;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.kudos.KudosTallyDao;
import dev.candor.storage.kudos.TallyPeriod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tallies always say what a direct count over the kudos says: after kudos given through the handlers, reaction
 * kudos, +1s, and reactions taken back (with the +1s that joined them).
 */
class KudosTalliesTest {
    private static final AtomicInteger workspaces = new AtomicInteger();

    private Database database;
    private StatsFixture org;
    private Actor gil;
    private Actor ana;
    private Actor li;
    private Actor bo;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        org = new StatsFixture(database, "T0TALLY" + workspaces.incrementAndGet(), Clock.systemUTC());
        org.orgTimezone("Europe/Berlin");
        org.generousAllowance();
        org.values("ownership", "craft", "care");
        gil = org.person("U0GIL", "Gil");
        ana = org.person("U0ANA", "Ana");
        li = org.person("U0LI", "Li");
        bo = org.person("U0BO", "Bo");
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void matchesADirectCountAfterKudosGivenThroughTheHandler() {
        org.give(gil, "thanks for the release demo #ownership #Craft", ana, li);
        org.give(ana, "great pairing session on the parser #care", gil);
        org.give(li, "the docs are wonderful, thank you", ana, gil, bo);
        org.give(bo, "thanks for covering my on-call shift #care #ownership", li);

        assertThat(tallies()).isNotEmpty().containsExactlyInAnyOrderElementsOf(directCount());
        assertThat(tallies()).contains(row(ana, TallyPeriod.ALL, "", 2, 1), row(gil, TallyPeriod.ALL, "", 2, 2));
    }

    @Test
    void takesBackAReactionAndThePlusOnesThatJoinedIt() {
        kudosChannel("C0KUDOS");
        KudosReactions reactions = new KudosReactions(database.jdbi(), org.service);
        org.give(gil, "thanks for the release demo #ownership", ana);
        // Gil claps on Ana's message: a reaction kudos, announced in the kudos channel.
        reactions.handle(reaction(gil, "1700000000.000100", "clap", true, ana.platformUserId()));
        long reactionKudos = latestKudosId();
        posted(reactionKudos, "1700000001.000200");
        // Li claps on that announcement: a +1 for Ana that joins Gil's reaction kudos.
        reactions.handle(reaction(li, "1700000001.000200", "clap", true, null));
        assertThat(countKudos()).isEqualTo(3);
        assertThat(tallies()).containsExactlyInAnyOrderElementsOf(directCount());

        // Gil takes his clap back: his reaction kudos goes, and Li's +1 with it.
        reactions.handle(reaction(gil, "1700000000.000100", "clap", false, ana.platformUserId()));

        assertThat(countKudos()).isEqualTo(1);
        assertThat(tallies()).containsExactlyInAnyOrderElementsOf(directCount());
        assertThat(tallies()).contains(row(ana, TallyPeriod.ALL, "", 1, 0));
        assertThat(tallies()).noneMatch(row -> row.startsWith(li.personId() + " "));
    }

    @Test
    void uncountsAKudosTakenBackTwiceAtOnceOnlyOnce() throws Exception {
        org.give(gil, "thanks for the release demo #ownership", ana, li);
        long kudosId = latestKudosId();
        try (Handle first = database.jdbi().open()) {
            first.begin();
            takeBack(first, kudosId);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> database.jdbi().inTransaction(handle -> takeBack(handle, kudosId)));
            awaitSomeoneWaitingForALock();
            first.commit();

            assertThat(second.get(10, TimeUnit.SECONDS))
                    .as("deleted by the second")
                    .isZero();
        }
        assertThat(tallies()).containsExactlyInAnyOrderElementsOf(directCount());
        assertThat(tallies()).noneMatch(row -> row.startsWith(ana.personId() + " "));
    }

    /** What KudosService.takeBack does in its transaction: uncount, then delete. */
    private int takeBack(Handle handle, long kudosId) {
        handle.attach(KudosTallyDao.class).uncount(org.orgId(), kudosId);
        return handle.attach(KudosDao.class).delete(org.orgId(), kudosId);
    }

    private void awaitSomeoneWaitingForALock() {
        await("the second take-back waits for the first one's lock")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> database.jdbi().withHandle(handle -> handle.select(
                                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                                .mapTo(Long.class)
                                .one())
                        > 0);
    }

    @Test
    void rebuildingGivesWhatWasCountedAlongTheWay() {
        org.give(gil, "thanks for the release demo #ownership #craft", ana, li);
        org.give(ana, "great pairing session on the parser #care", gil);
        org.kudosAt(Instant.parse("2024-12-31T23:30:00Z"), li, List.of("craft"), bo, gil);
        List<String> counted = tallies();

        database.jdbi().useTransaction(handle -> handle.attach(KudosTallyDao.class)
                .rebuild(org.orgId(), ZoneId.of("Europe/Berlin")));

        assertThat(tallies()).containsExactlyInAnyOrderElementsOf(counted);
        assertThat(counted).contains(row(bo, TallyPeriod.YEAR, "2025-01-01", "craft", 1, 0));
    }

    private void kudosChannel(String channel) {
        KudosSettingsDao settings = database.jdbi().onDemand(KudosSettingsDao.class);
        KudosSettings s = settings.get(org.orgId());
        settings.save(s.withKudosChannels(channel, s.teamsKudosChannel()));
    }

    private static Reaction reaction(Actor actor, String messageId, String emoji, boolean added, String author) {
        return new Reaction(
                actor,
                StatsFixture.GENERAL,
                messageId,
                emoji,
                added,
                author,
                "https://acme.slack.com/archives/C0GENERAL/p" + messageId.replace(".", ""),
                "test:reaction:" + actor.platformUserId() + ":" + messageId + ":" + added);
    }

    /** The kudos channel post of a kudos was delivered as this Slack message. */
    private void posted(long kudosId, String ts) {
        int updated = database.jdbi()
                .withHandle(handle -> handle.execute(
                        "UPDATE outbox SET platform_message_id = ? WHERE idempotency_key = ?",
                        ts,
                        "kudos:" + kudosId + ":post"));
        assertThat(updated).as("the reaction kudos was announced").isEqualTo(1);
    }

    private long latestKudosId() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT max(id) FROM kudos")
                .mapTo(Long.class)
                .one());
    }

    private long countKudos() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM kudos")
                .mapTo(Long.class)
                .one());
    }

    private List<String> tallies() {
        return database.jdbi().withHandle(handle -> handle.select(
                        """
                                SELECT concat_ws(' ', person_id, period_kind, period_start, tag, received, given)
                                FROM kudos_tallies WHERE org_id = ? AND (received <> 0 OR given <> 0)""",
                        org.orgId())
                .mapTo(String.class)
                .list());
    }

    /** Every period of every kudos counted from the kudos themselves, in the organisation's time zone. */
    private List<String> directCount() {
        return database.jdbi().withHandle(handle -> handle.select(
                        """
                                WITH kinds (kind) AS (VALUES ('week'), ('month'), ('quarter'), ('year'), ('all')),
                                people AS (
                                    SELECT k.id, k.created_at, r.person_id, 1 AS received, 0 AS given
                                    FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id WHERE k.org_id = :org
                                    UNION ALL
                                    SELECT k.id, k.created_at, k.giver_id, 0,
                                           (SELECT count(*) FROM kudos_recipients r WHERE r.kudos_id = k.id)
                                    FROM kudos k WHERE k.org_id = :org),
                                tagged AS (
                                    SELECT p.*, '' AS tag FROM people p
                                    UNION ALL
                                    SELECT p.*, v.tag FROM people p JOIN kudos_values v ON v.kudos_id = p.id)
                                SELECT concat_ws(' ', person_id, kind, start, tag, sum(received), sum(given))
                                FROM (SELECT person_id, kind, tag, received, given,
                                          CASE kind WHEN 'all' THEN DATE '1970-01-01'
                                              ELSE date_trunc(kind, created_at AT TIME ZONE 'Europe/Berlin')::date
                                          END AS start
                                      FROM tagged CROSS JOIN kinds) periods
                                GROUP BY person_id, kind, start, tag
                                HAVING sum(received) <> 0 OR sum(given) <> 0""")
                .bind("org", org.orgId())
                .mapTo(String.class)
                .list());
    }

    private static String row(Actor person, TallyPeriod period, String tag, int received, int given) {
        return row(person, period, TallyPeriod.ALL_TIME.toString(), tag, received, given);
    }

    private static String row(Actor person, TallyPeriod period, String start, String tag, int received, int given) {
        return String.join(
                " ",
                String.valueOf(person.personId()),
                period.dbValue(),
                start,
                tag,
                String.valueOf(received),
                String.valueOf(given));
    }
}
