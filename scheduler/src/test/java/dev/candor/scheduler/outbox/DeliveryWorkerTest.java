package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

    private Database database;
    private OutboxFixture fixture;
    private final RecordingGateway gateway = new RecordingGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DeliveryWorker worker;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.fresh();
        fixture = new OutboxFixture(database);
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        database.close();
    }

    private void startWorker(DeliveryConfig config) {
        worker = new DeliveryWorker(database, gateway, config, registry);
        worker.start();
    }

    @Test
    void deliversAMessageAsSoonAsItIsQueuedWithoutWaitingForAPoll() {
        // A poll interval far beyond the wait below: only the NOTIFY can wake the worker in time.
        startWorker(OutboxFixture.quickConfig().withPollInterval(Duration.ofSeconds(60)));
        fixture.enqueue("first", "C1");
        await("the first message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("first", OutboxStatus.SENT));

        fixture.enqueue("second", "C2");

        await("the second message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("second", OutboxStatus.SENT));
        assertThat(fixture.find("second").platformMessageId())
                .isEqualTo("ts-" + fixture.find("second").id());
    }

    @Test
    void keepsListeningAfterItsConnectionIsKilled() {
        startWorker(OutboxFixture.quickConfig().withPollInterval(Duration.ofSeconds(60)));
        int killed = database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND query = 'LISTEN candor_outbox'
                        """)
                .mapTo(Integer.class)
                .one());
        assertThat(killed).isEqualTo(1);

        fixture.enqueue("after-kill", "C1");

        await("the message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("after-kill", OutboxStatus.SENT));
    }

    @Test
    void waitsForRetryAfterAndDoesNotCountTheRateLimitedAttempt() {
        gateway.answer("nudge", new DeliveryResult.RateLimited(Duration.ofMillis(700)));
        startWorker(OutboxFixture.quickConfig());

        fixture.enqueue("nudge", "C1");

        await("the message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("nudge", OutboxStatus.SENT));
        List<RecordingGateway.Call> calls = gateway.callsFor("nudge");
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(fixture.find("nudge").attempts()).isEqualTo(1);
    }

    @Test
    void sendsWithoutWritingAWorkspaceKeyThatHasNoInterval() {
        // Slack's workspace key has no interval: writing it on every send would queue all sends for one row lock.
        startWorker(OutboxFixture.quickConfig().withPacing(PacingPolicy.perTarget(Duration.ofMillis(50))));
        fixture.enqueue("one", "C1");
        fixture.enqueue("two", "C2");

        await("both messages are sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() ->
                        fixture.hasStatus("one", OutboxStatus.SENT) && fixture.hasStatus("two", OutboxStatus.SENT));
        List<String> keys = database.jdbi()
                .withHandle(handle -> handle.select("SELECT pace_key FROM delivery_pacing ORDER BY pace_key")
                        .mapTo(String.class)
                        .list());
        assertThat(keys).hasSize(2).allMatch(key -> key.endsWith(":C1") || key.endsWith(":C2"));
    }

    @Test
    void aSlackRateLimitHoldsEveryTargetInTheWorkspace() {
        gateway.answer("to-c1", new DeliveryResult.RateLimited(Duration.ofMillis(700)));
        startWorker(OutboxFixture.quickConfig());
        fixture.enqueue("to-c1", "C1");
        await("the first attempt is rate limited")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> !gateway.callsFor("to-c1").isEmpty());

        fixture.enqueue("to-c2", "C2");

        await("both messages are sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() ->
                        fixture.hasStatus("to-c2", OutboxStatus.SENT) && fixture.hasStatus("to-c1", OutboxStatus.SENT));
        RecordingGateway.Call limited = gateway.callsFor("to-c1").get(0);
        RecordingGateway.Call other = gateway.callsFor("to-c2").get(0);
        assertThat(Duration.between(limited.at(), other.at())).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void retriesTransientFailuresUntilTheMessageIsSent() {
        gateway.answer("digest", new DeliveryResult.Transient("HTTP 500"), new DeliveryResult.Transient("HTTP 503"));
        startWorker(OutboxFixture.quickConfig());

        fixture.enqueue("digest", "C1");

        await("the message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("digest", OutboxStatus.SENT));
        assertThat(gateway.callsFor("digest")).hasSize(3);
        assertThat(fixture.find("digest").attempts()).isEqualTo(3);
        awaitDeliveries("retried", "transient", 2);
        awaitDeliveries("sent", "none", 1);
    }

    @Test
    void givesUpAfterTheLastAllowedAttempt() {
        DeliveryResult[] alwaysFailing = new DeliveryResult[10];
        java.util.Arrays.fill(alwaysFailing, new DeliveryResult.Transient("HTTP 500"));
        gateway.answer("digest", alwaysFailing);
        startWorker(
                OutboxFixture.quickConfig().withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20))));

        fixture.enqueue("digest", "C1");

        await("the message is parked")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("digest", OutboxStatus.FAILED));
        OutboxMessage parked = fixture.find("digest");
        assertThat(parked.lastError()).isEqualTo("retries exhausted: HTTP 500");
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(gateway.callsFor("digest")).hasSize(3);
        awaitDeliveries("failed", "retries_exhausted", 1);
    }

    @Test
    void treatsAGatewayExceptionAsATransientFailure() {
        gateway.throwOnce("kudos");
        startWorker(OutboxFixture.quickConfig());

        fixture.enqueue("kudos", "C1");

        await("the message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("kudos", OutboxStatus.SENT));
        assertThat(gateway.callsFor("kudos")).hasSize(2);
        assertThat(fixture.find("kudos").attempts()).isEqualTo(2);
    }

    @Test
    void parksAPermanentFailureWithItsReasonAndNeverRetriesIt() {
        gateway.answer("to-gone", new DeliveryResult.Permanent("user_not_found"));
        startWorker(OutboxFixture.quickConfig());

        fixture.enqueue("to-gone", "U404");
        await("the message is parked")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("to-gone", OutboxStatus.FAILED));
        // Later work flows past it, and by then a retry would have happened.
        fixture.enqueue("later", "U2");
        await("a later message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> fixture.hasStatus("later", OutboxStatus.SENT));

        assertThat(fixture.find("to-gone").lastError()).isEqualTo("user_not_found");
        assertThat(gateway.callsFor("to-gone")).hasSize(1);
        awaitDeliveries("failed", "user_not_found", 1);
    }

    @Test
    void spacesMessagesToOneTargetWithoutHoldingBackOtherTargets() {
        Duration interval = Duration.ofMillis(200);
        startWorker(OutboxFixture.quickConfig().withPacing(PacingPolicy.perTarget(interval)));
        for (int i = 0; i < 5; i++) {
            fixture.enqueue("busy-" + i, "C-busy");
        }
        for (int i = 0; i < 5; i++) {
            fixture.enqueue("quiet-" + i, "C-quiet-" + i);
        }

        await("all are sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> gateway.calls().size() == 10);

        List<RecordingGateway.Call> busy = gateway.callsTo("C-busy");
        // Pacing spaces the slots; a send reaches the gateway a variable moment after its slot, so on a loaded
        // machine one gap may look shorter. Across five sends that jitter can't add up: the span can't be short.
        Duration span =
                Duration.between(busy.get(0).at(), busy.get(busy.size() - 1).at());
        assertThat(span).isGreaterThanOrEqualTo(interval.multipliedBy(busy.size() - 2));
        RecordingGateway.Call lastBusy = busy.get(busy.size() - 1);
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.callsTo("C-quiet-" + i).get(0).at()).isBefore(lastBusy.at());
        }
    }

    @Test
    void reportsTheQueueDepthAsItChanges() {
        // Another workspace, so its rate limit does not hold back the two messages that are sent.
        long throttledOrg = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T2", "Throttled")
                .id();
        for (int i = 0; i < 3; i++) {
            gateway.answer("waiting-" + i, new DeliveryResult.RateLimited(Duration.ofMinutes(5)));
            fixture.outbox.enqueue(throttledOrg, "waiting-" + i, Platform.SLACK, TargetKind.USER, "U" + i, "{}");
        }
        fixture.enqueue("sent-1", "C1");
        fixture.enqueue("sent-2", "C2");

        startWorker(OutboxFixture.quickConfig());

        await("two are sent and one is rate limited")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> deliveries("sent", "none") == 2 && deliveries("rate_limited", "none") >= 1);
        await("the gauge shows the three still waiting")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> depth() == 3.0);
    }

    /** Counters move just after the row is updated, so a test that saw the row may have to wait for them. */
    private void awaitDeliveries(String result, String reason, int expected) {
        await(expected + " deliveries counted as " + result + "/" + reason)
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> deliveries(result, reason) == expected);
    }

    private double depth() {
        return registry.get("candor.outbox.depth").gauge().value();
    }

    private double deliveries(String result, String reason) {
        var counter = registry.find("candor.outbox.deliveries")
                .tag("result", result)
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
