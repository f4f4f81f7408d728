package dev.candor.bench;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.storage.Database;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lookups as Slack sends them: signed slash commands through Candor's whole HTTP stack (Javalin, signature check,
 * Bolt, people directory, handler, Block Kit rendering), one after the other. Slack's Web API is a stub that only
 * needs to answer {@code auth.test}: every person already exists. Shared by the benchmarks of reads at scale.
 */
final class StatsHttp implements AutoCloseable {
    private static final String SECRET = "stats-bench-signing-secret-0123456789";
    private static final int WARMUP = 30;

    /** Who sends which text after the command. */
    record Ask(String userId, String text) {}

    /**
     * One kind of lookup: its row in the report, the command ({@code /kudos}), words every answer must contain ("" for
     * any private answer) and the next request of that kind.
     */
    record Lookup(String name, String command, String expect, Supplier<Ask> next) {}

    private final StatsHttpStub slack;
    private final Candor candor;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    StatsHttp(Database database, Path dataDir) throws IOException {
        slack = new StatsHttpStub();
        Config config = new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                dataDir,
                new Config.Slack(SECRET, "xoxb-stats-bench", slack.apiUrl()),
                Config.Teams.off(),
                Optional.empty());
        candor = Candor.start(config, database, Candor.Options.defaults());
        endpoint = URI.create("http://127.0.0.1:" + candor.port() + "/slack/events");
    }

    /**
     * Sends every kind {@code rounds} times, interleaved so that every kind sees the same caches and machine
     * conditions, after a warm-up of the same mix; each answer must be a private (ephemeral) one.
     */
    List<StatsLatency> lookups(List<Lookup> lookups, int rounds) throws Exception {
        List<StatsLatency> results = new ArrayList<>();
        for (Lookup lookup : lookups) {
            results.add(new StatsLatency(lookup.name()));
        }
        for (int i = -WARMUP; i < rounds; i++) {
            for (int k = 0; k < lookups.size(); k++) {
                Lookup lookup = lookups.get(k);
                Ask ask = lookup.next().get();
                HttpRequest request = request(lookup.command(), ask);
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - start;
                if (response.statusCode() != 200
                        || !response.body().contains("\"ephemeral\"")
                        || !response.body().contains(lookup.expect())) {
                    throw new IllegalStateException(lookup.command() + " " + ask.text() + " answered "
                            + response.statusCode() + " " + response.body());
                }
                if (i >= 0) {
                    results.get(k).record(elapsed);
                }
            }
        }
        return results;
    }

    private HttpRequest request(String command, Ask ask) {
        String userId = ask.userId();
        String text = ask.text();
        String body = "token=x&team_id=" + StatsData.TEAM_ID + "&team_domain=bench&channel_id=C0GENERAL"
                + "&channel_name=general&user_id=" + userId + "&user_name=" + userId.toLowerCase()
                + "&command=" + URLEncoder.encode(command, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A0CANDOR&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1"
                + "&trigger_id=" + System.nanoTime();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        candor.close();
        slack.close();
    }
}
