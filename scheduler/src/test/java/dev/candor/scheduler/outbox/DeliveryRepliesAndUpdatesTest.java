package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
import dev.candor.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies and updates refer to the message an earlier key sent: they go where it went, wait (without using up their
 * retries) until it is sent, and fail when it never will be.
 */
class DeliveryRepliesAndUpdatesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String PAYLOAD = "{\"text\":\"answered\"}";

    private Database database;
    private OutboxFixture fixture;
    private final RecordingGateway gateway = new RecordingGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DeliveryWorker worker;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        fixture = new OutboxFixture(database);
        worker = new DeliveryWorker(database, gateway, OutboxFixture.quickConfig(), registry);
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.close();
        database.close();
    }

    @Test
    void anUpdateReplacesTheMessageWhereThePlatformPutIt() {
        gateway.answer("ask:1:open", DeliveryResult.Sent.in("D0ANA", "1700000000.000100"));
        fixture.enqueue("ask:1:open", "U0ANA");
        awaitStatus("ask:1:open", OutboxStatus.SENT);

        queueAfter("ask:1:answered", "ask:1:open", OutboxOperation.UPDATE);

        awaitStatus("ask:1:answered", OutboxStatus.SENT);
        OutboxMessage update = onlyCall("ask:1:answered");
        assertThat(update.operation()).isEqualTo(OutboxOperation.UPDATE);
        assertThat(update.target()).isEqualTo("U0ANA");
        assertThat(update.platformChannel()).isEqualTo("D0ANA");
        assertThat(update.platformMessageId()).isEqualTo("1700000000.000100");
    }

    @Test
    void aReplyGoesIntoTheThreadOfTheEarlierMessageAndARepliesReplyIntoTheSameThread() {
        gateway.answer("ask:2:open", DeliveryResult.Sent.in("D0LI", "1700000000.000200"));
        gateway.answer("reply:1", DeliveryResult.Sent.in("D0LI", "1700000000.000300"));
        fixture.enqueue("ask:2:open", "U0LI");
        awaitStatus("ask:2:open", OutboxStatus.SENT);

        queueAfter("reply:1", "ask:2:open", OutboxOperation.REPLY);
        awaitStatus("reply:1", OutboxStatus.SENT);
        queueAfter("reply:2", "reply:1", OutboxOperation.REPLY);
        awaitStatus("reply:2", OutboxStatus.SENT);

        assertThat(onlyCall("reply:1").threadId()).isEqualTo("1700000000.000200");
        assertThat(onlyCall("reply:1").platformChannel()).isEqualTo("D0LI");
        assertThat(fixture.find("reply:1").threadId()).isEqualTo("1700000000.000200");
        assertThat(onlyCall("reply:2").threadId()).isEqualTo("1700000000.000200");
    }

    @Test
    void anUpdateWaitsForAnEarlierMessageThatIsStillBeingSentWithoutUsingUpItsRetries() {
        RecordingGateway.Gate sending = gateway.block("ask:3:open");
        fixture.enqueue("ask:3:open", "U0GIL");
        await("the ask is being sent").atMost(WAIT).pollInterval(POLL).until(sending::entered);

        queueAfter("ask:3:answered", "ask:3:open", OutboxOperation.UPDATE);
        await("the update waits").atMost(WAIT).pollInterval(POLL).until(() -> "waiting for the earlier message"
                .equals(fixture.find("ask:3:answered").lastError()));
        assertThat(gateway.callsFor("ask:3:answered")).isEmpty();
        sending.open();

        awaitStatus("ask:3:answered", OutboxStatus.SENT);
        assertThat(onlyCall("ask:3:answered").platformMessageId()).isEqualTo("ts-gated");
        assertThat(fixture.find("ask:3:answered").attempts()).isEqualTo(1);
    }

    @Test
    void updatesOfOneMessageAreMadeInTheOrderTheyWereQueued() {
        fixture.enqueue("ask:7:open", "U0ANA");
        awaitStatus("ask:7:open", OutboxStatus.SENT);
        RecordingGateway.Gate first = gateway.block("ask:7:reminded");

        queueAfter("ask:7:reminded", "ask:7:open", OutboxOperation.UPDATE);
        queueAfter("ask:7:answered", "ask:7:open", OutboxOperation.UPDATE);
        await("the first update is being made").atMost(WAIT).pollInterval(POLL).until(first::entered);
        await("the second waits for it").atMost(WAIT).pollInterval(POLL).until(() -> "waiting for the earlier message"
                .equals(fixture.find("ask:7:answered").lastError()));
        assertThat(gateway.callsFor("ask:7:answered")).isEmpty();
        first.open();

        awaitStatus("ask:7:answered", OutboxStatus.SENT);
        assertThat(gateway.callsFor("ask:7:answered")).hasSize(1);
    }

    @Test
    void anUpdateInDoubtIsMadeAgainWithoutCountingAResend() {
        fixture.enqueue("ask:6:open", "U0ANA");
        awaitStatus("ask:6:open", OutboxStatus.SENT);
        gateway.answer("ask:6:answered", new DeliveryResult.Transient("timeout"));

        queueAfter("ask:6:answered", "ask:6:open", OutboxOperation.UPDATE);

        awaitStatus("ask:6:answered", OutboxStatus.SENT);
        assertThat(gateway.callsFor("ask:6:answered"))
                .extracting(RecordingGateway.Call::inDoubt)
                .containsExactly(false, true);
        await("the doubt is counted as redone").atMost(WAIT).pollInterval(POLL).until(() -> {
            var counter = registry.find(DeliveryMetrics.IN_DOUBT)
                    .tag("result", "redone")
                    .counter();
            return counter != null && counter.count() == 1;
        });
        int resends = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT resends FROM outbox WHERE idempotency_key = 'ask:6:answered'")
                .mapTo(Integer.class)
                .one());
        assertThat(resends).isZero();
    }

    @Test
    void anUpdateOfAMessageThatFailedFailsToo() {
        gateway.answer("ask:4:open", new DeliveryResult.Permanent("user_not_found"));
        fixture.enqueue("ask:4:open", "U0GONE");
        awaitStatus("ask:4:open", OutboxStatus.FAILED);

        queueAfter("ask:4:answered", "ask:4:open", OutboxOperation.UPDATE);

        awaitStatus("ask:4:answered", OutboxStatus.FAILED);
        assertThat(fixture.find("ask:4:answered").lastError()).isEqualTo("earlier_failed");
        assertThat(gateway.callsFor("ask:4:answered")).isEmpty();
    }

    @Test
    void anUpdateOfAMessageThatWasTakenBackFails() {
        // Queued for later, then taken back before it was sent (a kudos withdrawn) while its update waited.
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        """
                        INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload,
                                            next_attempt_at)
                        VALUES (?, 'kudos:5:dm', 'slack', 'user', 'U0ANA', '{}', now() + interval '1 hour')""",
                        fixture.orgId));
        database.jdbi().useTransaction(handle -> {
            handle.attach(OutboxDao.class)
                    .enqueueAfter(fixture.orgId, "kudos:5:thanked", "kudos:5:dm", OutboxOperation.UPDATE, PAYLOAD);
            handle.attach(OutboxDao.class).cancelPending(fixture.orgId, "kudos:5:dm");
        });

        awaitStatus("kudos:5:thanked", OutboxStatus.FAILED);
        assertThat(fixture.find("kudos:5:thanked").lastError()).isEqualTo("earlier_not_found");
        assertThat(gateway.callsFor("kudos:5:thanked")).isEmpty();
    }

    private void queueAfter(String key, String earlierKey, OutboxOperation operation) {
        assertThat(fixture.outbox.enqueueAfter(fixture.orgId, key, earlierKey, operation, PAYLOAD))
                .isTrue();
    }

    private OutboxMessage onlyCall(String key) {
        assertThat(gateway.callsFor(key)).hasSize(1);
        return gateway.callsFor(key).get(0).message();
    }

    private void awaitStatus(String key, OutboxStatus status) {
        await(key + " is " + status).atMost(WAIT).pollInterval(POLL).until(() -> fixture.hasStatus(key, status));
    }
}
