package dev.candor.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxQueueDaoTest {
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
    void queuesManyMessagesInOneStatement() {
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                """
                CREATE TABLE insert_statements (n integer NOT NULL);
                INSERT INTO insert_statements VALUES (0);
                CREATE FUNCTION count_insert_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE insert_statements SET n = n + 1; RETURN NULL; END $$;
                CREATE TRIGGER counted AFTER INSERT ON outbox FOR EACH STATEMENT
                    EXECUTE FUNCTION count_insert_statement();
                """));
        List<NewOutboxMessage> messages = IntStream.range(0, 500)
                .mapToObj(i -> dm("ask:" + i + ":open", "U" + i))
                .toList();

        int[] queued = outbox.enqueueAll(messages);

        assertThat(queued).hasSize(500).containsOnly(1);
        int statements = database.jdbi().withHandle(handle -> handle.select("SELECT n FROM insert_statements")
                .mapTo(Integer.class)
                .one());
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void aMessageMarkedToBeForgottenLeavesNoRowOnceSentOrGivenUpOnAndOthersStay() {
        for (String key : List.of("kept", "notice-sent", "notice-failed", "notice-pending")) {
            outbox.enqueue(orgId, key, Platform.SLACK, TargetKind.USER, "U1", "{}");
        }
        for (String key : List.of("notice-sent", "notice-failed", "notice-pending")) {
            outbox.forgetWhenDelivered(orgId, key);
        }

        for (String key : List.of("kept", "notice-sent")) {
            long id = outbox.findByKey(orgId, key).orElseThrow().id();
            assertThat(outbox.markSent(id, "worker", "1.0001", false)).isEqualTo(1);
        }
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE outbox SET status = 'failed' WHERE idempotency_key = 'notice-failed'"));

        List<String> left = database.jdbi()
                .withHandle(handle -> handle.select("SELECT idempotency_key || ' ' || status FROM outbox ORDER BY id")
                        .mapTo(String.class)
                        .list());
        assertThat(left).containsExactly("kept sent", "notice-pending pending");
    }

    @Test
    void saysPerMessageWhichKeysWereNew() {
        outbox.enqueue(orgId, "old", Platform.SLACK, TargetKind.USER, "U1", "{}");

        int[] queued = outbox.enqueueAll(List.of(dm("new", "U2"), dm("old", "U3"), dm("new", "U4"), dm("other", "U5")));

        assertThat(queued).containsExactly(1, 0, 0, 1);
        assertThat(outbox.findByKey(orgId, "old").orElseThrow().target()).isEqualTo("U1");
        assertThat(outbox.findByKey(orgId, "new").orElseThrow().target()).isEqualTo("U2");
    }

    @Test
    void keepsTheListsOrderSoDeliveryFollowsIt() {
        outbox.enqueueAll(List.of(dm("c", "U3"), dm("a", "U1"), dm("b", "U2")));

        List<String> targets = database.jdbi()
                .withHandle(handle -> handle.select("SELECT target FROM outbox ORDER BY id")
                        .mapTo(String.class)
                        .list());
        assertThat(targets).containsExactly("U3", "U1", "U2");
    }

    @Test
    void storesEveryColumnAndCleansTextAsASingleEnqueueWould() {
        outbox.enqueueAll(List.of(new NewOutboxMessage(
                orgId,
                "thread",
                Platform.TEAMS,
                TargetKind.CONVERSATION,
                "19:chat\u0000",
                "{\"text\":\"hi\"}",
                "https://reply",
                "1700.01")));

        OutboxMessage stored = outbox.findByKey(orgId, "thread").orElseThrow();
        assertThat(stored.platform()).isEqualTo(Platform.TEAMS);
        assertThat(stored.targetKind()).isEqualTo(TargetKind.CONVERSATION);
        assertThat(stored.target()).isEqualTo("19:chat");
        assertThat(stored.payload()).isEqualTo("{\"text\": \"hi\"}");
        assertThat(stored.replyUrl()).isEqualTo("https://reply");
        assertThat(stored.threadId()).isEqualTo("1700.01");
        assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void queuesAnUpdateAfterEachEarlierMessageThatExistsOnce() {
        outbox.enqueue(orgId, "ask:1:open", Platform.SLACK, TargetKind.USER, "U1", "{}");
        outbox.enqueue(orgId, "ask:1:remind:1", Platform.SLACK, TargetKind.USER, "U1", "{}");
        String[] keys = {"ask:1:open:answered", "ask:1:remind:1:answered", "ask:1:remind:2:answered"};
        String[] earlier = {"ask:1:open", "ask:1:remind:1", "ask:1:remind:2"};

        assertThat(outbox.enqueueAfterEach(orgId, keys, earlier, OutboxOperation.UPDATE, "{\"text\":\"done\"}"))
                .as("remind:2 was never queued")
                .isEqualTo(2);
        assertThat(outbox.enqueueAfterEach(orgId, keys, earlier, OutboxOperation.UPDATE, "{}"))
                .isZero();

        OutboxMessage update =
                outbox.findByKey(orgId, "ask:1:remind:1:answered").orElseThrow();
        assertThat(update.operation()).isEqualTo(OutboxOperation.UPDATE);
        assertThat(update.earlierKey()).isEqualTo("ask:1:remind:1");
        assertThat(update.target()).isEqualTo("U1");
        assertThat(update.payload()).isEqualTo("{\"text\": \"done\"}");
    }

    @Test
    void queuesNothingForAnEmptyList() {
        assertThat(outbox.enqueueAll(List.of())).isEmpty();
    }

    private NewOutboxMessage dm(String key, String userId) {
        return new NewOutboxMessage(orgId, key, Platform.SLACK, TargetKind.USER, userId, "{}", null);
    }
}
