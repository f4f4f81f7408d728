package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.outbox.EarlierMessage;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message in doubt is looked for in its conversation by the outbox key in its metadata before it is sent again. */
class SlackInDoubtTest {
    private static final Instant DOUBT_SINCE = Instant.parse("2026-03-02T09:00:00.250Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = new FakeSlack();
    private final Database database = TestDatabase.fresh();
    private final ChatGateway gateway =
            new SlackModule("secret", "xoxb-test-token", slack.apiUrl()).gateway(database.jdbi());

    /** The messages below belong to organisation 7. */
    @BeforeEach
    void organisation() {
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO organisations (id, name, slack_team_id) VALUES (7, 'Acme', 'T0ACME')"));
    }

    @AfterEach
    void stop() {
        database.close();
        slack.close();
    }

    @Test
    void everyPostCarriesItsOutboxKeyInItsMetadata() throws Exception {
        DeliveryResult result = gateway.deliver(message("kudos:42:post", TargetKind.CONVERSATION, "C0KUDOS", null));

        assertThat(result).isEqualTo(DeliveryResult.Sent.in("D0DM", "1700000000.000100"));
        JsonNode metadata = JSON.readTree(slack.calls("chat.postMessage").get(0).get("metadata"));
        assertThat(metadata.path("event_type").asText()).isEqualTo("candor_outbox");
        assertThat(metadata.path("event_payload").path("key").asText()).isEqualTo("7:kudos:42:post");
        assertThat(slack.calls("conversations.history")).isEmpty();
    }

    @Test
    void aMessageInDoubtThatIsInTheChannelIsNotPostedAgain() {
        history(
                "C0KUDOS",
                """
                {"ok":true,"messages":[
                  {"type":"message","ts":"1772442000.000900","text":"other"},
                  {"type":"message","ts":"1772442000.000500","text":"kudos",
                   "metadata":{"event_type":"candor_outbox","event_payload":{"key":"7:kudos:42:post"}}}],
                 "has_more":false}""");

        DeliveryResult result =
                gateway.deliver(message("kudos:42:post", TargetKind.CONVERSATION, "C0KUDOS", DOUBT_SINCE));

        assertThat(result).isEqualTo(new DeliveryResult.AlreadyDelivered("1772442000.000500", "C0KUDOS"));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        Map<String, String> lookup = slack.calls("conversations.history").get(0);
        assertThat(lookup)
                .containsEntry("channel", "C0KUDOS")
                .containsEntry("include_all_metadata", "true")
                .containsEntry("oldest", "1772441880.250000");
    }

    @Test
    void aMessageInDoubtThatIsNotThereIsPostedWithItsMetadata() {
        history(
                "C0KUDOS",
                """
                {"ok":true,"messages":[
                  {"type":"message","ts":"1772442000.000500",
                   "metadata":{"event_type":"candor_outbox","event_payload":{"key":"7:kudos:41:post"}}}]}""");

        DeliveryResult result =
                gateway.deliver(message("kudos:42:post", TargetKind.CONVERSATION, "C0KUDOS", DOUBT_SINCE));

        assertThat(result).isEqualTo(DeliveryResult.Sent.in("D0DM", "1700000000.000100"));
        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(post -> assertThat(post.get("metadata"))
                .contains("7:kudos:42:post"));
    }

    @Test
    void aDirectMessageIsLookedForInTheConversationSlackOpensForIt() {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.open"))
                .withRequestBody(containing("users=U0ANA"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0ANA\"}}")));
        history(
                "D0ANA",
                """
                {"ok":true,"messages":[{"type":"message","ts":"1772442001.000100",
                  "metadata":{"event_type":"candor_outbox","event_payload":{"key":"7:kudos:42:dm:U0ANA"}}}]}""");

        DeliveryResult result = gateway.deliver(message("kudos:42:dm:U0ANA", TargetKind.USER, "U0ANA", DOUBT_SINCE));

        assertThat(result).isEqualTo(new DeliveryResult.AlreadyDelivered("1772442001.000100", "D0ANA"));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void findsTheMessageOnALaterPage() {
        slack.server.stubFor(
                post(urlEqualTo("/api/conversations.history"))
                        .atPriority(2)
                        .willReturn(
                                okJson(
                                        """
                        {"ok":true,"messages":[{"type":"message","ts":"1772442003.000100"}],
                         "has_more":true,"response_metadata":{"next_cursor":"page2"}}""")));
        slack.server.stubFor(
                post(urlEqualTo("/api/conversations.history"))
                        .atPriority(1)
                        .withRequestBody(containing("cursor=page2"))
                        .willReturn(
                                okJson(
                                        """
                        {"ok":true,"messages":[{"type":"message","ts":"1772442002.000100",
                          "metadata":{"event_type":"candor_outbox","event_payload":{"key":"7:digest:9"}}}]}""")));

        DeliveryResult result = gateway.deliver(message("digest:9", TargetKind.CONVERSATION, "C0GEN", DOUBT_SINCE));

        assertThat(result).isEqualTo(new DeliveryResult.AlreadyDelivered("1772442002.000100", "C0GEN"));
        assertThat(slack.calls("conversations.history")).hasSize(2);
    }

    @Test
    void whenSlackWontShowTheHistoryTheMessageIsPostedAndCountedAsUnchecked() {
        slack.fail("conversations.history", "channel=C0PRIVATE", "missing_scope");

        DeliveryResult result =
                gateway.deliver(message("kudos:42:post", TargetKind.CONVERSATION, "C0PRIVATE", DOUBT_SINCE));

        assertThat(result)
                .isEqualTo(DeliveryResult.Sent.in("D0DM", "1700000000.000100").unchecked("missing_scope"));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aReplyInDoubtIsLookedForAmongTheRepliesOfItsThread() {
        slack.server.stubFor(
                post(urlEqualTo("/api/conversations.replies"))
                        .withRequestBody(containing("ts=1772441000.000100"))
                        .willReturn(
                                okJson(
                                        """
                        {"ok":true,"messages":[{"type":"message","ts":"1772441000.000100"},
                          {"type":"message","ts":"1772442004.000100","thread_ts":"1772441000.000100",
                           "metadata":{"event_type":"candor_outbox","event_payload":{"key":"7:ask:1:note"}}}]}""")));
        OutboxMessage reply = reply("ask:1:note", "ask:1:open", "U0ANA")
                .addressedAfter(new EarlierMessage(OutboxStatus.SENT, "1772441000.000100", "D0ANA", null, 0, false));

        DeliveryResult result = gateway.deliver(reply);

        assertThat(result).isEqualTo(new DeliveryResult.AlreadyDelivered("1772442004.000100", "D0ANA"));
        assertThat(slack.calls("conversations.replies").get(0)).containsEntry("channel", "D0ANA");
        assertThat(slack.calls("conversations.open")).isEmpty();
        assertThat(slack.calls("conversations.history")).isEmpty();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aRateLimitedLookupWaitsInsteadOfPosting() {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.history"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")));

        DeliveryResult result =
                gateway.deliver(message("kudos:42:post", TargetKind.CONVERSATION, "C0KUDOS", DOUBT_SINCE));

        assertThat(result).isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(4)));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aServerErrorOfThePostLeavesTheMessageInDoubt() {
        assertThat(SlackGateway.classify(200, null, "{\"ok\":false,\"error\":\"internal_error\"}"))
                .isEqualTo(new DeliveryResult.Transient("internal_error", true));
        assertThat(SlackGateway.classify(502, null, "bad gateway"))
                .isEqualTo(new DeliveryResult.Transient("http_502", true));
    }

    private void history(String channel, String answer) {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.history"))
                .withRequestBody(containing("channel=" + channel))
                .willReturn(okJson(answer)));
    }

    private static OutboxMessage message(String key, TargetKind kind, String target, Instant inDoubtSince) {
        return new OutboxMessage(
                1,
                7,
                key,
                Platform.SLACK,
                kind,
                target,
                MessageJson.write(Message.of("thanks")),
                OutboxStatus.SENDING,
                2,
                Instant.now(),
                null,
                null,
                Instant.now(),
                null,
                null,
                inDoubtSince);
    }

    /** A reply queued after the DM {@code earlierKey} sent, in doubt. */
    private static OutboxMessage reply(String key, String earlierKey, String userId) {
        OutboxMessage post = message(key, TargetKind.USER, userId, DOUBT_SINCE);
        return new OutboxMessage(
                post.id(),
                post.orgId(),
                key,
                Platform.SLACK,
                TargetKind.USER,
                userId,
                post.payload(),
                OutboxStatus.SENDING,
                2,
                post.nextAttemptAt(),
                null,
                null,
                post.createdAt(),
                null,
                null,
                DOUBT_SINCE,
                OutboxOperation.REPLY,
                null,
                earlierKey,
                null);
    }
}
