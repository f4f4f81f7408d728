package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.SkipReason;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.org.WorkingTimeSettings;
import dev.candor.storage.org.WorkingTimeSettingsDao;
import dev.candor.storage.people.AwayDao;
import dev.candor.storage.people.PersonDao;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People's working time read from a real database: zones by source, the organisation's settings, away dates. */
class WorkingTimeLoaderTest {
    /** Wednesday 2 December 2026, 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Database database;
    private static WorkingTimeLoader loader;
    private static final AtomicInteger statements = new AtomicInteger();
    private static long acme;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        loader = new WorkingTimeLoader(database.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
        acme = organisation("T0ACME", "Europe/Lisbon");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void takesThePlatformsZoneThenTheDirectorysThenTheOrganisations() {
        long both = person(acme, "Asia/Shanghai", "America/New_York");
        long directoryOnly = person(acme, null, "America/New_York");
        long neither = person(acme, null, null);
        long unknownZone = person(acme, "Mars/Olympus", "America/New_York");

        Map<Long, WorkingTime> times = loader.of(acme, List.of(both, directoryOnly, neither, unknownZone));

        assertThat(times.get(both).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(times.get(directoryOnly).zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(times.get(neither).zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(times.get(unknownZone).zone())
                .as("a stored zone Java doesn't know falls back to the organisation's")
                .isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void carriesTheOrganisationsQuietHoursAndWorkingDays() {
        long org = organisation("T0SHIFTS", "Asia/Tokyo");
        EnumSet<DayOfWeek> sundayToThursday = EnumSet.of(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        database.jdbi()
                .onDemand(WorkingTimeSettingsDao.class)
                .save(org, new WorkingTimeSettings(LocalTime.of(22, 30), LocalTime.of(7, 0), sundayToThursday));
        long ana = person(org, null, null);
        long defaults = person(acme, null, null);

        WorkingTime time = loader.of(org, List.of(ana)).get(ana);

        assertThat(time.quietFrom()).isEqualTo(LocalTime.of(22, 30));
        assertThat(time.quietUntil()).isEqualTo(LocalTime.of(7, 0));
        assertThat(time.workingDays()).isEqualTo(sundayToThursday);
        assertThat(loader.of(acme, List.of(defaults)).get(defaults))
                .isEqualTo(WorkingTime.defaults(ZoneId.of("Europe/Lisbon")));
    }

    @Test
    void leavesOutPeopleOfOtherOrganisationsAndIdsOfNobody() {
        long other = organisation("T0OTHER", "UTC");
        long theirs = person(other, null, null);
        long ours = person(acme, null, null);

        assertThat(loader.of(acme, List.of(ours, theirs, 987_654_321L))).containsOnlyKeys(ours);
        assertThat(loader.of(acme, List.of())).isEmpty();
    }

    @Test
    void saysTheLastDayAwayTheyGaveAndForgetsPastOnes() {
        long away = person(acme, "Europe/Berlin", null);
        long back = person(acme, "Europe/Berlin", null);
        long today = person(acme, "Europe/Berlin", null);
        AwayDao dao = database.jdbi().onDemand(AwayDao.class);
        dao.setUntil(acme, away, LocalDate.parse("2026-12-24"));
        dao.setUntil(acme, back, LocalDate.parse("2026-12-01"));
        dao.setUntil(acme, today, LocalDate.parse("2026-12-02"));

        Map<Long, WorkingTime> times = loader.of(acme, List.of(away, back, today));

        assertThat(times.get(away).awayUntil()).contains(LocalDate.parse("2026-12-24"));
        assertThat(times.get(away).isAway(Instant.parse("2026-12-24T20:00:00Z")))
                .isTrue();
        assertThat(times.get(away).isAway(Instant.parse("2026-12-25T08:00:00Z")))
                .isFalse();
        assertThat(times.get(back).awayUntil()).isEmpty();
        assertThat(times.get(today).isAway(NOW)).isTrue();
    }

    @Test
    void countsAnAwayStatusUntilItExpiresInThePersonsZone() {
        long expiring = person(acme, "America/New_York", null);
        long openEnded = person(acme, "Asia/Tokyo", null);
        long expired = person(acme, "Europe/Berlin", null);
        AwayDao dao = database.jdbi().onDemand(AwayDao.class);
        // Slack's "until tomorrow": the status ends at midnight New York time, so tomorrow is the last day away.
        dao.setStatus(acme, expiring, true, Instant.parse("2026-12-04T05:00:00Z"));
        dao.setStatus(acme, openEnded, true, null);
        dao.setStatus(acme, expired, true, Instant.parse("2026-12-02T09:00:00Z"));

        Map<Long, WorkingTime> times = loader.of(acme, List.of(expiring, openEnded, expired));

        assertThat(times.get(expiring).awayUntil()).contains(LocalDate.parse("2026-12-03"));
        assertThat(times.get(openEnded).awayUntil())
                .as("away until the status changes")
                .contains(LocalDate.parse("2026-12-02").plusDays(WorkingTimeLoader.OPEN_ENDED_AWAY_DAYS));
        assertThat(times.get(openEnded).isAway(NOW.plusSeconds(30 * 86_400))).isTrue();
        assertThat(times.get(expired).awayUntil()).isEmpty();
    }

    @Test
    void takesTheLaterOfTheDateGivenAndTheStatus() {
        long statusLonger = person(acme, "Europe/Lisbon", null);
        long dateLonger = person(acme, "Europe/Lisbon", null);
        AwayDao dao = database.jdbi().onDemand(AwayDao.class);
        dao.setUntil(acme, statusLonger, LocalDate.parse("2026-12-03"));
        dao.setStatus(acme, statusLonger, true, Instant.parse("2026-12-10T00:00:00Z"));
        dao.setUntil(acme, dateLonger, LocalDate.parse("2026-12-31"));
        dao.setStatus(acme, dateLonger, true, Instant.parse("2026-12-10T00:00:00Z"));

        Map<Long, WorkingTime> times = loader.of(acme, List.of(statusLonger, dateLonger));

        assertThat(times.get(statusLonger).awayUntil()).contains(LocalDate.parse("2026-12-09"));
        assertThat(times.get(dateLonger).awayUntil()).contains(LocalDate.parse("2026-12-31"));
    }

    @Test
    void readsTenThousandPeopleInOneStatement() {
        long org = organisation("T0BIG", "Europe/Lisbon");
        List<String> zones = List.of("Asia/Kolkata", "America/Chicago", "Australia/Sydney");
        List<Long> ids = new ArrayList<>();
        database.jdbi()
                .useHandle(handle -> ids.addAll(handle.createQuery(
                                """
                        INSERT INTO people (org_id, name, profile_timezone, directory_timezone)
                        SELECT :org, 'person ' || n, CASE WHEN n % 3 = 0 THEN (:zones)[1 + n % 2] END,
                               CASE WHEN n % 5 = 0 THEN (:zones)[3] END
                        FROM generate_series(1, 10000) n RETURNING id
                        """)
                        .bind("org", org)
                        .bind("zones", zones.toArray(new String[0]))
                        .mapTo(Long.class)
                        .list()));
        int before = statements.get();

        Map<Long, WorkingTime> times = loader.of(org, ids);

        assertThat(statements.get() - before).isOne();
        assertThat(times).hasSize(10_000);
        assertThat(times.values().stream().map(WorkingTime::zone).distinct())
                .containsExactlyInAnyOrder(
                        ZoneId.of("Asia/Kolkata"),
                        ZoneId.of("America/Chicago"),
                        ZoneId.of("Australia/Sydney"),
                        ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void feedsTheEnginesPlannerThroughItsPort() {
        long org = organisation("T0PLAN", "Europe/Lisbon");
        EnumSet<DayOfWeek> sundayToThursday = EnumSet.of(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        database.jdbi()
                .onDemand(WorkingTimeSettingsDao.class)
                .save(org, new WorkingTimeSettings(LocalTime.of(18, 0), LocalTime.of(9, 0), sundayToThursday));
        long dubai = person(org, "Asia/Dubai", "Europe/Lisbon");
        long onHoliday = person(org, null, null);
        long outOfOffice = person(org, "Asia/Dubai", null);
        AwayDao away = database.jdbi().onDemand(AwayDao.class);
        away.setUntil(org, onHoliday, LocalDate.parse("2026-12-24"));
        away.setStatus(org, outOfOffice, true, Instant.parse("2026-12-08T00:00:00Z"));
        WorkingTimes port = loader;
        // Friday 4 December 14:00 local, due two working days after each person's opening.
        RoundTiming weekly = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-12-04T14:00")), Deadline.workingDays(2), ReminderPlan.none());

        Map<Long, NewAsk> asks = new RoundPlanner()
                .plan(weekly, port.of(org, List.of(dubai, onHoliday, outOfOffice)), NOW).stream()
                        .collect(Collectors.toMap(NewAsk::personId, ask -> ask));

        assertThat(asks.get(dubai).state()).isEqualTo(AskState.PENDING);
        assertThat(asks.get(dubai).opensAt())
                .as("Friday is not a working day: Sunday at the end of quiet hours, Dubai time")
                .isEqualTo(ZonedDateTime.parse("2026-12-06T09:00+04:00[Asia/Dubai]")
                        .toInstant());
        assertThat(asks.get(onHoliday).skipReason()).isEqualTo(SkipReason.AWAY);
        assertThat(asks.get(outOfOffice).skipReason()).isEqualTo(SkipReason.AWAY);
    }

    private static long organisation(String teamId, String zone) {
        OrganisationDao orgs = database.jdbi().onDemand(OrganisationDao.class);
        long id = orgs.upsertSlack(teamId, teamId).id();
        orgs.replaceTimezone(id, zone);
        return id;
    }

    /** A person with the zone their platform profile gives and the one the directory gives (either may be null). */
    private static long person(long orgId, String profileZone, String directoryZone) {
        return database.jdbi()
                .onDemand(PersonDao.class)
                .insertWithZones(
                        orgId,
                        "someone",
                        null,
                        Optional.ofNullable(profileZone).orElse("UTC"),
                        profileZone,
                        directoryZone,
                        "en",
                        false)
                .id();
    }
}
