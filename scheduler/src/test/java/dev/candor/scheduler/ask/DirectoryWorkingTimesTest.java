package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryWorkingTimesTest {
    private Database database;
    private long orgId;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        orgId = database.jdbi().withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Acme', 'T1', 'Europe/Lisbon')"
                                + " RETURNING id")
                .mapTo(Long.class)
                .one());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usesThePersonsZoneElseTheOrganisationsWithTheDefaultWorkingHours() {
        long ana = person(database.jdbi(), "Asia/Shanghai", true);
        long bo = person(database.jdbi(), "UTC", false);
        long cy = person(database.jdbi(), "UTC", true);
        long di = person(database.jdbi(), "Mars/Olympus", true);

        Map<Long, WorkingTime> times = new DirectoryWorkingTimes(database.jdbi()).of(orgId, List.of(ana, bo, cy, di));

        assertThat(times.get(ana)).isEqualTo(WorkingTime.defaults(ZoneId.of("Asia/Shanghai")));
        assertThat(times.get(bo).zone()).as("no profile yet").isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(times.get(cy).zone()).as("a profile that says UTC").isEqualTo(ZoneId.of("UTC"));
        assertThat(times.get(di).zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void leavesOutPeopleOfOtherOrganisations() {
        long ana = person(database.jdbi(), "Asia/Shanghai", true);

        assertThat(new DirectoryWorkingTimes(database.jdbi()).of(orgId + 1, List.of(ana)))
                .isEmpty();
    }

    private long person(Jdbi jdbi, String zone, boolean synced) {
        return jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, timezone, profile_synced) VALUES (?, 'P', ?, ?) RETURNING id",
                        orgId,
                        zone,
                        synced)
                .mapTo(Long.class)
                .one());
    }
}
