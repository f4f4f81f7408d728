package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.KudosTallyDao;
import dev.candor.storage.people.Role;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An organisation's time zone change recounts its leaderboard tallies in the new zone. The recount is held open
 * here (a test transaction keeps the organisation's tallies row-locked, so the recount waits as a slow one would):
 * other organisations give meanwhile, and that organisation's own gives and take-backs wait and count in the new
 * zone.
 */
class TimezoneChangeTest {
    private static final Mention ANA = new Mention("U0ANA", "Ana");
    private static final String BERLIN = "Europe/Berlin";
    private static final long PATIENCE_SECONDS = 20;

    private static AdminFixture fixture;
    private static ExecutorService threads;
    private Actor hr;
    private Actor gil;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
        // The database stamps each kudos: at 23:30 UTC on New Year's Eve it is already 2025 in Berlin, so a kudos
        // counted in UTC and one counted in Berlin time land in different months, quarters and years.
        fixture.jdbi()
                .useHandle(handle -> handle.execute(
                        "ALTER TABLE kudos ALTER COLUMN created_at SET DEFAULT TIMESTAMPTZ '2024-12-31 23:30:00Z'"));
        threads = Executors.newCachedThreadPool();
    }

    @BeforeEach
    void organisation() {
        fixture.nextOrganisations();
        hr = person("U0HR", "Hana", Role.HR_ADMIN);
        gil = person("U0GIL", "Gil", Role.EMPLOYEE);
        person("U0ANA", "Ana", Role.EMPLOYEE);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        fixture.close();
    }

    @Test
    void otherOrganisationsKeepGivingWhileOneRecountsItsTallies() throws Exception {
        fixture.kudos(gil, ANA, "thanks for the release notes");
        fixture.nextOrganisations();
        List<Actor> others = List.of(
                person("U0LI", "Li", Role.EMPLOYEE),
                person("U0BO", "Bo", Role.EMPLOYEE),
                person("U0MO", "Mo", Role.EMPLOYEE));
        Actor otherAna = person("U0ANA", "Ana", Role.EMPLOYEE);

        Future<Message> change;
        try (HeldTallies held = HeldTallies.of(hr.orgId())) {
            change = inThread(() -> fixture.candor(hr, "admin timezone " + BERLIN));
            awaitRecountWaiting();

            for (Actor giver : others) {
                Future<Message> given = inThread(() -> fixture.kudos(giver, ANA, "thanks for the careful review"));
                assertThat(given.get(PATIENCE_SECONDS, TimeUnit.SECONDS).fallbackText())
                        .as("a kudos in another organisation, given during the recount")
                        .contains("Kudos to");
            }
            assertThat(change).as("the recount is still held").isNotDone();
        }
        assertThat(change.get(PATIENCE_SECONDS, TimeUnit.SECONDS).fallbackText())
                .contains(BERLIN);

        assertThat(tallies(otherAna.orgId())).isEqualTo(freshRebuild(otherAna.orgId(), "UTC"));
        assertThat(tallies(otherAna.orgId())).contains(row(otherAna, "year", "2024-01-01", 3, 0));
        assertThat(tallies(hr.orgId())).isEqualTo(freshRebuild(hr.orgId(), BERLIN));
    }

    @Test
    void givesDuringAZoneChangeCountOnceInTheNewZone() throws Exception {
        fixture.kudos(gil, ANA, "thanks for the release notes");
        List<Actor> givers = List.of(
                person("U0LI", "Li", Role.EMPLOYEE),
                person("U0BO", "Bo", Role.EMPLOYEE),
                person("U0MO", "Mo", Role.EMPLOYEE));
        Actor ana = person("U0ANA", "Ana", Role.EMPLOYEE);

        Future<Message> change;
        List<Future<Message>> gives;
        try (HeldTallies held = HeldTallies.of(hr.orgId())) {
            change = inThread(() -> fixture.candor(hr, "admin timezone " + BERLIN));
            awaitRecountWaiting();
            // Each of these reads the organisation's settings, old zone included, before it waits.
            gives = givers.stream()
                    .map(giver -> inThread(() -> fixture.kudos(giver, ANA, "thanks for the careful review")))
                    .toList();
            awaitWaiting("every give waits for the recount", 1 + givers.size());
        }
        assertThat(change.get(PATIENCE_SECONDS, TimeUnit.SECONDS).fallbackText())
                .contains(BERLIN);
        for (Future<Message> given : gives) {
            assertThat(given.get(PATIENCE_SECONDS, TimeUnit.SECONDS).fallbackText())
                    .contains("Kudos to");
        }

        assertThat(tallies(hr.orgId())).isEqualTo(freshRebuild(hr.orgId(), BERLIN));
        assertThat(tallies(hr.orgId()))
                .contains(row(ana, "year", "2025-01-01", 4, 0))
                .noneMatch(row -> row.matches("\\d+ (month|quarter|year) 2024-.*"));
    }

    @Test
    void aKudosTakenBackDuringAZoneChangeIsTakenOutOfTheNewZonesPeriods() throws Exception {
        fixture.kudos(gil, ANA, "thanks for the release notes");
        fixture.kudos(hr, ANA, "thanks for the onboarding guide");
        long taken = latestKudosId(hr.orgId());

        Future<Message> change;
        Future<Integer> takeBack;
        try (HeldTallies held = HeldTallies.of(hr.orgId())) {
            change = inThread(() -> fixture.candor(hr, "admin timezone " + BERLIN));
            awaitRecountWaiting();
            // What a take-back does in its transaction: uncount, then delete.
            takeBack = inThread(() -> fixture.jdbi().inTransaction(handle -> {
                handle.attach(KudosTallyDao.class).uncount(hr.orgId(), taken);
                return handle.attach(KudosDao.class).delete(hr.orgId(), taken);
            }));
            awaitWaiting("the take-back waits for the recount", 2);
        }
        change.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(takeBack.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isOne();

        assertThat(tallies(hr.orgId()))
                .isEqualTo(freshRebuild(hr.orgId(), BERLIN))
                .noneMatch(row -> row.startsWith(hr.personId() + " "));
    }

    /**
     * Keeps an organisation's tallies row-locked in an open transaction until closed (rolled back): a recount of
     * them waits for it, as if it took that long.
     */
    private record HeldTallies(Handle handle) implements AutoCloseable {
        static HeldTallies of(long orgId) {
            Handle handle = fixture.jdbi().open();
            handle.begin();
            List<Integer> rows = handle.createQuery("SELECT 1 FROM kudos_tallies WHERE org_id = :org FOR UPDATE")
                    .bind("org", orgId)
                    .mapTo(Integer.class)
                    .list();
            assertThat(rows).as("tallies to hold").isNotEmpty();
            return new HeldTallies(handle);
        }

        @Override
        public void close() {
            handle.rollback();
            handle.close();
        }
    }

    private static <T> Future<T> inThread(Callable<T> work) {
        return threads.submit(work);
    }

    private static void awaitRecountWaiting() {
        await("the recount waits for the held tallies")
                .atMost(Duration.ofSeconds(PATIENCE_SECONDS))
                .until(() -> waiting("DELETE FROM kudos_tallies%"), count -> count == 1);
    }

    private static void awaitWaiting(String what, long sessions) {
        await(what).atMost(Duration.ofSeconds(PATIENCE_SECONDS)).until(() -> waiting("%"), count -> count == sessions);
    }

    /** Sessions on the test database waiting for a lock, running a statement like {@code query}. */
    private static long waiting(String query) {
        return fixture.jdbi().withHandle(handle -> handle.createQuery(
                        """
                                SELECT count(*) FROM pg_stat_activity
                                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE :query
                                """)
                .bind("query", query)
                .mapTo(Long.class)
                .one());
    }

    private static List<String> tallies(long orgId) {
        return fixture.jdbi().withHandle(handle -> tallies(handle, orgId));
    }

    private static List<String> tallies(Handle handle, long orgId) {
        return handle.createQuery(
                        """
                        SELECT concat_ws(' ', person_id, period_kind, period_start, tag, received, given)
                        FROM kudos_tallies WHERE org_id = :org AND (received <> 0 OR given <> 0)
                        ORDER BY person_id, period_kind, period_start, tag
                        """)
                .bind("org", orgId)
                .mapTo(String.class)
                .list();
    }

    /** The tallies a recount from scratch gives now, in {@code zone}; the recount itself is rolled back. */
    private static List<String> freshRebuild(long orgId, String zone) {
        try (Handle handle = fixture.jdbi().open()) {
            handle.begin();
            handle.attach(KudosTallyDao.class).rebuild(orgId, ZoneId.of(zone));
            List<String> rebuilt = tallies(handle, orgId);
            handle.rollback();
            assertThat(rebuilt).as("kudos counted").isNotEmpty();
            return rebuilt;
        }
    }

    private static long latestKudosId(long orgId) {
        return fixture.jdbi().withHandle(handle -> handle.createQuery("SELECT max(id) FROM kudos WHERE org_id = :org")
                .bind("org", orgId)
                .mapTo(Long.class)
                .one());
    }

    private static String row(Actor person, String period, String start, int received, int given) {
        return String.join(" ", String.valueOf(person.personId()), period, start, "", "" + received, "" + given);
    }

    private static Actor person(String userId, String name, Role role) {
        return fixture.person(Platform.SLACK, userId, name, "UTC", role);
    }
}
