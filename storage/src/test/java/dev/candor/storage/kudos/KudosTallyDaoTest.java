package dev.candor.storage.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
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
}
