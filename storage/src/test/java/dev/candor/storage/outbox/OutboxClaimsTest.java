package dev.candor.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases, and what a claim that ends without a result leaves behind: a message in doubt or one never sent. */
class OutboxClaimsTest {
    private static final Duration LEASE = Duration.ofMinutes(1);

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
    void anExpiredClaimIsInDoubtOnlyIfItsSendHadStarted() {
        long started = claim("started", "dead-node");
        long unstarted = claim("unstarted", "dead-node");
        assertThat(outbox.markSendStarted(started, "dead-node")).isTrue();
        expireLeases();

        List<Boolean> released = outbox.releaseExpiredClaims();

        assertThat(released).containsExactlyInAnyOrder(true, false);
        OutboxMessage inDoubt = find("started");
        assertThat(inDoubt.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(inDoubt.inDoubt()).isTrue();
        assertThat(inDoubt.attempts()).isEqualTo(1);
        assertThat(inDoubt.lastError()).isEqualTo("lease expired while sending");
        OutboxMessage neverSent = find("unstarted");
        assertThat(neverSent.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(neverSent.inDoubt()).isFalse();
        assertThat(neverSent.attempts()).isZero();
        assertThat(outbox.claimDue("survivor", 10, LEASE))
                .extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder(started, unstarted);
    }

    @Test
    void aRenewedClaimOutlivesItsFirstLease() {
        long id = claimFor("long-send", "live-node", Duration.ofMillis(1));

        assertThat(outbox.renewClaims("live-node", LEASE.toMillis())).isEqualTo(1);

        assertThat(outbox.releaseExpiredClaims()).isEmpty();
        assertThat(outbox.markSendStarted(id, "live-node")).isTrue();
    }

    @Test
    void aWorkerMayNotStartASendOnceItsLeaseRanOutOrTheClaimWentElsewhere() {
        long id = claim("lapsed", "slow-node");
        expireLeases();

        assertThat(outbox.markSendStarted(id, "slow-node")).isFalse();

        outbox.releaseExpiredClaims();
        outbox.claimDue("other-node", 10, LEASE);
        assertThat(outbox.markSendStarted(id, "slow-node")).isFalse();
        assertThat(outbox.markFailed(id, "slow-node", "user_not_found")).isZero();
        assertThat(find("lapsed").status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void aStoppingWorkerReturnsWhatItHasNotStartedAtOnceAndLeavesTheRestInDoubt() {
        long started = claim("in-flight", "stopping-node");
        claim("queued", "stopping-node");
        claim("elsewhere", "other-node");
        outbox.markSendStarted(started, "stopping-node");

        assertThat(outbox.returnUnstarted("stopping-node")).isEqualTo(1);
        assertThat(find("queued").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(find("queued").inDoubt()).isFalse();
        assertThat(find("in-flight").status()).isEqualTo(OutboxStatus.SENDING);

        assertThat(outbox.releaseClaims("stopping-node")).containsExactly(true);
        assertThat(find("in-flight").inDoubt()).isTrue();
        assertThat(find("elsewhere").status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void aFailureThatMayHaveReachedThePlatformKeepsTheMessageInDoubtUntilItIsSent() {
        long id = claim("timed-out", "node");
        outbox.markSendStarted(id, "node");
        outbox.rescheduleIn(id, "node", 0, "timeout", true, true);
        OutboxMessage retry = outbox.claimDue("node", 10, LEASE).get(0);
        assertThat(retry.inDoubt()).isTrue();
        outbox.markSendStarted(id, "node");
        outbox.rescheduleIn(id, "node", 0, "http_429", false, false);
        assertThat(find("timed-out").inDoubtSince()).isEqualTo(retry.inDoubtSince());

        outbox.claimDue("node", 10, LEASE);
        assertThat(outbox.markSent(id, "node", "1700000000.000100", true)).isEqualTo(1);

        OutboxMessage sent = find("timed-out");
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        int resends = database.jdbi().withHandle(handle -> handle.select("SELECT resends FROM outbox WHERE id = ?", id)
                .mapTo(Integer.class)
                .one());
        assertThat(resends).isEqualTo(1);
    }

    @Test
    void aSendThatFinishesAfterItsClaimWasReturnedIsStillRecorded() {
        long id = claim("late", "slow-node");
        outbox.markSendStarted(id, "slow-node");
        expireLeases();
        outbox.releaseExpiredClaims();

        assertThat(outbox.markSent(id, "slow-node", "1700000000.000200", false)).isEqualTo(1);

        assertThat(find("late").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.claimDue("other-node", 10, LEASE)).isEmpty();
    }

    private long claim(String key, String worker) {
        return claimFor(key, worker, LEASE);
    }

    private long claimFor(String key, String worker, Duration lease) {
        outbox.enqueue(orgId, key, Platform.SLACK, TargetKind.USER, "U-" + key, "{}");
        return outbox.claimDue(worker, 10, lease).stream()
                .filter(message -> message.idempotencyKey().equals(key))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void expireLeases() {
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE outbox SET claimed_until = now() - interval '1 second' WHERE status = 'sending'"));
    }

    private OutboxMessage find(String key) {
        return outbox.findByKey(orgId, key).orElseThrow();
    }
}
