package dev.candor.bot.teams;

import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static dev.candor.bot.teams.TeamsServer.BOT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.TargetKind;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proactive sends from the outbox: stored conversations, new 1:1 chats, and what the Bot Connector's answers mean. */
class TeamsGatewayTest {
    private static final String TENANT = TestActivity.TENANT;
    private static final String TOKEN = "gateway-test-token";
    private static final Message KUDOS = new Message(
            "You received kudos from Gil: thanks",
            List.of(new Block.Section(Text.builder()
                    .plain("🎉 You received kudos from ")
                    .person("29:gil", "Gil Giver")
                    .build())));
    private static final AtomicInteger keys = new AtomicInteger();

    private static FakeBotFramework microsoft;
    private static Database database;
    private static ChatGateway gateway;
    private static long orgId;

    @BeforeAll
    static void start() {
        microsoft = new FakeBotFramework();
        database = TestDatabase.fresh();
        TeamsModule module = new TeamsModule(
                TeamsServer.config(microsoft.metadataUrl()).teams(), new FixedTokenCredentials(APP_ID, TOKEN));
        gateway = module.gateway(database.jdbi());
        orgId = jdbi().onDemand(OrganisationDao.class)
                .upsertTeams(TENANT, "Acme", microsoft.serviceUrl())
                .id();
    }

    @AfterAll
    static void stop() {
        database.close();
        microsoft.close();
    }

    @BeforeEach
    void reset() {
        microsoft.reset();
    }

    private static Jdbi jdbi() {
        return database.jdbi();
    }

    @Test
    void deliversADirectMessageThroughTheStoredChat() {
        Person ana = person("29:ana", "Ana Lopez");
        storeReference("a:dm-ana", ConversationKind.DM, ana.id(), "29:ana", microsoft.serviceUrl());

        DeliveryResult result = gateway.deliver(queued(TargetKind.USER, "29:ana"));

        assertThat(result).isEqualTo(DeliveryResult.Sent.in("a:dm-ana", "sent-1"));
        assertThat(microsoft.conversationsCreated()).isEmpty();
        LoggedRequest send = onlySend();
        assertThat(FakeBotFramework.path(send)).isEqualTo("/v3/conversations/a:dm-ana/activities");
        assertThat(send.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode activity = FakeBotFramework.json(send);
        assertThat(activity.path("type").asText()).isEqualTo("message");
        assertThat(activity.path("from").path("id").asText()).isEqualTo(BOT_ID);
        assertThat(activity.path("recipient").path("id").asText()).isEqualTo("29:ana");
        assertThat(activity.path("summary").asText()).isEqualTo("You received kudos from Gil: thanks");
        JsonNode card = activity.path("attachments").get(0);
        assertThat(card.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        assertThat(card.path("content").path("msteams").path("entities").findValuesAsText("id"))
                .containsExactly("29:gil");
    }

    @Test
    void opensADirectChatWhenCandorHasNoneAndKeepsIt() {
        Person li = person("29:li", "Li");

        DeliveryResult first = gateway.deliver(queued(TargetKind.USER, "29:li"));
        DeliveryResult second = gateway.deliver(queued(TargetKind.USER, "29:li"));

        assertThat(first).isEqualTo(DeliveryResult.Sent.in("a:chat-29:li", "sent-1"));
        assertThat(second).isEqualTo(DeliveryResult.Sent.in("a:chat-29:li", "sent-1"));
        List<LoggedRequest> created = microsoft.conversationsCreated();
        assertThat(created).hasSize(1);
        JsonNode parameters = FakeBotFramework.json(created.get(0));
        assertThat(parameters.path("members").findValuesAsText("id")).containsExactly("29:li");
        assertThat(parameters.path("isGroup").asBoolean(true)).isFalse();
        assertThat(parameters.path("tenantId").asText()).isEqualTo(TENANT);
        assertThat(parameters.path("channelData").path("tenant").path("id").asText())
                .isEqualTo(TENANT);
        assertThat(parameters.path("bot").path("id").asText()).isEqualTo(BOT_ID);
        assertThat(microsoft.sends())
                .extracting(FakeBotFramework::path)
                .containsOnly("/v3/conversations/a:chat-29:li/activities");
        assertThat(jdbi().onDemand(ConversationDao.class).findDm(orgId, Platform.TEAMS, li.id()))
                .hasValueSatisfying(dm -> assertThat(dm.conversationId()).isEqualTo("a:chat-29:li"));
    }

    /**
     * People picked in a form whom Candor couldn't look up are addressed by Azure AD object id. Teams opens a 1:1
     * chat with an object id as the member id (not in {@code aadObjectId}, which it answers with 400), provided the
     * person has the app installed.
     */
    @Test
    void opensADirectChatWithSomeoneKnownOnlyByObjectId() {
        String objectId = "9a8b7c6d-0000-4e5f-8a9b-00000000c0de";
        PersonDao people = jdbi().onDemand(PersonDao.class);
        Person zed = people.insert(orgId, "Zed", null, "UTC", "en", false);
        people.insertIdentity(orgId, zed.id(), Platform.TEAMS, objectId, objectId);

        DeliveryResult sent = gateway.deliver(queued(TargetKind.USER, objectId));

        assertThat(sent).isInstanceOf(DeliveryResult.Sent.class);
        JsonNode parameters =
                FakeBotFramework.json(microsoft.conversationsCreated().get(0));
        assertThat(parameters.path("members").findValuesAsText("id")).containsExactly(objectId);
        assertThat(FakeBotFramework.path(onlySend())).isEqualTo("/v3/conversations/a:chat-" + objectId + "/activities");
        assertThat(jdbi().onDemand(ConversationDao.class).findDm(orgId, Platform.TEAMS, zed.id()))
                .hasValueSatisfying(dm -> assertThat(dm.conversationId()).isEqualTo("a:chat-" + objectId));

        // Zed writes to Candor and gets his Teams id; messages queued for his object id still find his chat.
        people.upgradeTeamsIdentity(orgId, objectId, "29:zed");
        microsoft.reset();

        assertThat(gateway.deliver(queued(TargetKind.USER, objectId))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(microsoft.conversationsCreated()).isEmpty();
        assertThat(FakeBotFramework.path(onlySend())).isEqualTo("/v3/conversations/a:chat-" + objectId + "/activities");
    }

    @Test
    void postsToAStoredConversation() {
        storeReference("19:general@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());

        DeliveryResult result = gateway.deliver(queued(TargetKind.CONVERSATION, "19:general@thread.tacv2"));

        assertThat(result).isEqualTo(DeliveryResult.Sent.in("19:general@thread.tacv2", "sent-1"));
        assertThat(FakeBotFramework.path(onlySend())).isEqualTo("/v3/conversations/19:general@thread.tacv2/activities");
    }

    @Test
    void waitsAsLongAsTeamsAsksWhenRateLimited() {
        storeReference("19:busy@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());
        microsoft.failSends(429, "7");

        DeliveryResult result = gateway.deliver(queued(TargetKind.CONVERSATION, "19:busy@thread.tacv2"));

        assertThat(result).isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(7)));
    }

    @Test
    void givesUpWhenCandorWasRemovedFromTheConversation() {
        storeReference("19:left@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());
        microsoft.failSends(403, null);

        DeliveryResult result = gateway.deliver(queued(TargetKind.CONVERSATION, "19:left@thread.tacv2"));

        assertThat(result).isEqualTo(new DeliveryResult.Permanent("bot_removed"));
    }

    @Test
    void givesUpOnAConversationTeamsDoesNotKnow() {
        storeReference("19:gone@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());
        microsoft.failSends(404, null);

        DeliveryResult result = gateway.deliver(queued(TargetKind.CONVERSATION, "19:gone@thread.tacv2"));

        assertThat(result).isEqualTo(new DeliveryResult.Permanent("conversation_not_found"));
    }

    @Test
    void retriesLaterWhenTeamsFailsOrAsksToBackOff() {
        storeReference("19:flaky@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());

        microsoft.failSends(500, null);
        DeliveryResult serverError = gateway.deliver(queued(TargetKind.CONVERSATION, "19:flaky@thread.tacv2"));
        microsoft.failSends(412, null);
        DeliveryResult preconditionFailed = gateway.deliver(queued(TargetKind.CONVERSATION, "19:flaky@thread.tacv2"));

        assertThat(serverError).isEqualTo(new DeliveryResult.Transient("http_500"));
        assertThat(preconditionFailed).isEqualTo(new DeliveryResult.Transient("http_412"));
        // Exactly one attempt each: the worker, not the HTTP client, decides about retries.
        assertThat(microsoft.sends()).hasSize(2);
    }

    @Test
    void retriesLaterWhenTheConnectorIsUnreachable() {
        storeReference("19:offline@thread.tacv2", ConversationKind.CHANNEL, null, null, "http://127.0.0.1:1/");

        DeliveryResult result = gateway.deliver(queued(TargetKind.CONVERSATION, "19:offline@thread.tacv2"));

        assertThat(result).isEqualTo(DeliveryResult.Transient.notSent("connect_error"));
    }

    @Test
    void sendsAMessageInDoubtAgainAndSaysItCouldNotLookFirst() {
        storeReference("19:doubt@thread.tacv2", ConversationKind.CHANNEL, null, null, microsoft.serviceUrl());

        DeliveryResult result = gateway.deliver(inDoubt(queued(TargetKind.CONVERSATION, "19:doubt@thread.tacv2")));

        assertThat(result)
                .isEqualTo(DeliveryResult.Sent.in("19:doubt@thread.tacv2", "sent-1")
                        .unchecked(TeamsGateway.NO_HISTORY));
        assertThat(onlySend()).isNotNull();
    }

    @Test
    void aGatewayTimeoutMayHaveReachedTeamsButAFailedChatOpeningSentNothing() {
        Person kim = person("29:kim", "Kim");
        storeReference("a:dm-kim", ConversationKind.DM, kim.id(), "29:kim", microsoft.serviceUrl());
        microsoft.failSends(504, null);
        DeliveryResult gatewayTimeout = gateway.deliver(queued(TargetKind.USER, "29:kim"));
        person("29:max", "Max");
        microsoft.failNewChats(503);
        DeliveryResult noChat = gateway.deliver(queued(TargetKind.USER, "29:max"));

        assertThat(gatewayTimeout).isEqualTo(new DeliveryResult.Transient("http_504", true));
        assertThat(noChat).isEqualTo(DeliveryResult.Transient.notSent("http_503"));
    }

    @Test
    void parksSomeoneTeamsWontOpenAChatWithAndRemembersWhy() {
        person("29:una", "Una");
        person("29:vic", "Vic");
        microsoft.failNewChats(403);
        DeliveryResult notInstalled = gateway.deliver(queued(TargetKind.USER, "29:una"));
        microsoft.failNewChats(404);
        DeliveryResult unknown = gateway.deliver(queued(TargetKind.USER, "29:vic"));

        assertThat(notInstalled).isEqualTo(new DeliveryResult.Permanent("not_installed_for_user"));
        assertThat(unknown).isEqualTo(new DeliveryResult.Permanent("teams_user_not_found"));
        assertThat(microsoft.sends()).isEmpty();
        assertThat(Rows.strings(
                        jdbi(),
                        "SELECT platform_user_id || ' ' || reason FROM reach_failures WHERE org_id = ? ORDER BY 1",
                        orgId))
                .containsExactly("29:una not_installed_for_user", "29:vic teams_user_not_found");
    }

    @Test
    void givesUpWithoutAConversationReference() {
        long orgWithoutServiceUrl = jdbi().onDemand(OrganisationDao.class)
                .upsertTeams("00000000-0000-0000-0000-0000000000aa", "New tenant", null)
                .id();

        DeliveryResult unknownConversation = gateway.deliver(queued(TargetKind.CONVERSATION, "19:never@thread.v2"));
        DeliveryResult unreachablePerson = gateway.deliver(record(orgWithoutServiceUrl, TargetKind.USER, "29:zoe"));

        assertThat(unknownConversation).isEqualTo(new DeliveryResult.Permanent("no_conversation_reference"));
        assertThat(unreachablePerson).isEqualTo(new DeliveryResult.Permanent("no_conversation_reference"));
        assertThat(microsoft.connectorCalls()).isEmpty();
    }

    private static LoggedRequest onlySend() {
        List<LoggedRequest> sends = microsoft.sends();
        assertThat(sends).hasSize(1);
        return sends.get(0);
    }

    private static Person person(String userId, String name) {
        PersonDao people = jdbi().onDemand(PersonDao.class);
        Person person = people.insert(orgId, name, null, "UTC", "en", false);
        people.insertIdentity(orgId, person.id(), Platform.TEAMS, userId, null);
        return person;
    }

    private static void storeReference(
            String conversationId, ConversationKind kind, Long personId, String userId, String serviceUrl) {
        String user = userId == null ? "" : ",\"user\":{\"id\":\"" + userId + "\"}";
        String reference =
                """
                {"channelId":"msteams","serviceUrl":"%s","bot":{"id":"%s","name":"Candor"},
                 "conversation":{"id":"%s","tenantId":"%s","conversationType":"%s"}%s}"""
                        .formatted(
                                serviceUrl,
                                BOT_ID,
                                conversationId,
                                TENANT,
                                kind == ConversationKind.DM ? "personal" : "channel",
                                user);
        jdbi().onDemand(ConversationDao.class).upsert(orgId, Platform.TEAMS, conversationId, kind, personId, reference);
    }

    /** A message queued the way handlers queue them, then claimed the way the delivery worker claims it. */
    private static OutboxMessage queued(TargetKind kind, String target) {
        String key = "gateway-test:" + keys.incrementAndGet();
        return jdbi().inTransaction(handle -> {
            if (kind == TargetKind.USER) {
                Outbox.toUser(handle, orgId, Platform.TEAMS, target, key, KUDOS);
            } else {
                Outbox.toConversation(handle, orgId, Platform.TEAMS, target, key, KUDOS);
            }
            handle.attach(OutboxDao.class).claimDue("test-worker", 100, Duration.ofMinutes(1));
            return handle.attach(OutboxDao.class).findByKey(orgId, key).orElseThrow();
        });
    }

    private static OutboxMessage inDoubt(OutboxMessage message) {
        return new OutboxMessage(
                message.id(),
                message.orgId(),
                message.idempotencyKey(),
                message.platform(),
                message.targetKind(),
                message.target(),
                message.payload(),
                message.status(),
                message.attempts(),
                message.nextAttemptAt(),
                message.lastError(),
                message.platformMessageId(),
                message.createdAt(),
                message.sentAt(),
                message.replyUrl(),
                Instant.now());
    }

    private static OutboxMessage record(long org, TargetKind kind, String target) {
        return new OutboxMessage(
                0,
                org,
                "gateway-test:" + keys.incrementAndGet(),
                Platform.TEAMS,
                kind,
                target,
                MessageJson.write(KUDOS),
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
