package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies, thread posts and updates through the outbox worker and the real Slack gateway to a fake Slack: they go to
 * the channel {@code chat.postMessage} answered (a DM's D… id), with {@code thread_ts} or by {@code chat.update}.
 */
class SlackThreadsAndUpdatesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    /** What the fake Slack answers every chat.postMessage with. */
    private static final String DM_CHANNEL = "D0DM";

    private static final String ASK_TS = "1700000000.000100";

    private FakeSlack slack;
    private Database database;
    private Candor candor;
    private long orgId;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0ACME", "Acme")
                .id();
    }

    @AfterEach
    void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void anAnsweredAskReplacesTheDirectMessageInTheChannelSlackOpenedForIt() {
        queueAsk("ask:1:open", "U0ANA");
        awaitStatus("ask:1:open", OutboxStatus.SENT);

        inTransaction(handle -> Outbox.update(handle, orgId, "ask:1:answered", "ask:1:open", Message.of("answered ✓")));

        awaitStatus("ask:1:answered", OutboxStatus.SENT);
        Map<String, String> update = slack.calls("chat.update").get(0);
        assertThat(update)
                .containsEntry("channel", DM_CHANNEL)
                .containsEntry("ts", ASK_TS)
                .containsEntry("text", "answered ✓");
        assertThat(update.get("blocks")).contains("answered ✓");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    void queueingTheSameUpdateTwiceUpdatesOnce() {
        queueAsk("ask:2:open", "U0ANA");

        boolean first = inTransaction(handle -> Outbox.update(handle, orgId, "ask:2:done", "ask:2:open", done()));
        boolean again = inTransaction(handle -> Outbox.update(handle, orgId, "ask:2:done", "ask:2:open", done()));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        awaitStatus("ask:2:done", OutboxStatus.SENT);
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    void aReplyGoesIntoTheThreadOfTheDirectMessage() {
        queueAsk("ask:3:open", "U0ANA");

        inTransaction(handle -> Outbox.replyTo(handle, orgId, "ask:3:note", "ask:3:open", Message.of("a note")));

        awaitStatus("ask:3:note", OutboxStatus.SENT);
        Map<String, String> reply = slack.calls("chat.postMessage").get(1);
        assertThat(reply)
                .containsEntry("channel", DM_CHANNEL)
                .containsEntry("thread_ts", ASK_TS)
                .containsEntry("text", "a note");
        assertThat(slack.calls("chat.postMessage").get(0)).doesNotContainKey("thread_ts");
    }

    @Test
    void aPostAddressedToAThreadCarriesItsThreadTs() {
        inTransaction(handle -> Outbox.toThread(
                handle, orgId, Platform.SLACK, "C0GENERAL", "1699999999.000900", "thread:1", Message.of("in thread")));

        awaitStatus("thread:1", OutboxStatus.SENT);
        assertThat(slack.calls("chat.postMessage").get(0))
                .containsEntry("channel", "C0GENERAL")
                .containsEntry("thread_ts", "1699999999.000900");
        assertThat(message("thread:1").threadId()).isEqualTo("1699999999.000900");
    }

    @Test
    void anUpdateSlackRefusesIsParkedWithSlacksReason() {
        slack.server.stubFor(post(urlEqualTo("/api/chat.update"))
                .atPriority(1)
                .withRequestBody(containing("ts=" + ASK_TS))
                .willReturn(okJson("{\"ok\":false,\"error\":\"message_not_found\"}")));
        queueAsk("ask:4:open", "U0ANA");

        inTransaction(handle -> Outbox.update(handle, orgId, "ask:4:answered", "ask:4:open", Message.of("✓")));

        awaitStatus("ask:4:answered", OutboxStatus.FAILED);
        assertThat(message("ask:4:answered").lastError()).isEqualTo("message_not_found");
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    void anUpdateOfADirectMessageThatFailedIsParkedWithoutCallingSlack() {
        // Slack says the person is gone when their DM is opened: the ask is never posted
        slack.fail("conversations.open", "users=U0GONE", "user_not_found");
        queueAsk("ask:5:open", "U0GONE");

        inTransaction(handle -> Outbox.update(handle, orgId, "ask:5:answered", "ask:5:open", Message.of("✓")));

        awaitStatus("ask:5:answered", OutboxStatus.FAILED);
        assertThat(message("ask:5:answered").lastError()).isEqualTo("earlier_failed");
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    private static Message done() {
        return Message.of("✓");
    }

    private void queueAsk(String key, String userId) {
        inTransaction(handle -> Outbox.toUser(handle, orgId, Platform.SLACK, userId, key, Message.of("please answer")));
    }

    private <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        return database.jdbi().inTransaction(work);
    }

    private OutboxMessage message(String key) {
        return database.jdbi().onDemand(OutboxDao.class).findByKey(orgId, key).orElseThrow();
    }

    private void awaitStatus(String key, OutboxStatus status) {
        await(key + " is " + status).atMost(WAIT).pollInterval(POLL).until(() -> database.jdbi()
                .onDemand(OutboxDao.class)
                .findByKey(orgId, key)
                .map(found -> found.status() == status)
                .orElse(false));
    }
}
