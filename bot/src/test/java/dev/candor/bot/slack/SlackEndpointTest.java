package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP edge of Slack: signatures, timestamps, sizes, malformed bodies, handshakes, retries. */
class SlackEndpointTest {
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void rejectsWrongSignature() throws Exception {
        byte[] body = SlackClient.formBody(SlackClient.slashCommand("/kudos", "@x hi", "U1", "C1"))
                .getBytes(StandardCharsets.UTF_8);
        var response = client.send(
                body,
                "application/x-www-form-urlencoded",
                Long.toString(SlackClient.now()),
                "v0=" + "0".repeat(64),
                Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid Slack signature").contains("requestId");
    }

    @Test
    void rejectsMissingSignatureHeaders() throws Exception {
        var response = client.send(
                "ssl_check=1".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                null,
                null,
                Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsStaleTimestamps() throws Exception {
        var response = client.post(
                "ssl_check=1&token=x", "application/x-www-form-urlencoded", SlackClient.now() - 6 * 60, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsTimestampsFromTheFuture() throws Exception {
        var response = client.post(
                "ssl_check=1&token=x", "application/x-www-form-urlencoded", SlackClient.now() + 6 * 60, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsBodiesOverOneMegabyte() throws Exception {
        char[] filler = new char[2 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        var response = client.post(
                "text=" + new String(filler), "application/x-www-form-urlencoded", SlackClient.now(), Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void rejectsSignedButMalformedBodies() throws Exception {
        var garbageForm =
                client.post("payload=%7Bnot-json", "application/x-www-form-urlencoded", SlackClient.now(), Map.of());
        var unknownJson = client.postJson("{\"hello\":\"world\"}", Map.of());
        var brokenJson = client.postJson("{\"type\":\"event_callback\",", Map.of());

        assertThat(garbageForm.statusCode()).isEqualTo(400);
        assertThat(unknownJson.statusCode()).isEqualTo(400);
        assertThat(brokenJson.statusCode()).isEqualTo(400);
    }

    @Test
    void answersUrlVerificationWithTheChallenge() throws Exception {
        var response = client.postJson(
                """
                {"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                 "type":"url_verification"}""",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void acknowledgesSslCheck() throws Exception {
        var response = client.post(
                "ssl_check=1&token=legacy", "application/x-www-form-urlencoded", SlackClient.now(), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void handlesARetriedEventOnce() throws Exception {
        String event =
                """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"Ev0RETRY1","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D0ANA","user":"U0ANA","text":"help",
                          "ts":"1700000000.000200","team":"T0ACME"}}""";

        var first = client.postJson(event, Map.of());
        var retry = client.postJson(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        long replies = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT count(*) FROM outbox WHERE idempotency_key = 'reply:slack:Ev0RETRY1'")
                .mapTo(Long.class)
                .one());
        long seen = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT count(*) FROM processed_events WHERE event_id = 'Ev0RETRY1'")
                .mapTo(Long.class)
                .one());
        assertThat(replies).isEqualTo(1);
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void servesHealthReadinessAndMetrics() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + candor.port();

        var health = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var ready = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/readyz"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var metrics = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("jetty_server_requests_seconds_count");
        assertThat(health.headers().firstValue("X-Request-Id")).isPresent();
    }
}
