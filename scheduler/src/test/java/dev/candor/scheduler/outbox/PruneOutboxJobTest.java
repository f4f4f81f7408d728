package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PruneOutboxJobTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private Database database;
    private OutboxFixture fixture;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.fresh();
        fixture = new OutboxFixture(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void dropsPayloadsAfterThirtyDaysAndDeletesAfterNinetyByDefault() {
        sent("sent-91d", days(91));
        sent("sent-89d", days(89));
        sent("sent-31d", days(31));
        sent("sent-29d", days(29));
        failed("failed-31d", days(31));

        var pruned = job(OutboxRetention.defaults(), PruneOutboxJob.DEFAULT_BATCH_SIZE)
                .prune();

        assertThat(pruned).isEqualTo(new PruneOutboxJob.Pruned(1, 3));
        assertThat(keys()).containsExactly("failed-31d", "sent-29d", "sent-31d", "sent-89d");
        assertThat(fixture.find("sent-89d").payload()).isNull();
        assertThat(fixture.find("failed-31d").payload()).isNull();
        assertThat(fixture.find("sent-31d").replyUrl()).isNull();
        assertThat(fixture.find("sent-29d").payload()).contains("private words");
        assertThat(fixture.find("sent-29d").replyUrl()).isNotNull();
    }

    @Test
    void followsTheOperatorsSettings() {
        sent("sent-20d", days(20));
        sent("sent-15d", days(15));
        sent("sent-8d", days(8));
        sent("sent-6d", days(6));

        assertThat(job(new OutboxRetention(7, 16), 10).prune()).isEqualTo(new PruneOutboxJob.Pruned(1, 2));

        assertThat(keys()).containsExactly("sent-15d", "sent-6d", "sent-8d");
        assertThat(fixture.find("sent-15d").payload()).isNull();
        assertThat(fixture.find("sent-8d").payload()).isNull();
        assertThat(fixture.find("sent-6d").payload()).isNotNull();
    }

    @Test
    void repeatsItsBatchesUntilTheBacklogIsGone() {
        for (int i = 0; i < 7; i++) {
            sent("ancient-" + i, days(200));
            sent("old-" + i, days(40));
        }

        var pruned = job(OutboxRetention.defaults(), 3).prune();

        assertThat(pruned).isEqualTo(new PruneOutboxJob.Pruned(7, 7));
        assertThat(keys()).hasSize(7).allMatch(key -> key.startsWith("old-"));
        assertThat(job(OutboxRetention.defaults(), 3).prune()).isEqualTo(new PruneOutboxJob.Pruned(0, 0));
    }

    @Test
    void neverTouchesMessagesThatMayStillGoOut() {
        fixture.enqueue("pending", "C1");
        fixture.enqueue("sending", "C1");
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE outbox SET created_at = ?, status = CASE idempotency_key WHEN 'sending' THEN 'sending'"
                                + " ELSE 'pending' END",
                        NOW.minus(days(365))));

        assertThat(job(OutboxRetention.defaults(), 10).prune()).isEqualTo(new PruneOutboxJob.Pruned(0, 0));

        assertThat(fixture.outbox.claimDue("w1", 10, Duration.ofMinutes(1)))
                .extracting(OutboxMessage::payload)
                .containsExactly("{\"text\": \"private words\"}");
        assertThat(fixture.find("sending").payload()).isNotNull();
    }

    @Test
    void refusesRetentionsThatCouldLetAWeeklyMessageGoOutTwice() {
        assertThatThrownBy(() -> new OutboxRetention(1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxRetention(30, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxRetention(0, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OutboxRetention(1, OutboxRetention.MIN_DAYS).retentionAge())
                .isEqualTo(Duration.ofDays(14));
    }

    private PruneOutboxJob job(OutboxRetention retention, int batchSize) {
        return new PruneOutboxJob(database.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC), retention, batchSize);
    }

    private void sent(String key, Duration age) {
        finish(key, "sent", age);
    }

    private void failed(String key, Duration age) {
        finish(key, "failed", age);
    }

    /** A message queued with a reply URL and finished {@code age} before {@link #NOW}. */
    private void finish(String key, String status, Duration age) {
        fixture.outbox.enqueue(
                fixture.orgId,
                key,
                Platform.SLACK,
                TargetKind.CONVERSATION,
                "C1",
                "{\"text\":\"private words\"}",
                "https://hooks.slack.com/actions/T1/1/x");
        Instant at = NOW.minus(age);
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE outbox SET status = ?, created_at = ?, sent_at = CAST(? AS timestamptz) WHERE idempotency_key = ?",
                        status,
                        at.minus(Duration.ofMinutes(1)),
                        status.equals("sent") ? at : null,
                        key));
    }

    private List<String> keys() {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT idempotency_key FROM outbox ORDER BY idempotency_key")
                        .mapTo(String.class)
                        .list());
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
