package dev.candor.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDaoTest {
    private Database database;
    private OutboxDao outbox;
    private long orgId;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.fresh();
        outbox = database.jdbi().onDemand(OutboxDao.class);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T1", "Acme")
                .id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void grantsAPacingSlotOncePerInterval() {
        assertThat(outbox.tryAcquireSlot("slack:1:C1", 60_000)).isTrue();
        assertThat(outbox.tryAcquireSlot("slack:1:C1", 60_000)).isFalse();
        assertThat(outbox.tryAcquireSlot("slack:1:C2", 60_000)).isTrue();

        assertThat(outbox.findNextSlot("slack:1:C1")).get().satisfies(next -> assertThat(next)
                .isAfter(Instant.now().plusSeconds(50)));
    }

    @Test
    void aDeniedAttemptDoesNotPushTheSlotFurtherAway() {
        outbox.tryAcquireSlot("slack:1:C1", 60_000);
        Instant granted = outbox.findNextSlot("slack:1:C1").orElseThrow();

        outbox.tryAcquireSlot("slack:1:C1", 60_000);
        outbox.tryAcquireSlot("slack:1:C1", 60_000);

        assertThat(outbox.findNextSlot("slack:1:C1")).contains(granted);
    }

    @Test
    void aHoldBlocksEvenAKeyWithoutInterval() {
        assertThat(outbox.tryAcquireSlot("slack:1", 0)).isTrue();
        assertThat(outbox.tryAcquireSlot("slack:1", 0)).isTrue();

        outbox.holdFor("slack:1", 60_000);
        outbox.holdFor("slack:1", 10);

        assertThat(outbox.tryAcquireSlot("slack:1", 0)).isFalse();
        assertThat(outbox.findNextSlot("slack:1")).get().satisfies(next -> assertThat(next)
                .isAfter(Instant.now().plusSeconds(50)));
    }

    @Test
    void reschedulesWithoutCountingTheAttemptAndReportsWhenItIsDue() {
        outbox.enqueue(orgId, "k1", Platform.SLACK, TargetKind.USER, "U1", "{}");
        long id = outbox.claimDue("w1", 10, Duration.ofMinutes(1)).get(0).id();

        outbox.rescheduleIn(id, "w1", Duration.ofMinutes(5).toMillis(), "rate limited", false, false);

        OutboxMessage message = outbox.findByKey(orgId, "k1").orElseThrow();
        assertThat(message.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(message.attempts()).isZero();
        assertThat(message.lastError()).isEqualTo("rate limited");
        assertThat(outbox.claimDue("w1", 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(outbox.millisUntilNextDue()).get().satisfies(millis -> assertThat(millis)
                .isBetween(240_000L, 300_000L));
    }

    @Test
    void knowsNothingIsDueWhenTheQueueIsEmpty() {
        assertThat(outbox.millisUntilNextDue()).isEmpty();
    }
}
