package dev.candor.bench;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.ask.AskFeature;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Answers submitted as signed Slack view submissions to a running Candor with every ask of the round open, measured
 * twice with different asks: first with the delivery worker idle but for the "answered ✓" updates the answers
 * themselves queue (the round's DMs were delivered days before: the answer path alone), then while it delivers the
 * round's 100,000 DMs again at full speed (the answer path under delivery load, in the same JVM and database).
 */
final class AskAnswering {
    private static final String SECRET = "ask-bench-signing-secret-0123456789";
    private static final int WARMUP = 200;

    private final Database database;
    private final Path dataDir;
    private final Instant answering;

    AskAnswering(Database database, Path dataDir, Instant answering) {
        this.database = database;
        this.dataDir = dataDir;
        this.answering = answering;
    }

    /** Latencies of one phase in ms, sorted, and the outbox messages sent while it ran. */
    record Phase(double[] latencies, long sentMeanwhile) {
        double at(double quantile) {
            return latencies[Math.min(latencies.length - 1, (int) (latencies.length * quantile))];
        }
    }

    record Result(Phase idle, Phase busy) {}

    Result run(long roundId, int answers, AskFeature feature) throws Exception {
        List<long[]> asks = sample(roundId, 2 * (answers + WARMUP));
        markEverythingSent();
        StatsHttpStub slack = new StatsHttpStub();
        Config config = new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                dataDir,
                new Config.Slack(SECRET, "xoxb-ask-bench", slack.apiUrl()),
                Config.Teams.off(),
                Optional.empty());
        Candor candor = Candor.start(
                config,
                database,
                new Candor.Options(Clock.fixed(answering, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        candor.asking().features().register(feature);
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + candor.port() + "/slack/events");
            HttpClient http = HttpClient.newHttpClient();
            Phase idle = answer(http, endpoint, asks.subList(0, answers + WARMUP));
            int resent = sendDmsAgain();
            Phase busy = answer(http, endpoint, asks.subList(answers + WARMUP, asks.size()));
            if (busy.sentMeanwhile() == 0 || busy.sentMeanwhile() >= resent) {
                throw new IllegalStateException("the delivery worker was not busy during the whole second phase: sent "
                        + busy.sentMeanwhile() + " of " + resent);
            }
            return new Result(idle, busy);
        } finally {
            candor.close();
            slack.close();
        }
    }

    private Phase answer(HttpClient http, URI endpoint, List<long[]> asks) throws Exception {
        long sentBefore = sentCount();
        double[] latencies = new double[asks.size() - WARMUP];
        for (int i = 0; i < asks.size(); i++) {
            long[] ask = asks.get(i);
            HttpRequest request = submission(endpoint, ask[0], "U" + ask[1]);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || !response.body().contains("Answered")) {
                throw new IllegalStateException("answer to ask " + ask[0] + " refused: HTTP " + response.statusCode());
            }
            if (i >= WARMUP) {
                latencies[i - WARMUP] = ms;
            }
        }
        Arrays.sort(latencies);
        return new Phase(latencies, sentCount() - sentBefore);
    }

    /** Open asks of the round, in random order, with their people's Slack user numbers. */
    private List<long[]> sample(long roundId, int count) {
        List<long[]> asks = database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT a.id, i.platform_user_id FROM asks a
                        JOIN platform_identities i ON i.person_id = a.person_id
                        WHERE a.round_id = ? AND a.state = 'pending' AND a.due_at > ? ORDER BY random() LIMIT ?""",
                        roundId,
                        answering,
                        count)
                .map((rs, ctx) -> new long[] {
                    rs.getLong(1), Long.parseLong(rs.getString(2).substring(1))
                })
                .list());
        if (asks.size() < count) {
            throw new IllegalStateException("only " + asks.size() + " open asks to answer, " + count + " needed");
        }
        return asks;
    }

    /** What the delivery worker would have done by Monday: every DM and reminder queued so far went out. */
    private void markEverythingSent() {
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                """
                        UPDATE outbox SET status = 'sent', sent_at = now(), attempts = 1, platform_message_id = '1.000100',
                               platform_channel = 'D0BENCH'
                        WHERE status = 'pending'"""));
    }

    /** The round's DMs queued again: the delivery worker now has 100,000 messages to send. */
    private int sendDmsAgain() {
        return database.jdbi()
                .withHandle(
                        handle -> handle.execute(
                                """
                        UPDATE outbox SET status = 'pending', sent_at = NULL, next_attempt_at = now()
                        WHERE operation = 'post' AND idempotency_key LIKE 'ask:%:open' AND status = 'sent'"""));
    }

    private long sentCount() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM outbox WHERE status = 'sent'")
                .mapTo(Long.class)
                .one());
    }

    private HttpRequest submission(URI endpoint, long askId, String userId) throws Exception {
        String payload =
                """
                {"type":"view_submission","team":{"id":"T0BENCH","domain":"bench"},
                 "user":{"id":"%s","username":"%s","name":"%s","team_id":"T0BENCH"},
                 "api_app_id":"A0CANDOR","token":"x","trigger_id":"%d",
                 "view":{"id":"V%d","team_id":"T0BENCH","type":"modal","callback_id":"ask.answer",
                  "private_metadata":"{\\"context\\":\\"%d\\"}","hash":"h%d",
                  "title":{"type":"plain_text","text":"Bench"},"blocks":[],
                  "state":{"values":{"mood":{"mood":{"type":"radio_buttons","selected_option":{"value":"4"}}}}}},
                 "response_urls":[]}"""
                        .formatted(userId, userId, userId, System.nanoTime(), askId, askId, askId);
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(answering.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
