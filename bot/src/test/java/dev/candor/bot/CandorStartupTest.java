package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    void servesOnlyOnceThePoolHoldsItsMinimumOfConnectionsWhenOpeningThemIsSlow() throws Exception {
        try (Database database = TestDatabase.fresh()) {
            // A loaded machine: every new connection takes 150 ms to log in, and the pool has to open them all again.
            database.jdbi()
                    .useHandle(
                            handle -> handle.execute(
                                    """
                    CREATE FUNCTION slow_login() RETURNS event_trigger LANGUAGE plpgsql AS
                    $$ BEGIN PERFORM pg_sleep(0.15); END $$;
                    CREATE EVENT TRIGGER slow_login ON login EXECUTE FUNCTION slow_login();
                    """));
            HikariPoolMXBean pool =
                    database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
            int minimumIdle =
                    database.dataSource().unwrap(HikariDataSource.class).getMinimumIdle();
            pool.softEvictConnections();

            try (Candor candor = Candor.start(nothingConfigured("127.0.0.1"), database, Candor.Options.defaults())) {
                assertThat(pool.getTotalConnections()).isGreaterThanOrEqualTo(minimumIdle);
                assertThat(pool.getIdleConnections()).isPositive();
                assertThat(post(candor, "/slack/events", "{}").statusCode()).isEqualTo(503);
                int one = database.jdbi()
                        .withHandle(handle ->
                                handle.select("SELECT 1").mapTo(Integer.class).one());
                assertThat(one).isEqualTo(1);
            }
        }
    }

    @Test
    void answersUnconfiguredPlatformsWithWhatToSet() throws Exception {
        try (Database database = TestDatabase.fresh();
                LogCapture logs = new LogCapture();
                Candor candor = Candor.start(nothingConfigured("127.0.0.1"), database, Candor.Options.defaults())) {
            HttpResponse<String> slack = post(candor, "/slack/events", "{}");
            HttpResponse<String> teams = post(candor, "/api/messages", "{\"type\":\"message\"}");

            assertThat(slack.statusCode()).isEqualTo(503);
            assertThat(slack.body()).contains("SLACK_SIGNING_SECRET");
            assertThat(teams.statusCode()).isEqualTo(401);
            String requestId = teams.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(teams.body())
                    .contains("Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD")
                    .contains("\"requestId\":\"" + requestId + "\"");
            assertThat(logs.lines())
                    .filteredOn(line -> line.contains("/api/messages"))
                    .singleElement(STRING)
                    .startsWith("WARN")
                    .contains("401");
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

    @Test
    void refusesToStartWithoutTeamsAuthenticationOnAnAddressOtherMachinesReach() {
        Config base = nothingConfigured("0.0.0.0");
        Config emulatorInPublic = new Config(
                base.host(),
                base.port(),
                base.databaseUrl(),
                base.dataDir(),
                base.slack(),
                new Config.Teams(null, null, null, "MultiTenant", null, Config.DEFAULT_MICROSOFT_LOGIN_URL, true),
                base.encryptionKey());

        try (Database database = TestDatabase.fresh()) {
            assertThatThrownBy(() -> Candor.start(emulatorInPublic, database, Candor.Options.defaults())
                            .close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("loopback");
        }
    }

    private static Config nothingConfigured(String host) {
        return new Config(
                host,
                0,
                Optional.empty(),
                Path.of("target/unused"),
                new Config.Slack(null, null, Config.DEFAULT_SLACK_API_URL),
                Config.Teams.off(),
                Optional.empty());
    }

    private static HttpResponse<String> post(Candor candor, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
