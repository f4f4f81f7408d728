package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.scheduler.outbox.OutboxRetention;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.TargetKind;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandorStartupTest {

    @Test
    void startsAndIsReadyWhenSlackIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Database database = TestDatabase.fresh();
                Candor candor = Candor.start(
                        TestConfigs.slack("secret", "http://127.0.0.1:" + closedPort + "/api/"),
                        database,
                        Candor.Options.defaults())) {
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + "/readyz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersUnconfiguredPlatformsWithWhatToSet() throws Exception {
        try (Database database = TestDatabase.fresh();
                Candor candor = Candor.start(
                        new Config(
                                "127.0.0.1",
                                0,
                                java.util.Optional.empty(),
                                java.nio.file.Path.of("target/unused"),
                                new Config.Slack(null, null, Config.DEFAULT_SLACK_API_URL),
                                new Config.Teams(null, null, null, "MultiTenant", null, false),
                                java.util.Optional.empty()),
                        database,
                        Candor.Options.defaults())) {
            HttpResponse<String> slack = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + "/slack/events"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(slack.statusCode()).isEqualTo(503);
            assertThat(slack.body()).contains("SLACK_SIGNING_SECRET");
        }
    }

    @Test
    void forgetsFinishedMessagesAsTheOperatorSet() {
        try (Database database = TestDatabase.fresh()) {
            long orgId = database.jdbi()
                    .onDemand(OrganisationDao.class)
                    .upsertSlack("T1", "Acme")
                    .id();
            sentDaysAgo(database, orgId, "sent-20d", 20);
            sentDaysAgo(database, orgId, "sent-2d", 2);
            sentDaysAgo(database, orgId, "sent-today", 0);
            Config slack = TestConfigs.slack("secret", "http://127.0.0.1:9/api/");
            Config config = new Config(
                    slack.host(),
                    slack.port(),
                    slack.databaseUrl(),
                    slack.dataDir(),
                    slack.slack(),
                    slack.teams(),
                    slack.encryptionKey(),
                    new OutboxRetention(1, 14));

            try (Candor candor = Candor.start(config, database, Candor.Options.defaults())) {
                OutboxDao outbox = database.jdbi().onDemand(OutboxDao.class);
                // The hourly job's first run is at start; the defaults (30 and 90 days) would touch none of these.
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findByKey(orgId, "sent-2d")
                        .map(message -> message.payload() == null)
                        .orElse(false));

                assertThat(outbox.findByKey(orgId, "sent-20d")).isEmpty();
                assertThat(outbox.findByKey(orgId, "sent-today").orElseThrow().payload())
                        .isNotNull();
            }
        }
    }

    private static void sentDaysAgo(Database database, long orgId, String key, int days) {
        database.jdbi().useHandle(handle -> {
            handle.attach(OutboxDao.class)
                    .enqueue(orgId, key, Platform.SLACK, TargetKind.CONVERSATION, "C1", "{\"text\":\"thanks\"}");
            handle.execute(
                    "UPDATE outbox SET status = 'sent', sent_at = ? WHERE idempotency_key = ?",
                    Instant.now().minus(Duration.ofDays(days)).minus(Duration.ofHours(1)),
                    key);
        });
    }
}
