package dev.candor.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRetentionDaoTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));
    private static final Instant OLD = CUTOFF.minus(Duration.ofHours(1));
    private static final Instant RECENT = CUTOFF.plus(Duration.ofHours(1));

    private Database database;
    private OutboxRetentionDao retention;
    private long orgId;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.fresh();
        retention = database.jdbi().onDemand(OutboxRetentionDao.class);
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
    void dropsWhatOldSentAndFailedMessagesSaidAndNothingElse() {
        insert("sent-old", "sent", OLD.minus(Duration.ofMinutes(5)), OLD, "1700000000.000100");
        insert("failed-old", "failed", OLD, null, null);
        insert("sent-recent", "sent", OLD, RECENT, "1700000000.000200");
        insert("failed-recent", "failed", RECENT, null, null);
        insert("pending-old", "pending", OLD, null, null);
        insert("sending-old", "sending", OLD, null, null);

        assertThat(retention.dropPayloads(CUTOFF, 100)).isEqualTo(2);

        assertThat(keysWhere("payload IS NULL AND reply_url IS NULL AND payload_dropped_at IS NOT NULL"))
                .containsExactly("failed-old", "sent-old");
        assertThat(keysWhere("payload IS NOT NULL AND reply_url IS NOT NULL AND payload_dropped_at IS NULL"))
                .containsExactly("failed-recent", "pending-old", "sending-old", "sent-recent");
        assertThat(retention.dropPayloads(CUTOFF, 100)).isZero();
    }

    @Test
    void deletesOldSentAndFailedMessagesButNeverOnesThatMayStillGoOut() {
        insert("sent-old", "sent", OLD, OLD, "1700000000.000100");
        insert("failed-old", "failed", OLD, null, null);
        insert("sent-recent", "sent", OLD, RECENT, "1700000000.000200");
        insert("failed-recent", "failed", RECENT, null, null);
        insert("pending-old", "pending", OLD, null, null);
        insert("sending-old", "sending", OLD, null, null);

        assertThat(retention.deleteFinished(CUTOFF, 100)).isEqualTo(2);

        assertThat(keysWhere("true")).containsExactly("failed-recent", "pending-old", "sending-old", "sent-recent");
    }

    @Test
    void keepsSentKudosPostsWithoutTheirTextSoThatReactionsStillFindTheirKudos() {
        insert("kudos:7:post", "sent", OLD, OLD, "1700000000.000300");
        insert("kudos:8:post", "failed", OLD, null, null);
        insert("kudos:7:42", "sent", OLD, OLD, "1700000000.000400");

        retention.deleteFinished(CUTOFF, 100);
        retention.dropPayloads(CUTOFF, 100);

        assertThat(keysWhere("payload IS NULL AND reply_url IS NULL AND platform_message_id IS NOT NULL"))
                .containsExactly("kudos:7:post");
        assertThat(keysWhere("true")).containsExactly("kudos:7:post");
    }

    @Test
    void handlesNoMoreThanOneBatchPerCall() {
        for (int i = 0; i < 5; i++) {
            insert("sent-" + i, "sent", OLD, OLD, "1700000000.00000" + i);
        }

        assertThat(retention.dropPayloads(CUTOFF, 2)).isEqualTo(2);
        assertThat(retention.deleteFinished(CUTOFF, 3)).isEqualTo(3);

        assertThat(keysWhere("true")).hasSize(2);
    }

    @Test
    void findsItsRowsThroughThePartialIndexes() {
        insert("sent-old", "sent", OLD, OLD, "1700000000.000100");

        database.jdbi().useTransaction(handle -> {
            // A handful of rows would be read sequentially: make that the last resort, as on a large outbox.
            handle.execute("SET LOCAL enable_seqscan = off");
            handle.attach(OutboxRetentionDao.class).dropPayloads(CUTOFF, 10);
            handle.attach(OutboxRetentionDao.class).deleteFinished(CUTOFF, 10);
            assertThat(scans(handle, "outbox_payload_expiry")).isPositive();
            assertThat(scans(handle, "outbox_expiry")).isPositive();
        });
    }

    @Test
    void aMessageThatMayStillGoOutCannotLoseItsPayload() {
        insert("pending", "pending", OLD, null, null);

        assertThatThrownBy(
                        () -> database.jdbi()
                                .useHandle(
                                        handle -> handle.execute(
                                                "UPDATE outbox SET payload = NULL, payload_dropped_at = now() WHERE status = 'pending'")))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("outbox_payload_dropped");
    }

    private static long scans(Handle handle, String index) {
        return handle.select("SELECT pg_stat_get_xact_numscans(CAST(:index AS regclass))")
                .bind("index", index)
                .mapTo(Long.class)
                .one();
    }

    private void insert(String key, String status, Instant createdAt, Instant sentAt, String messageId) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload, status,
                                            created_at, sent_at, platform_message_id, reply_url)
                        VALUES (:orgId, :key, 'slack', 'conversation', 'C1', '{"text":"private words"}', :status,
                                :createdAt, :sentAt, :messageId, 'https://hooks.slack.com/actions/T1/1/x')
                        """)
                .bind("orgId", orgId)
                .bind("key", key)
                .bind("status", status)
                .bind("createdAt", createdAt)
                .bind("sentAt", sentAt)
                .bind("messageId", messageId)
                .execute());
    }

    private List<String> keysWhere(String condition) {
        return database.jdbi().withHandle(handle -> handle.select(
                        "SELECT idempotency_key FROM outbox WHERE " + condition + " ORDER BY idempotency_key")
                .mapTo(String.class)
                .list());
    }
}
