package dev.candor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.org.OrganisationDao;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL as an operator meets it: durable, alone on its directory, back after crashes. */
class EmbeddedDatabaseTest {

    @Test
    void isDurableAloneOnItsDirectoryAndBackAfterItsServerIsKilled(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        try (Database database = Database.embedded(dataDir, 4)) {
            assertThat(setting(database, "fsync")).isEqualTo("on");
            assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
            assertThatThrownBy(() -> Database.embedded(dataDir, 2))
                    .isInstanceOf(DataDirectoryInUse.class)
                    .hasMessageContaining("Another Candor is running on CANDOR_DATA_DIR=" + dataDir);
            database.migrate();
            OrganisationDao orgs = database.jdbi().onDemand(OrganisationDao.class);
            long before = Postmasters.pid(dataDir).orElseThrow();
            Runnable kill = EmbeddedProcesses.killer(dataDir);
            IntStream.range(0, 200).forEach(i -> orgs.upsertSlack("T" + i, "Org " + i));

            kill.run(); // the moment the last commit was acknowledged

            // The server is back within a few hundred milliseconds, sometimes much less, and a loaded machine can keep
            // any poll of readiness from running in that window: a new postmaster is what can't be missed. (Readiness
            // during an outage is the outage tests' business.)
            await("the server is restarted").atMost(Duration.ofSeconds(60)).until(() -> Postmasters.pid(dataDir)
                    .filter(pid -> pid != before)
                    .isPresent());
            await("the server is back").atMost(Duration.ofSeconds(60)).until(database::isReady);
            assertThat(Postmasters.pid(dataDir)).isPresent().get().isNotEqualTo(before);
            assertThat(count(database, "SELECT count(*) FROM organisations"))
                    .as("every acknowledged commit")
                    .isEqualTo(200);
            orgs.upsertSlack("T-after", "After");
            assertThat(count(database, "SELECT count(*) FROM organisations")).isEqualTo(201);
        }
    }

    @Test
    void refusesADirectoryThatAnotherProcessUsesAndTakesItOverOnceThatOneWasKilled(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        try (JavaProcess holder = JavaProcess.start(
                dir.resolve("holder.log"), Map.of(), HoldEmbeddedDatabase.class.getName(), dataDir.toString())) {
            holder.awaitOutput("HOLDING", Duration.ofSeconds(90));
            long orphan = Postmasters.pid(dataDir).orElseThrow();

            assertThatThrownBy(() -> Database.embedded(dataDir, 2)).isInstanceOf(DataDirectoryInUse.class);

            holder.kill();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("kill -9 leaves the embedded server running")
                    .isPresent();
            try (Database next = Database.embedded(dataDir, 2)) {
                assertThat(next.isReady())
                        .as("migrated by the killed one, and reachable")
                        .isTrue();
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .isEmpty();
                assertThat(Postmasters.pid(dataDir)).isPresent().get().isNotEqualTo(orphan);
            }
        }
    }

    private static String setting(Database database, String name) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.select("SHOW " + name).mapTo(String.class).one());
    }

    private static long count(Database database, String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }
}
