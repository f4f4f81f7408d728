package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases that a live node renews, claims of dead nodes taken over in doubt, and a clean stop. */
class DeliveryLeaseTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration SHORT_LEASE = Duration.ofMillis(600);

    private Database database;
    private Database otherNode;
    private OutboxFixture fixture;
    private final RecordingGateway gateway = new RecordingGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

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
    void aLiveNodeRenewsTheLeaseOfASendThatOutlastsItSoNoOtherNodeTakesItOver() {
        RecordingGateway.Gate slowSend = gateway.block("slow");
        DeliveryConfig config = quickConfig();
        try (DeliveryWorker sender = worker(database, config);
                DeliveryWorker watcher = worker(otherNode, config)) {
            fixture.enqueue("slow", "C1");
            sender.start();
            await("the send starts").atMost(WAIT).pollInterval(POLL).until(slowSend::entered);
            watcher.start();
            Instant firstLeaseEnd = claimedUntil("slow");

            await("the lease is renewed past three first leases")
                    .atMost(WAIT)
                    .pollInterval(POLL)
                    .until(() -> claimedUntil("slow").isAfter(firstLeaseEnd.plus(SHORT_LEASE.multipliedBy(3))));
            slowSend.open();

            await("the slow message is sent")
                    .atMost(WAIT)
                    .pollInterval(POLL)
                    .until(() -> fixture.hasStatus("slow", OutboxStatus.SENT));
        }
        assertThat(gateway.callsFor("slow")).hasSize(1);
        assertThat(fixture.find("slow").inDoubt()).isFalse();
    }

    @Test
    void aDeadNodesClaimsAreTakenOverAndTheOneItWasSendingIsInDoubt() {
        fixture.enqueue("mid-send", "C1");
        fixture.enqueue("queued", "C2");
        assertThat(fixture.outbox.claimDue("dead-node", 10, SHORT_LEASE)).hasSize(2);
        assertThat(fixture.outbox.markSendStarted(fixture.find("mid-send").id(), "dead-node"))
                .isTrue();

        try (DeliveryWorker survivor = worker(otherNode, quickConfig())) {
            survivor.start();

            await("both are sent")
                    .atMost(WAIT)
                    .pollInterval(POLL)
                    .until(() -> fixture.hasStatus("mid-send", OutboxStatus.SENT)
                            && fixture.hasStatus("queued", OutboxStatus.SENT));
        }
        assertThat(gateway.callsFor("mid-send")).singleElement().satisfies(call -> assertThat(call.inDoubt())
                .isTrue());
        assertThat(gateway.callsFor("queued")).singleElement().satisfies(call -> assertThat(call.inDoubt())
                .isFalse());
        assertThat(fixture.find("queued").attempts()).isEqualTo(1);
        assertThat(released("lease_expired", true)).isEqualTo(1);
        assertThat(released("lease_expired", false)).isEqualTo(1);
    }

    @Test
    void aCleanStopReturnsUnstartedClaimsAtOnceWhileTheSendUnderWayFinishes() throws Exception {
        RecordingGateway.Gate runningSend = gateway.block("running");
        DeliveryWorker worker = worker(database, oneThread());
        fixture.enqueue("running", "C0");
        worker.start();
        await("the send starts").atMost(WAIT).pollInterval(POLL).until(runningSend::entered);
        for (int i = 0; i < 5; i++) {
            fixture.enqueue("waiting-" + i, "C" + (i + 1));
        }
        await("the others are claimed behind it")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> countWithStatus(OutboxStatus.SENDING) == 6);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(worker::close);

        await("the unstarted claims are back in the queue")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> countWithStatus(OutboxStatus.PENDING) == 5);
        assertThat(stopping).isNotDone();
        assertThat(fixture.hasStatus("running", OutboxStatus.SENDING)).isTrue();
        runningSend.open();
        stopping.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(fixture.hasStatus("running", OutboxStatus.SENT)).isTrue();
        for (int i = 0; i < 5; i++) {
            OutboxMessage waiting = fixture.find("waiting-" + i);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.inDoubt()).isFalse();
            assertThat(waiting.attempts()).isZero();
        }
        assertThat(gateway.calls()).extracting(RecordingGateway.Call::key).containsExactly("running");
    }

    @Test
    void aSendThatOutlastsTheStopGraceIsReleasedInDoubtForTheNextNode() {
        RecordingGateway.Gate stuckSend = gateway.block("stuck");
        DeliveryWorker worker = worker(database, OutboxFixture.quickConfig().withStopGrace(Duration.ofMillis(100)));
        fixture.enqueue("stuck", "C1");
        worker.start();
        await("the send starts").atMost(WAIT).pollInterval(POLL).until(stuckSend::entered);

        worker.close();

        OutboxMessage released = fixture.find("stuck");
        assertThat(released.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(released.inDoubt()).isTrue();
        assertThat(released("stopped", true)).isEqualTo(1);
        try (DeliveryWorker next = worker(otherNode, OutboxFixture.quickConfig())) {
            next.start();
            await("the next node sends it")
                    .atMost(WAIT)
                    .pollInterval(POLL)
                    .until(() -> fixture.hasStatus("stuck", OutboxStatus.SENT));
        } finally {
            stuckSend.open();
        }
        assertThat(gateway.callsFor("stuck"))
                .extracting(RecordingGateway.Call::inDoubt)
                .containsExactly(false, true);
    }

    private static DeliveryConfig quickConfig() {
        return OutboxFixture.quickConfig().withLease(SHORT_LEASE).withPollInterval(Duration.ofMillis(50));
    }

    /** One send at a time, so that every other claim waits behind the first send. */
    private static DeliveryConfig oneThread() {
        DeliveryConfig quick = OutboxFixture.quickConfig();
        return new DeliveryConfig(
                1, 8, quick.lease(), quick.pollInterval(), quick.stopGrace(), quick.retry(), quick.pacing());
    }

    private DeliveryWorker worker(Database node, DeliveryConfig config) {
        return new DeliveryWorker(node, gateway, config, registry);
    }

    private Instant claimedUntil(String key) {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT claimed_until FROM outbox WHERE idempotency_key = ?", key)
                        .mapTo(Instant.class)
                        .one());
    }

    private long countWithStatus(OutboxStatus status) {
        return fixture.outbox.countByStatus().getOrDefault(status, 0L);
    }

    private double released(String cause, boolean inDoubt) {
        var counter = registry.find(DeliveryMetrics.RELEASED)
                .tag("cause", cause)
                .tag("in_doubt", String.valueOf(inDoubt))
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
