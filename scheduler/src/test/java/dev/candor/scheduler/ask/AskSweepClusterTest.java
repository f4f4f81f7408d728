package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.scheduler.outbox.DeliveryWorker;
import dev.candor.scheduler.outbox.PacingPolicy;
import dev.candor.scheduler.outbox.RetryPolicy;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.outbox.NewOutboxMessage;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two scheduler nodes, each with its own connection pool, sweeping one database at the same moments: every ask and
 * every reminder of a 2,000-person round is queued once and delivered once, and the round closes once.
 */
class AskSweepClusterTest {
    private static final int PEOPLE = 2_000;
    private static final List<String> SWEEPS = List.of(
            "2026-01-09T06:00:00Z", // Friday 14:00 in Shanghai
            "2026-01-09T13:00:00Z", // Friday 14:00 in Berlin
            "2026-01-12T00:00:00Z", // Monday 08:00 in Shanghai: first reminder
            "2026-01-12T07:00:00Z", // Monday 08:00 in Berlin
            "2026-01-13T04:00:00Z", // Tuesday 12:00 in Shanghai: 2 h before the deadline
            "2026-01-13T06:00:00Z", // Tuesday 14:00 in Shanghai: deadline
            "2026-01-13T11:00:00Z", // Tuesday 12:00 in Berlin
            "2026-01-13T13:00:00Z"); // Tuesday 14:00 in Berlin: the round's last deadline

    private Database first;
    private Database second;
    private long orgId;
    private final AtomicInteger queuedAsNew = new AtomicInteger();
    private final AtomicInteger closings = new AtomicInteger();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @BeforeEach
    void openNodes() {
        first = TestDatabase.fresh();
        String name = first.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        second = Database.connect(TestDatabase.url(name), 8);
        orgId = first.jdbi().withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Acme', 'T1', 'UTC')"
                                + " RETURNING id")
                .mapTo(Long.class)
                .one());
    }

    @AfterEach
    void closeNodes() {
        second.close();
        first.close();
    }

    @Test
    void twoNodesQueueAndDeliverEachAskAndReminderOfA2000PersonRoundExactlyOnce() throws Exception {
        Round round = openRound(people());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (String at : SWEEPS) {
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<?> one = CompletableFuture.runAsync(() -> sweep(first, at, together), nodes);
                CompletableFuture<?> two = CompletableFuture.runAsync(() -> sweep(second, at, together), nodes);
                CompletableFuture.allOf(one, two).get();
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(queuedAsNew).hasValue(3 * PEOPLE);
        assertThat(closings).hasValue(1);
        Map<String, Long> rowsByKind = first.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT regexp_replace(idempotency_key, '^ask:[0-9]+:', '') AS kind, count(*) AS n
                        FROM outbox GROUP BY 1
                        """)
                .reduceRows(new java.util.TreeMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("kind", String.class), row.getColumn("n", Long.class));
                    return map;
                }));
        assertThat(rowsByKind)
                .containsExactly(
                        Map.entry("open", (long) PEOPLE),
                        Map.entry("remind:1", (long) PEOPLE),
                        Map.entry("remind:2", (long) PEOPLE));
        assertThat(first.jdbi().onDemand(dev.candor.storage.ask.RoundDao.class).countAsks(orgId, round.id()))
                .isEqualTo(new AskCounts(0, 0, 0, PEOPLE));

        deliverOnBothNodes();
        assertThat(deliveries).hasSize(3 * PEOPLE);
        assertThat(deliveries.values()).extracting(AtomicInteger::get).containsOnly(1);
    }

    private void sweep(Database node, String at, CyclicBarrier together) {
        Clock clock = Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        Jdbi jdbi = node.jdbi();
        AskSweepJob job =
                AskSweepJob.on(jdbi, clock, new WorkingTimeLoader(jdbi, clock), this::queue, new RoundListener() {
                    @Override
                    public void closed(Handle handle, Round round, AskCounts counts) {
                        closings.incrementAndGet();
                    }
                });
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        job.execute(null);
    }

    private int queue(Handle handle, List<DueAsk> due) {
        List<NewOutboxMessage> messages = due.stream()
                .map(ask -> new NewOutboxMessage(
                        ask.delivery().orgId(),
                        ask.key(),
                        ask.delivery().platform(),
                        TargetKind.USER,
                        ask.delivery().platformUserId(),
                        "{}",
                        null))
                .toList();
        int queued = Arrays.stream(handle.attach(OutboxDao.class).enqueueAll(messages))
                .sum();
        queuedAsNew.addAndGet(queued);
        return queued;
    }

    private void deliverOnBothNodes() {
        ChatGateway gateway = (OutboxMessage message) -> {
            deliveries
                    .computeIfAbsent(message.idempotencyKey(), key -> new AtomicInteger())
                    .incrementAndGet();
            return new DeliveryResult.Sent("ts-" + message.idempotencyKey());
        };
        DeliveryConfig config = new DeliveryConfig(
                8,
                64,
                Duration.ofSeconds(30),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(50)),
                PacingPolicy.perTarget(Duration.ZERO));
        OutboxDao outbox = first.jdbi().onDemand(OutboxDao.class);
        try (DeliveryWorker one = new DeliveryWorker(first, gateway, config, new SimpleMeterRegistry());
                DeliveryWorker two = new DeliveryWorker(second, gateway, config, new SimpleMeterRegistry())) {
            one.start();
            two.start();
            await("every message is sent")
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> outbox.countByStatus().getOrDefault(OutboxStatus.SENT, 0L) == 3L * PEOPLE);
        }
    }

    private long[] people() {
        return first.jdbi().withHandle(handle -> {
            long[] ids = handle
                    .createQuery(
                            """
                            INSERT INTO people (org_id, name, timezone, directory_timezone)
                            SELECT :org, 'P' || g, zone, zone
                            FROM generate_series(1, :n) g,
                                 LATERAL (SELECT CASE WHEN g % 2 = 0 THEN 'Europe/Berlin' ELSE 'Asia/Shanghai' END
                                         AS zone) z
                            RETURNING id
                            """)
                    .bind("org", orgId)
                    .bind("n", PEOPLE)
                    .mapTo(Long.class)
                    .stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            handle.createUpdate(
                            """
                            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)
                            SELECT :org, id, 'slack', 'U' || id FROM people WHERE org_id = :org
                            """)
                    .bind("org", orgId)
                    .execute();
            return ids;
        });
    }

    private Round openRound(long[] people) {
        Jdbi jdbi = first.jdbi();
        QuestionnaireVersion questionnaire =
                jdbi.onDemand(QuestionnaireDao.class).insert(orgId, "test", "[]", null);
        Clock before = Clock.fixed(Instant.parse("2026-01-09T00:00:00Z"), ZoneOffset.UTC);
        Rounds rounds = new Rounds(jdbi, before, new WorkingTimeLoader(jdbi, before), null);
        RoundTiming weekly = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-09T14:00")), Deadline.workingDays(2), ReminderPlan.defaults());
        RoundRequest request = new RoundRequest(
                orgId,
                "test",
                "test:1",
                "2026-W02",
                questionnaire.questionnaireId(),
                1,
                weekly,
                false,
                IntStream.range(0, people.length).mapToObj(i -> people[i]).toList(),
                null);
        return rounds.open(request).orElseThrow().round();
    }
}
