package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a gateway's answer about a send whose outcome was unknown does to the message and the meters. */
class DeliveryInDoubtTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

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
    void aTimeoutLeavesTheMessageInDoubtForItsRetry() {
        gateway.answer("timed-out", new DeliveryResult.Transient("timeout"));

        fixture.enqueue("timed-out", "C1");

        awaitSent("timed-out");
        assertThat(gateway.callsFor("timed-out"))
                .extracting(RecordingGateway.Call::inDoubt)
                .containsExactly(false, true);
        awaitCount(DeliveryMetrics.IN_DOUBT, "result", "not_found", 1);
        assertThat(resends("timed-out")).isZero();
    }

    @Test
    void aFailureBeforeTheRequestWentOutIsRetriedWithoutDoubt() {
        gateway.answer("refused", DeliveryResult.Transient.notSent("connection_refused"));

        fixture.enqueue("refused", "C1");

        awaitSent("refused");
        assertThat(gateway.callsFor("refused"))
                .extracting(RecordingGateway.Call::inDoubt)
                .containsExactly(false, false);
        assertThat(fixture.find("refused").inDoubt()).isFalse();
    }

    @Test
    void aMessageFoundOnThePlatformIsRecordedAsSentUnderTheIdItWasFoundWith() {
        gateway.answer(
                "found",
                new DeliveryResult.Transient("timeout"),
                new DeliveryResult.AlreadyDelivered("1700000000.000300"));

        fixture.enqueue("found", "C1");

        awaitSent("found");
        assertThat(fixture.find("found").platformMessageId()).isEqualTo("1700000000.000300");
        assertThat(gateway.callsFor("found")).hasSize(2);
        awaitCount(DeliveryMetrics.IN_DOUBT, "result", "found", 1);
        assertThat(resends("found")).isZero();
    }

    @Test
    void aResendWithoutACheckIsCountedOnTheMessageAndInTheMeters() {
        gateway.answer(
                "teams-resend",
                new DeliveryResult.Transient("timeout"),
                new DeliveryResult.Sent("activity-2", "no_history"));

        fixture.enqueue("teams-resend", "C1");

        awaitSent("teams-resend");
        assertThat(resends("teams-resend")).isEqualTo(1);
        awaitCount(DeliveryMetrics.IN_DOUBT, "result", "unchecked", 1);
        awaitCount(DeliveryMetrics.RESENDS, "reason", "no_history", 1);
    }

    @Test
    void anUncheckedSendOfAMessageNotInDoubtIsNoResend() {
        gateway.answer("first-try", new DeliveryResult.Sent("activity-1", "no_history"));

        fixture.enqueue("first-try", "C1");

        awaitSent("first-try");
        assertThat(resends("first-try")).isZero();
    }

    private void awaitSent(String key) {
        await(key + " is sent").atMost(WAIT).pollInterval(POLL).until(() -> fixture.hasStatus(key, OutboxStatus.SENT));
    }

    /** Counters move just after the row is updated, so a test that saw the row may have to wait for them. */
    private void awaitCount(String meter, String tag, String value, int expected) {
        await(meter + "{" + tag + "=" + value + "} = " + expected)
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> {
                    var counter = registry.find(meter).tag(tag, value).counter();
                    return counter != null && counter.count() == expected;
                });
    }

    private int resends(String key) {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT resends FROM outbox WHERE idempotency_key = ?", key)
                        .mapTo(Integer.class)
                        .one());
    }
}
