package dev.candor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.storage.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The same lookups as Slack sends them: signed slash commands through Candor's whole HTTP stack (Javalin, signature
 * check, Bolt, people directory, handler, Block Kit rendering), one after the other. Slack's Web API is a stub that
 * only needs to answer {@code auth.test}: every person already exists.
 */
final class StatsHttp implements AutoCloseable {
    private static final String SECRET = "stats-bench-signing-secret-0123456789";

    private final HttpServer slack;
    private final Candor candor;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Random random = new Random(11);

    StatsHttp(Database database, Path dataDir) throws IOException {
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        slack.createContext("/", StatsHttp::ok);
        slack.start();
        String apiUrl = "http://127.0.0.1:" + slack.getAddress().getPort() + "/api/";
        Config config = new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                dataDir,
                new Config.Slack(SECRET, "xoxb-stats-bench", apiUrl),
                Config.Teams.off(),
                Optional.empty());
        candor = Candor.start(config, database, Candor.Options.defaults());
        endpoint = URI.create("http://127.0.0.1:" + candor.port() + "/slack/events");
    }

    private static void ok(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body =
                    """
                    {"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"candor",
                     "team_id":"T0BENCH","user_id":"UCANDOR","bot_id":"BCANDOR","ts":"1.000100"}"""
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** @param texts what follows {@code /kudos}, one kind each */
    List<StatsLatency> lookups(List<String> texts, int humans, int rounds) throws Exception {
        List<StatsLatency> results = new ArrayList<>();
        for (String text : texts) {
            results.add(new StatsLatency("HTTP /kudos " + text));
        }
        for (int i = -30; i < rounds; i++) {
            for (int t = 0; t < texts.size(); t++) {
                HttpRequest request = request(texts.get(t), viewer(humans));
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - start;
                if (response.statusCode() != 200 || !response.body().contains("\"ephemeral\"")) {
                    throw new IllegalStateException(
                            "/kudos " + texts.get(t) + " answered " + response.statusCode() + " " + response.body());
                }
                if (i >= 0) {
                    results.get(t).record(elapsed);
                }
            }
        }
        return results;
    }

    private String viewer(int humans) {
        int n;
        do {
            n = 1 + random.nextInt(humans);
        } while (n % 50 == 0);
        return StatsRun.userId(n);
    }

    private HttpRequest request(String text, String userId) {
        String body = "token=x&team_id=" + StatsData.TEAM_ID + "&team_domain=bench&channel_id=C0GENERAL"
                + "&channel_name=general&user_id=" + userId + "&user_name=" + userId.toLowerCase()
                + "&command=%2Fkudos&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
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
        slack.stop(0);
    }
}
