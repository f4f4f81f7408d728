package dev.candor.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages that refer to an earlier one (V16): queued to where it went, and what the worker learns about it. */
class OutboxRepliesAndUpdatesTest {
    private static final String PAYLOAD = "{\"fallbackText\":\"words\",\"blocks\":[]}";

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
    void anUpdateGoesToTheSamePlatformAndTargetAsTheMessageItReplaces() {
        outbox.enqueue(orgId, "ask:1:open", Platform.SLACK, TargetKind.USER, "U0ANA", PAYLOAD);

        assertThat(outbox.enqueueAfter(orgId, "ask:1:answered", "ask:1:open", OutboxOperation.UPDATE, PAYLOAD))
                .isTrue();
        assertThat(outbox.enqueueAfter(orgId, "ask:1:answered", "ask:1:open", OutboxOperation.UPDATE, PAYLOAD))
                .isFalse();

        OutboxMessage update = outbox.findByKey(orgId, "ask:1:answered").orElseThrow();
        assertThat(update.operation()).isEqualTo(OutboxOperation.UPDATE);
        assertThat(update.earlierKey()).isEqualTo("ask:1:open");
        assertThat(update.platform()).isEqualTo(Platform.SLACK);
        assertThat(update.targetKind()).isEqualTo(TargetKind.USER);
        assertThat(update.target()).isEqualTo("U0ANA");
    }

    @Test
    void nothingIsQueuedAfterAMessageThatDoesNotExist() {
        assertThat(outbox.enqueueAfter(orgId, "reply:1", "never-queued", OutboxOperation.REPLY, PAYLOAD))
                .isFalse();
        assertThat(outbox.findByKey(orgId, "reply:1")).isEmpty();
    }

    @Test
    void onlyRepliesAndUpdatesReferToAnEarlierMessage() {
        assertThatThrownBy(() -> database.jdbi()
                        .useHandle(handle -> handle.execute(
                                "INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload,"
                                        + " operation) VALUES (?, 'bad', 'slack', 'user', 'U1', '{}', 'update')",
                                orgId)))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("outbox_earlier");
    }

    @Test
    void aSentMessageTellsWhereItWentAndWhichThreadItIsIn() {
        outbox.enqueue(orgId, "reply:1", Platform.SLACK, TargetKind.CONVERSATION, "C1", "1700.0001", PAYLOAD, null);
        long id = outbox.claimDue("node", 10, Duration.ofMinutes(1)).get(0).id();

        outbox.markSent(id, "node", "1700.0009", "C1", "1700.9999", false);

        EarlierMessage sent =
                outbox.findEarlier(orgId, "reply:1", Long.MAX_VALUE).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.platformMessageId()).isEqualTo("1700.0009");
        assertThat(sent.platformChannel()).isEqualTo("C1");
        // A thread named when queued stays: the one given when sent only fills a reply's.
        assertThat(sent.threadId()).isEqualTo("1700.0001");
    }

    @Test
    void tellsWhetherRepliesOrUpdatesQueuedBeforeAreStillToBeSent() {
        outbox.enqueue(orgId, "post", Platform.SLACK, TargetKind.CONVERSATION, "C1", PAYLOAD);
        outbox.enqueueAfter(orgId, "first", "post", OutboxOperation.UPDATE, PAYLOAD);
        outbox.enqueueAfter(orgId, "second", "post", OutboxOperation.UPDATE, PAYLOAD);
        long first = outbox.findByKey(orgId, "first").orElseThrow().id();
        long second = outbox.findByKey(orgId, "second").orElseThrow().id();

        assertThat(outbox.findEarlier(orgId, "post", first).orElseThrow().olderUnsent())
                .isFalse();
        assertThat(outbox.findEarlier(orgId, "post", second).orElseThrow().olderUnsent())
                .isTrue();
    }

    @Test
    void aPendingEarlierMessageSaysWhenItIsNextTried() {
        outbox.enqueue(orgId, "later", Platform.SLACK, TargetKind.USER, "U1", PAYLOAD);
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE outbox SET next_attempt_at = now() + interval '1 minute' WHERE idempotency_key = ?",
                        "later"));

        EarlierMessage pending =
                outbox.findEarlier(orgId, "later", Long.MAX_VALUE).orElseThrow();

        assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(pending.millisUntilDue()).isBetween(50_000L, 60_000L);
        assertThat(outbox.findEarlier(orgId, "unknown", Long.MAX_VALUE)).isEmpty();
    }
}
