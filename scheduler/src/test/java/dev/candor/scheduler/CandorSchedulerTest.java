package dev.candor.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

class CandorSchedulerTest {
    private static final SchedulerConfig QUICK =
            new SchedulerConfig("candor-test", 2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

    private Database database;
    private Database otherNode;

    @BeforeEach
    void openDatabases() {
        database = TestDatabase.fresh();
        String name = database.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        otherNode = Database.connect(TestDatabase.url(name), 8);
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("CREATE TABLE test_firings (fired_at bigint PRIMARY KEY, node text NOT NULL)"));
    }

    @AfterEach
    void closeDatabases() {
        otherNode.close();
        database.close();
    }

    /** Records each firing once; a second run of the same firing finds its row taken and counts a duplicate. */
    static final class RecordFiringJob implements Job {
        private final Jdbi jdbi;
        private final String node;
        private final AtomicInteger duplicates;

        RecordFiringJob(Jdbi jdbi, String node, AtomicInteger duplicates) {
            this.jdbi = jdbi;
            this.node = node;
            this.duplicates = duplicates;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long firedAt = context.getScheduledFireTime().getTime();
            int inserted = jdbi.withHandle(
                    handle -> handle.createUpdate("INSERT INTO test_firings VALUES (:at, :node) ON CONFLICT DO NOTHING")
                            .bind("at", firedAt)
                            .bind("node", node)
                            .execute());
            if (inserted == 0) {
                duplicates.incrementAndGet();
            }
        }
    }

    @Test
    void runsEachFiringOnExactlyOneNodeOfTheCluster() {
        AtomicInteger duplicates = new AtomicInteger();
        Schedule often = Schedule.every(Duration.ofMillis(200));
        try (CandorScheduler first = new CandorScheduler(database, QUICK);
                CandorScheduler second = new CandorScheduler(otherNode, QUICK)) {
            first.register(new ScheduledJob("tick", new RecordFiringJob(database.jdbi(), "first", duplicates), often));
            second.register(
                    new ScheduledJob("tick", new RecordFiringJob(otherNode.jdbi(), "second", duplicates), often));
            first.start();
            second.start();

            await("ten firings are recorded")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> firings() >= 10);
            assertThat(countRows("qrtz_scheduler_state"))
                    .as("both nodes checked in to the cluster")
                    .isEqualTo(2);
        }

        assertThat(duplicates).hasValue(0);
    }

    @Test
    void registeringTheSameScheduleAgainKeepsItsNextFireTime() {
        try (CandorScheduler node = new CandorScheduler(database, QUICK)) {
            node.register(hourly("prune", Schedule.every(Duration.ofHours(1))));
            long nextFire = nextFireTime("prune");

            try (CandorScheduler restarted = new CandorScheduler(otherNode, QUICK)) {
                restarted.register(hourly("prune", Schedule.every(Duration.ofHours(1))));
            }

            assertThat(nextFireTime("prune")).isEqualTo(nextFire);
        }
    }

    @Test
    void registeringAChangedScheduleReplacesTheStoredOne() {
        try (CandorScheduler node = new CandorScheduler(database, QUICK)) {
            node.register(hourly("sweep", Schedule.every(Duration.ofHours(1))));

            node.register(hourly("sweep", Schedule.cron("0 0/5 * * * ?", ZoneId.of("Europe/Lisbon"))));

            String stored = database.jdbi().withHandle(handle -> handle.select(
                            "SELECT cron_expression || ' ' || time_zone_id FROM qrtz_cron_triggers"
                                    + " WHERE trigger_name = 'sweep'")
                    .mapTo(String.class)
                    .one());
            assertThat(stored).isEqualTo("0 0/5 * * * ? Europe/Lisbon");
            assertThat(countRows("qrtz_simple_triggers")).isZero();
        }
    }

    private ScheduledJob hourly(String name, Schedule schedule) {
        return new ScheduledJob(name, new RecordFiringJob(database.jdbi(), "any", new AtomicInteger()), schedule);
    }

    private int firings() {
        return countRows("test_firings");
    }

    private int countRows(String table) {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM " + table)
                .mapTo(Integer.class)
                .one());
    }

    private long nextFireTime(String trigger) {
        return database.jdbi().withHandle(handle -> handle.select(
                        "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = :name")
                .bind("name", trigger)
                .mapTo(Long.class)
                .one());
    }

    @Test
    void aRetiredJobLeavesTheClusterStoreAndRetiringAgainIsHarmless() {
        try (CandorScheduler scheduler = new CandorScheduler(database, QUICK)) {
            scheduler.register(new ScheduledJob(
                    "old-job",
                    new RecordFiringJob(database.jdbi(), "first", new AtomicInteger()),
                    Schedule.every(Duration.ofHours(1))));
            assertThat(storedJobs()).isEqualTo(1);

            scheduler.retire("old-job");
            scheduler.retire("old-job");

            assertThat(storedJobs()).isZero();
        }
    }

    private long storedJobs() {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT count(*) FROM qrtz_job_details WHERE job_name = 'old-job'")
                        .mapTo(Long.class)
                        .one());
    }
}
