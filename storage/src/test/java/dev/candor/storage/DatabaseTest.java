package dev.candor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.NewKudos;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        try (Database first = Database.embedded(dataDir, 2)) {
            first.migrate();
            first.jdbi().onDemand(OrganisationDao.class).upsertSlack("T1", "Acme");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (Database second = Database.embedded(dataDir, 2)) {
            assertThat(second.isReady()).isTrue();
            assertThat(second.jdbi().onDemand(OrganisationDao.class).findBySlackTeam("T1"))
                    .map(org -> org.name())
                    .contains("Acme");
        }
    }

    @Test
    void opensLongLivedConnectionsOutsideThePool() throws SQLException {
        try (Database database = TestDatabase.fresh();
                Connection own = database.openConnection()) {
            HikariPoolMXBean pool =
                    database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();

            assertThat(own.isValid(1)).isTrue();
            assertThat(pool.getActiveConnections()).isZero();
        }
    }

    @Test
    void statementErrorsNeverQuoteWhatWasBoundOrTheFailingRow() {
        String marker = "secret-words-" + System.nanoTime();
        try (Database database = TestDatabase.fresh()) {
            Throwable error = catchThrowable(() -> database.jdbi()
                    .useHandle(handle -> handle.execute("INSERT INTO organisations (name) VALUES (?)", marker)));

            assertThat(error).isNotNull();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                assertThat(cause.getMessage()).doesNotContain(marker);
                assertThat(cause.toString()).doesNotContain(marker);
            }
            assertThat(error.getMessage())
                    .contains("violates check constraint")
                    .contains("[statement: INSERT INTO organisations");
        }
    }

    @Test
    void mapsRecordsAndLowerCaseEnums() {
        try (Database database = TestDatabase.fresh()) {
            var orgs = database.jdbi().onDemand(OrganisationDao.class);
            var people = database.jdbi().onDemand(PersonDao.class);
            long orgId = orgs.upsertSlack("T9", "Nine").id();
            Person ana = people.insert(orgId, "Ana", "ana@example.com", "Europe/Lisbon", "pt", false);
            people.insertIdentity(orgId, ana.id(), Platform.SLACK, "U1", null);

            assertThat(people.findByPlatformUser(orgId, Platform.SLACK, "U1"))
                    .get()
                    .satisfies(found -> {
                        assertThat(found.role()).isEqualTo(Role.EMPLOYEE);
                        assertThat(found.timezone()).isEqualTo("Europe/Lisbon");
                    });
            String stored = database.jdbi()
                    .withHandle(handle -> handle.select("SELECT platform FROM platform_identities")
                            .mapTo(String.class)
                            .one());
            assertThat(stored).isEqualTo("slack");
        }
    }

    @Test
    void storesKudosOncePerSourceKey() {
        try (Database database = TestDatabase.fresh()) {
            long orgId = database.jdbi()
                    .onDemand(OrganisationDao.class)
                    .upsertSlack("T2", "Two")
                    .id();
            var people = database.jdbi().onDemand(PersonDao.class);
            long giver = people.insert(orgId, "Gil", null, "UTC", "en", false).id();
            long taker = people.insert(orgId, "Tia", null, "UTC", "en", false).id();
            KudosDao kudos = database.jdbi().onDemand(KudosDao.class);

            var first = kudos.insert(NewKudos.command(orgId, giver, "thanks", Platform.SLACK, "C1", "trigger-1"));
            var again = kudos.insert(NewKudos.command(orgId, giver, "thanks", Platform.SLACK, "C1", "trigger-1"));
            kudos.insertRecipients(first.orElseThrow().id(), orgId, List.of(taker));
            kudos.insertValues(first.orElseThrow().id(), orgId, List.of("ownership", "craft"));

            assertThat(again).isEmpty();
            assertThat(kudos.listRecipientIds(orgId, first.get().id())).containsExactly(taker);
            assertThat(kudos.listValues(orgId, first.get().id())).containsExactly("craft", "ownership");
        }
    }
}
