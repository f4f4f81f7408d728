package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static dev.candor.bot.teams.TeamsServer.BOT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.outbox.DeliveryWorker;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies and updates through the outbox worker and the real Teams gateway to a fake Bot Connector: an update is an
 * {@code updateActivity} of the activity the earlier message was sent as, in its conversation; a reply in a channel
 * goes into the post's thread ({@code ;messageid=}), in a chat it replies to the activity.
 */
class TeamsThreadsAndUpdatesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String CHANNEL = "19:general@thread.tacv2";

    private FakeBotFramework microsoft;
    private Database database;
    private DeliveryWorker worker;
    private long orgId;

    @BeforeEach
    void start() {
        microsoft = new FakeBotFramework();
        database = TestDatabase.fresh();
        TeamsModule module = new TeamsModule(
                TeamsServer.config(microsoft.metadataUrl()).teams(), new FixedTokenCredentials(APP_ID, "token"));
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertTeams(TestActivity.TENANT, "Acme", microsoft.serviceUrl())
                .id();
        worker = new DeliveryWorker(
                database, module.gateway(database.jdbi()), DeliveryConfig.defaults(), new SimpleMeterRegistry());
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.close();
        database.close();
        microsoft.close();
    }

    @Test
    void anAnsweredAskReplacesTheActivityInThePersonsChat() {
        directChat("29:ana", "a:dm-ana");
        microsoft.sendsTo("dm-ana", "ask-activity-1");
        inTransaction(handle -> Outbox.toUser(handle, orgId, Platform.TEAMS, "29:ana", "ask:1:open", ask()));
        awaitStatus("ask:1:open", OutboxStatus.SENT);

        inTransaction(handle -> Outbox.update(handle, orgId, "ask:1:answered", "ask:1:open", Message.of("answered ✓")));

        awaitStatus("ask:1:answered", OutboxStatus.SENT);
        LoggedRequest update = onlyOne(microsoft.updates());
        assertThat(FakeBotFramework.path(update)).isEqualTo("/v3/conversations/a:dm-ana/activities/ask-activity-1");
        JsonNode activity = FakeBotFramework.json(update);
        assertThat(activity.path("id").asText()).isEqualTo("ask-activity-1");
        assertThat(activity.path("summary").asText()).isEqualTo("answered ✓");
        assertThat(activity.path("from").path("id").asText()).isEqualTo(BOT_ID);
        assertThat(microsoft.sends()).hasSize(1);
        assertThat(message("ask:1:answered").platformMessageId()).isEqualTo("ask-activity-1");
    }

    @Test
    void aReplyInAChannelGoesIntoThePostsThread() {
        channel();
        microsoft.sendsTo("general", "post-1");
        inTransaction(handle -> Outbox.toConversation(handle, orgId, Platform.TEAMS, CHANNEL, "digest:1", ask()));
        awaitStatus("digest:1", OutboxStatus.SENT);

        inTransaction(handle -> Outbox.replyTo(handle, orgId, "digest:1:note", "digest:1", Message.of("a note")));

        awaitStatus("digest:1:note", OutboxStatus.SENT);
        List<LoggedRequest> sends = microsoft.sends();
        assertThat(sends)
                .extracting(FakeBotFramework::path)
                .containsExactly(
                        "/v3/conversations/" + CHANNEL + "/activities",
                        "/v3/conversations/" + CHANNEL + ";messageid=post-1/activities");
        JsonNode reply = FakeBotFramework.json(sends.get(1));
        assertThat(reply.path("replyToId").asText()).isEqualTo("post-1");
        assertThat(reply.path("conversation").path("id").asText()).isEqualTo(CHANNEL + ";messageid=post-1");
        OutboxMessage sent = message("digest:1:note");
        assertThat(sent.threadId()).isEqualTo("post-1");
        assertThat(sent.platformChannel()).isEqualTo(CHANNEL);
    }

    @Test
    void aReplyInAChatRepliesToTheActivity() {
        directChat("29:li", "a:dm-li");
        microsoft.sendsTo("dm-li", "ask-activity-2");
        inTransaction(handle -> Outbox.toUser(handle, orgId, Platform.TEAMS, "29:li", "ask:2:open", ask()));

        inTransaction(handle -> Outbox.replyTo(handle, orgId, "ask:2:note", "ask:2:open", Message.of("a note")));

        awaitStatus("ask:2:note", OutboxStatus.SENT);
        LoggedRequest reply = onlyOne(microsoft.replies());
        assertThat(FakeBotFramework.path(reply)).isEqualTo("/v3/conversations/a:dm-li/activities/ask-activity-2");
        assertThat(FakeBotFramework.json(reply).path("replyToId").asText()).isEqualTo("ask-activity-2");
    }

    @Test
    void anUpdateTeamsRefusesIsParkedWithItsReason() {
        directChat("29:kim", "a:dm-kim");
        microsoft.server.stubFor(put(urlPathMatching(FakeBotFramework.REPLY))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{}")));
        inTransaction(handle -> Outbox.toUser(handle, orgId, Platform.TEAMS, "29:kim", "ask:3:open", ask()));

        inTransaction(handle -> Outbox.update(handle, orgId, "ask:3:answered", "ask:3:open", Message.of("✓")));

        awaitStatus("ask:3:answered", OutboxStatus.FAILED);
        assertThat(message("ask:3:answered").lastError()).isEqualTo("conversation_not_found");
        assertThat(microsoft.updates()).hasSize(1);
    }

    @Test
    void anUpdateOfAMessageThatCouldNotBeSentIsParkedWithoutCallingTeams() {
        inTransaction(handle -> Outbox.toConversation(handle, orgId, Platform.TEAMS, "19:unknown", "post:9", ask()));

        inTransaction(handle -> Outbox.update(handle, orgId, "post:9:edit", "post:9", Message.of("✓")));

        awaitStatus("post:9:edit", OutboxStatus.FAILED);
        assertThat(message("post:9:edit").lastError()).isEqualTo("earlier_failed");
        assertThat(microsoft.updates()).isEmpty();
    }

    private static Message ask() {
        return Message.of("please answer");
    }

    private void directChat(String userId, String conversationId) {
        PersonDao people = database.jdbi().onDemand(PersonDao.class);
        Person person = people.insert(orgId, userId, null, "UTC", "en", false);
        people.insertIdentity(orgId, person.id(), Platform.TEAMS, userId, null);
        storeReference(conversationId, ConversationKind.DM, person.id(), "personal");
    }

    private void channel() {
        storeReference(CHANNEL, ConversationKind.CHANNEL, null, "channel");
    }

    private void storeReference(String conversationId, ConversationKind kind, Long personId, String type) {
        String reference =
                """
                {"channelId":"msteams","serviceUrl":"%s","bot":{"id":"%s","name":"Candor"},
                 "conversation":{"id":"%s","tenantId":"%s","conversationType":"%s"}}"""
                        .formatted(microsoft.serviceUrl(), BOT_ID, conversationId, TestActivity.TENANT, type);
        database.jdbi()
                .onDemand(ConversationDao.class)
                .upsert(orgId, Platform.TEAMS, conversationId, kind, personId, reference);
    }

    private static LoggedRequest onlyOne(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
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
