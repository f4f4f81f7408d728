package dev.candor.bot.kudos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.scheduler.CandorScheduler;
import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.SchedulerConfig;
import dev.candor.scheduler.recognition.DigestPlanner;
import dev.candor.scheduler.recognition.GapNudgePlanner;
import dev.candor.scheduler.recognition.RecognitionGapJob;
import dev.candor.scheduler.recognition.WeeklyDigestJob;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database, both sweeping for the digest and the nudges at the moment both are due: each message
 * is queued exactly once, whether Quartz spreads the firings over the cluster or the sweeps race head-on.
 */
class RecognitionClusterTest {
    /** Monday 16 June 2025, 09:00 in Berlin: Acme's digest slot and Maria's nudge slot. */
    private static final Instant MONDAY_NINE_BERLIN = Instant.parse("2025-06-16T07:00:00Z");

    private static final SchedulerConfig QUICK = new SchedulerConfig(
            "candor-recognition-test", 2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

    private Database database;
    private Database otherNode;
    private RecognitionFixture fixture;
    private long acme;
    private long maria;

    @BeforeEach
    void seed() {
        database = TestDatabase.fresh();
        String name = database.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        otherNode = Database.connect(TestDatabase.url(name), 8);
        fixture = new RecognitionFixture(database.jdbi());
        acme = fixture.org("Acme", "Europe/Berlin");
        fixture.digestSettings(acme, 1, "09:00", "C0KUDOS", "19:kudos@thread.tacv2");
        maria = fixture.person(acme, "Maria", "Europe/Berlin", null);
        fixture.identity(acme, maria, Platform.SLACK, "U0MARIA");
        fixture.person(acme, "Ana", "Europe/Berlin", maria);
    }

    @AfterEach
    void close() {
        otherNode.close();
        database.close();
    }

    @Test
    void queuesEachDigestAndNudgeOnceWhenQuartzRunsTheSweepersOnTwoNodes() {
        CountingClock first = new CountingClock(MONDAY_NINE_BERLIN);
        CountingClock second = new CountingClock(MONDAY_NINE_BERLIN);
        try (CandorScheduler one = new CandorScheduler(database, QUICK);
                CandorScheduler two = new CandorScheduler(otherNode, QUICK)) {
            registerSweepers(one, database, first);
            registerSweepers(two, otherNode, second);
            one.start();
            two.start();

            await("both nodes swept, twelve sweeps in all")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> first.reads() + second.reads() >= 12 && first.reads() > 0 && second.reads() > 0);
        }

        assertThat(fixture.outbox("digest:"))
                .extracting(OutboxMessage::idempotencyKey)
                .containsExactlyInAnyOrder("digest:" + acme + ":slack:2025-W25", "digest:" + acme + ":teams:2025-W25");
        assertThat(fixture.outbox("gap-nudge:"))
                .extracting(OutboxMessage::idempotencyKey)
                .containsExactly("gap-nudge:" + maria + ":2025-W25");
    }

    @Test
    void queuesEachMessageOnceWhenSweepsOnTwoNodesRaceHeadOn() throws Exception {
        Clock clock = Clock.fixed(MONDAY_NINE_BERLIN, ZoneOffset.UTC);
        List<Database> nodes = List.of(database, otherNode);
        CyclicBarrier start = new CyclicBarrier(nodes.size());
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> queued = new ArrayList<>();
            for (Database node : nodes) {
                queued.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int count = 0;
                    for (int i = 0; i < 5; i++) {
                        count += new WeeklyDigestJob(node.jdbi(), clock, new DigestPlanner(), new DigestOutbox())
                                .sweep();
                        count += new RecognitionGapJob(node.jdbi(), clock, new GapNudgePlanner(), new DigestOutbox())
                                .sweep();
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> node : queued) {
                total += node.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).as("queued, summed over both nodes").isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
        assertThat(fixture.outbox("digest:")).hasSize(2);
        assertThat(fixture.outbox("gap-nudge:")).hasSize(1);
    }

    private static void registerSweepers(CandorScheduler node, Database database, Clock clock) {
        Schedule often = Schedule.every(Duration.ofMillis(200));
        node.register(new ScheduledJob(
                WeeklyDigestJob.NAME,
                new WeeklyDigestJob(database.jdbi(), clock, new DigestPlanner(), new DigestOutbox()),
                often));
        node.register(new ScheduledJob(
                RecognitionGapJob.NAME,
                new RecognitionGapJob(database.jdbi(), clock, new GapNudgePlanner(), new DigestOutbox()),
                often));
    }

    /** A fixed clock that counts how often a sweep asked it the time: one read per sweep. */
    private static final class CountingClock extends Clock {
        private final Instant now;
        private final AtomicInteger reads = new AtomicInteger();

        CountingClock(Instant now) {
            this.now = now;
        }

        int reads() {
            return reads.get();
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a sweep reads instants only");
        }
    }
}
