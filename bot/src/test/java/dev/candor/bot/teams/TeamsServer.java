package dev.candor.bot.teams;

import static org.awaitility.Awaitility.await;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Candor running for real on loopback with Teams on, a fresh database, and WireMock as Microsoft's servers; plus an
 * HTTP client that posts activities to {@code /api/messages} as Teams does.
 */
public final class TeamsServer implements AutoCloseable {
    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final String BOT_ID = "28:" + APP_ID;
    static final String OUTBOUND_TOKEN = "outbound-test-token";

    public final FakeBotFramework microsoft = new FakeBotFramework();
    final Database database;
    final Candor candor;
    private final boolean ownsDatabase;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TeamsServer() {
        this(TestDatabase.fresh(), true);
    }

    /** On a database the caller keeps (and closes). */
    TeamsServer(Database database) {
        this(database, false, Clock.systemUTC());
    }

    /** With Candor's time fixed (tokens are still checked against the real time). */
    TeamsServer(Clock clock) {
        this(TestDatabase.fresh(), true, clock);
    }

    private TeamsServer(Database database, boolean ownsDatabase) {
        this(database, ownsDatabase, Clock.systemUTC());
    }

    private TeamsServer(Database database, boolean ownsDatabase, Clock clock) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        candor = Candor.start(
                config(microsoft.metadataUrl()),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null)
                        .withTeamsCredentials(new FixedTokenCredentials(APP_ID, OUTBOUND_TOKEN)));
    }

    static Config config(String metadataUrl) {
        return new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                Path.of("target/unused-data"),
                new Config.Slack(null, null, Config.DEFAULT_SLACK_API_URL),
                new Config.Teams(
                        APP_ID,
                        "test-app-password",
                        null,
                        "MultiTenant",
                        metadataUrl,
                        Config.DEFAULT_MICROSOFT_LOGIN_URL,
                        false),
                Optional.of(ENCRYPTION_KEY.clone()));
    }

    /** A fixed CANDOR_ENCRYPTION_KEY: anonymous answers can be changed and replied to. */
    static final byte[] ENCRYPTION_KEY =
            "teams-test-encryption-key-32-byt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Waits until the outbox has nothing due (or about to be due, after pacing) left to send, so that what an earlier
     * test queued (posts, DMs) doesn't reach the fake Bot Connector while the next test watches it. Fails if the
     * outbox never settles: a test that went on would watch the wrong messages.
     */
    void awaitOutboxIdle() {
        await("the outbox has nothing due to send")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbi().withHandle(handle -> handle.select(
                                        """
                                        SELECT count(*) FROM outbox WHERE status = 'sending'
                                            OR (status = 'pending' AND next_attempt_at <= now() + interval '5 seconds')
                                        """)
                                .mapTo(Long.class)
                                .one())
                        == 0);
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** Posts an activity with a valid channel token for the fake's service URL. */
    public HttpResponse<String> post(String activity) throws IOException, InterruptedException {
        return post(activity, TestTokens.valid(APP_ID, microsoft.serviceUrl()));
    }

    HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
        return post(candor.port(), body, authorization);
    }

    /** Posts to the Candor on this port, with this Authorization header (or none for null). */
    static HttpResponse<String> post(int port, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        candor.close();
        if (ownsDatabase) {
            database.close();
        }
        microsoft.close();
    }
}
