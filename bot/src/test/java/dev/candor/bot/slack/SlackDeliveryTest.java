package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.outbox.RetryPolicy;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox through the real Slack gateway to a fake Slack Web API: pacing, 429, 5xx, permanent errors. */
class SlackDeliveryTest {
    /** A thousand messages paced per channel by two nodes take a while on a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(20);

    private FakeSlack slack;
    private Database database;
    private Candor candor;
    private long orgId;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        DeliveryConfig delivery =
                DeliveryConfig.defaults().withRetry(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(400)));
        candor = start(delivery);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0ACME", "Acme")
                .id();
    }

    private Candor start(DeliveryConfig delivery) {
        return Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                Candor.Options.defaults().withDelivery(delivery));
    }

    @AfterEach
    void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void deliversTheKudosDmToTheRecipient() throws Exception {
        slack.user("U0GIL", "Gil", "gil@acme.test", "UTC", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);

        new SlackClient(candor.port()).command("/kudos", "<@U0ANA|ana> thanks for the release notes", "U0GIL");

        await("the DM reaches Ana").atMost(WAIT).pollInterval(POLL).until(() -> slack.postedMessages().stream()
                .anyMatch(body -> body.contains("channel=D0ANA")));
        String posted = slack.postedMessages().stream()
                .filter(body -> body.contains("channel=D0ANA"))
                .findFirst()
                .orElseThrow();
        assertThat(posted)
                .contains("channel=D0ANA")
                .contains("You received kudos from")
                .contains("\\u003c@U0GIL\\u003e");
        assertThat(posted).contains("thanks for the release notes");
        await("the DM and the channel post are sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> countSent() == 2);
        assertThat(slack.postedMessages())
                .anySatisfy(
                        body -> assertThat(body).contains("channel=C0GENERAL").contains("received kudos from"));
    }

    @Test
    void waitsForRetryAfterWhenSlackSays429() throws Exception {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("Retry-After", "2"));

        queue("rate-limited", "U0ANA");

        await("the rate-limited message is sent")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> statusOf("rate-limited") == OutboxStatus.SENT);
        List<LoggedRequest> calls = postMessageCalls();
        assertThat(calls).hasSize(2);
        Instant first = calls.get(0).getLoggedDate().toInstant();
        Instant second = calls.get(1).getLoggedDate().toInstant();
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(message("rate-limited").attempts()).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsUntilSent() throws Exception {
        stubOnceThenOk(aResponse().withStatus(500).withBody("oops"));

        queue("server-error", "U0ANA");

        await("the message is sent after the 500")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> statusOf("server-error") == OutboxStatus.SENT);
        assertThat(postMessageCalls()).hasSize(2);
        assertThat(message("server-error").attempts()).isEqualTo(2);
    }

    @Test
    void parksUserNotFoundAsFailedWithoutRetrying() throws Exception {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));

        queue("gone", "U0GONE");

        // Parked and nothing left to send: the worker is done with it, so one call now means it never retried.
        await("the message is parked")
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> statusOf("gone") == OutboxStatus.FAILED && nothingLeftToSend());
        assertThat(message("gone").lastError()).isEqualTo("user_not_found");
        assertThat(postMessageCalls()).hasSize(1);
    }

    @Test
    void twoNodesDeliverAThousandMessagesExactlyOnce() throws Exception {
        try (Candor second = start(DeliveryConfig.defaults())) {
            database.jdbi().useTransaction(handle -> {
                for (int i = 0; i < 1_000; i++) {
                    Outbox.toUser(handle, orgId, Platform.SLACK, "U" + i, "bulk:" + i, Message.of("hello " + i));
                }
            });

            await("all are sent").atMost(WAIT).pollInterval(POLL).until(() -> countSent() == 1_000);
        }
        List<String> posted = slack.postedMessages();
        assertThat(posted).hasSize(1_000);
        assertThat(new HashSet<>(posted)).hasSize(1_000);
        Map<String, Object> claimedBy = database.jdbi()
                .withHandle(handle -> handle.select("SELECT count(DISTINCT claimed_by) AS nodes FROM outbox")
                        .mapToMap()
                        .one());
        assertThat(((Number) claimedBy.get("nodes")).intValue()).isEqualTo(2);
    }

    private void stubOnceThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure.withHeader("Content-Type", "application/json"))
                .willSetStateTo("recovered"));
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));
    }

    private void queue(String key, String userId) {
        database.jdbi()
                .useTransaction(handle -> Outbox.toUser(handle, orgId, Platform.SLACK, userId, key, Message.of("hi")));
    }

    private List<LoggedRequest> postMessageCalls() {
        return slack.server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    private OutboxMessage message(String key) {
        return database.jdbi().onDemand(OutboxDao.class).findByKey(orgId, key).orElseThrow();
    }

    private OutboxStatus statusOf(String key) {
        return database.jdbi()
                .onDemand(OutboxDao.class)
                .findByKey(orgId, key)
                .map(OutboxMessage::status)
                .orElse(null);
    }

    private String latestKey() {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT idempotency_key FROM outbox ORDER BY id DESC LIMIT 1")
                        .mapTo(String.class)
                        .one());
    }

    private long countSent() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM outbox WHERE status = 'sent'")
                .mapTo(Long.class)
                .one());
    }

    private boolean nothingLeftToSend() {
        Map<OutboxStatus, Long> byStatus =
                database.jdbi().onDemand(OutboxDao.class).countByStatus();
        return !byStatus.containsKey(OutboxStatus.PENDING) && !byStatus.containsKey(OutboxStatus.SENDING);
    }
}
