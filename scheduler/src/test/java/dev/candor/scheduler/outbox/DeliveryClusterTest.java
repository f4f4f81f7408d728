package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several nodes on one database, each with its own connection pool, LISTEN connection and worker id. */
class DeliveryClusterTest {
    private static final Duration POLL = Duration.ofMillis(20);

    private Database database;
    private Database otherNode;
    private OutboxFixture fixture;
    private final RecordingGateway gateway = new RecordingGateway();

    @BeforeEach
    void openDatabases() {
        database = TestDatabase.fresh();
        String name = database.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        otherNode = Database.connect(TestDatabase.url(name), 8);
        fixture = new OutboxFixture(database);
    }

    @AfterEach
    void closeDatabases() {
        otherNode.close();
        database.close();
    }

    @Test
    void twoNodesDeliverAThousandMessagesExactlyOnce() {
        try (DeliveryWorker first = worker(database);
                DeliveryWorker second = worker(otherNode)) {
            first.start();
            second.start();

            database.jdbi().useHandle(this::enqueueThousand);

            await("all are sent")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(POLL)
                    .until(() -> fixture.outbox.countByStatus().getOrDefault(OutboxStatus.SENT, 0L) == 1000);
        }

        Map<String, Long> callsPerKey = gateway.calls().stream()
                .collect(Collectors.groupingBy(RecordingGateway.Call::key, Collectors.counting()));
        assertThat(callsPerKey).hasSize(1000);
        assertThat(callsPerKey.values()).containsOnly(1L);
        assertThat(fixture.outbox.countByStatus()).containsExactly(Map.entry(OutboxStatus.SENT, 1000L));
        long nodesThatSent = database.jdbi()
                .withHandle(handle -> handle.select("SELECT count(DISTINCT claimed_by) FROM outbox")
                        .mapTo(Long.class)
                        .one());
        assertThat(nodesThatSent).isEqualTo(2);
    }

    @Test
    void anotherNodeDeliversAMessageWhoseWorkerDiedOnceItsLeaseExpires() {
        fixture.enqueue("orphan", "C1");
        assertThat(fixture.outbox.claimDue("crashed-node", 10, Duration.ofSeconds(1)))
                .hasSize(1);

        try (DeliveryWorker survivor = worker(otherNode)) {
            survivor.start();

            await("the orphan is sent")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(POLL)
                    .until(() -> fixture.hasStatus("orphan", OutboxStatus.SENT));

            assertThat(gateway.callsFor("orphan")).hasSize(1);
            String claimedBy = database.jdbi().withHandle(handle -> handle.select(
                            "SELECT claimed_by FROM outbox WHERE idempotency_key = 'orphan'")
                    .mapTo(String.class)
                    .one());
            assertThat(claimedBy).isEqualTo(survivor.workerId());
        }
    }

    private DeliveryWorker worker(Database node) {
        return new DeliveryWorker(node, gateway, OutboxFixture.quickConfig(), new SimpleMeterRegistry());
    }

    private void enqueueThousand(Handle handle) {
        Function<Integer, String> key = i -> "announcement:" + i;
        for (int batch = 0; batch < 10; batch++) {
            var insert = handle.prepareBatch(
                    """
                    INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload)
                    VALUES (:org, :key, 'slack', 'user', :target, '{}')
                    """);
            for (int i = batch * 100; i < (batch + 1) * 100; i++) {
                insert.bind("org", fixture.orgId)
                        .bind("key", key.apply(i))
                        .bind("target", "U" + i)
                        .add();
            }
            insert.execute();
        }
    }
}
