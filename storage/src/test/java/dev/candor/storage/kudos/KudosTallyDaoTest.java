package dev.candor.storage.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.PersonDao;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KudosTallyDaoTest {
    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** Rebuilding counts in PostgreSQL what the service counts in Java: both must read a zone the same way. */
    @Test
    void givesPostgresZonesThatReadLikeJavas() {
        Instant instant = Instant.parse("2025-03-31T22:30:00Z");
        for (ZoneId zone : List.of(
                ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/St_Johns"),
                ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHours(-3),
                ZoneId.of("UTC+01:00"),
                ZoneId.of("GMT-04:00"),
                ZoneId.of("Etc/GMT+1"),
                ZoneId.of("Z"),
                ZoneId.of("UTC"))) {
            LocalDateTime inPostgres = database.jdbi().withHandle(handle -> handle.select(
                            "SELECT CAST(? AS timestamptz) AT TIME ZONE ?",
                            instant.toString(),
                            KudosTallyDao.postgresZone(zone))
                    .mapTo(LocalDateTime.class)
                    .one());

            assertThat(inPostgres).as(zone.getId()).isEqualTo(LocalDateTime.ofInstant(instant, zone));
        }
    }

    @Test
    void startsPeriodsOnMondaysFirstsOfQuartersAndNewYear() {
        LocalDate sunday = LocalDate.of(2025, 3, 9);

        assertThat(TallyPeriod.WEEK.start(sunday)).isEqualTo("2025-03-03");
        assertThat(TallyPeriod.MONTH.start(sunday)).isEqualTo("2025-03-01");
        assertThat(TallyPeriod.QUARTER.start(LocalDate.of(2025, 12, 31))).isEqualTo("2025-10-01");
        assertThat(TallyPeriod.YEAR.start(sunday)).isEqualTo("2025-01-01");
        assertThat(TallyPeriod.ALL.start(sunday)).isEqualTo(TallyPeriod.ALL_TIME);
        assertThat(TallyPeriod.zone("Not/AZone")).isEqualTo(ZoneId.of("UTC"));
    }

    /** Giving counts a kudos in the same statement that stores its recipients and values: as a rebuild would. */
    @Test
    void countsAKudosAsItIsStoredTheWayARebuildCountsIt() {
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0TALLY", "Tally")
                .id();
        PersonDao people = database.jdbi().onDemand(PersonDao.class);
        long gil = people.insert(orgId, "Gil", null, "UTC", "en", false).id();
        long ana = people.insert(orgId, "Ana", null, "UTC", "en", false).id();
        long li = people.insert(orgId, "Li", null, "UTC", "en", false).id();
        KudosGivingDao giving = database.jdbi().onDemand(KudosGivingDao.class);
        String zone = "America/St_Johns";
        record Given(List<Long> to, List<String> tags) {}
        List<Given> gives = List.of(
                new Given(List.of(ana, li), List.of("ownership", "craft")),
                new Given(List.of(ana), List.of()),
                new Given(List.of(li, gil), List.of("craft")));
        for (int i = 0; i < gives.size(); i++) {
            Kudos stored = giving.insert(NewKudos.command(orgId, gil, "thanks", Platform.SLACK, "C1", "tally-" + i))
                    .orElseThrow();
            giving.insertRecipientsAndValuesCounted(
                    orgId, stored.id(), gil, gives.get(i).to(), gives.get(i).tags(), stored.createdAt(), zone);
        }
        List<String> counted = tallies(orgId);

        database.jdbi()
                .useTransaction(handle -> handle.attach(KudosTallyDao.class).rebuild(orgId, ZoneId.of(zone)));

        assertThat(counted).hasSize(5 * 3 * 3).isEqualTo(tallies(orgId));
        assertThat(counted).contains("" + ana + " all  2 0", "" + gil + " all  1 5", "" + li + " week craft 2 0");
    }

    private static List<String> tallies(long orgId) {
        return database.jdbi().withHandle(handle -> handle.select(
                        "SELECT person_id || ' ' || period_kind || ' ' || tag || ' ' || received || ' ' || given"
                                + " FROM kudos_tallies WHERE org_id = ? ORDER BY 1",
                        orgId)
                .mapTo(String.class)
                .list());
    }
}
