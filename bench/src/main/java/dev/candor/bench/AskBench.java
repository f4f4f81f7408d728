package dev.candor.bench;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * The asking engine at scale (issue 7): one round for 100,000 people across 30 time zones planned (target < 5 s),
 * their asks queued by the sweeps as each zone's opening comes (< 30 s in all), and answers submitted as signed
 * Slack view submissions with 100,000 asks open (p95 < 50 ms).
 */
public final class AskBench {
    private static final String SECRET = "ask-bench-signing-secret-0123456789";
    private static final List<String> ZONES = List.of(
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
            "America/Sao_Paulo",
            "Atlantic/Azores",
            "Europe/London",
            "Europe/Lisbon",
            "Europe/Berlin",
            "Europe/Paris",
            "Europe/Helsinki",
            "Africa/Cairo",
            "Europe/Moscow",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Adelaide",
            "Australia/Sydney",
            "Pacific/Noumea",
            "Pacific/Auckland",
            "America/Bogota",
            "America/Halifax");
    /** The round opens Friday 14:00 local; answers come in on the following Monday, 12:00 UTC. */
    private static final LocalDateTime OPENS = LocalDateTime.parse("2026-01-09T14:00");

    private static final Instant ANSWERING = Instant.parse("2026-01-12T12:00:00Z");

    private AskBench() {}

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int answers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dataDir = Files.createTempDirectory("candor-ask-bench-");
        try (Database database = Database.embedded(
                dataDir.resolve("pg"), 8, Database.Embedded.durable().withoutDurability())) {
            database.migrate();
            run(database, dataDir, people, answers);
        }
        System.exit(0);
    }

    private static void run(Database database, Path dataDir, int people, int answers) throws Exception {
        long orgId = insertPeople(database, people);
        List<Long> ids = database.jdbi()
                .withHandle(handle -> handle.select("SELECT id FROM people WHERE org_id = ? ORDER BY id", orgId)
                        .mapTo(Long.class)
                        .list());
        Instant planning = Instant.parse("2026-01-08T12:00:00Z");
        WorkingTimeLoader workingTimes =
                new WorkingTimeLoader(database.jdbi(), java.time.Clock.fixed(planning, java.time.ZoneOffset.UTC));

        long start = System.nanoTime();
        Map<Long, WorkingTime> times = workingTimes.of(orgId, ids);
        new RoundPlanner().plan(timing(), times, planning);
        double planned = seconds(start);

        Asking planner =
                new Asking(database.jdbi(), Clock.fixed(planning, ZoneOffset.UTC), workingTimes, Optional.empty());
        planner.features().register(new Bench());
        QuestionnaireVersion version = planner.createQuestionnaire(
                orgId, "bench", new Questionnaire(new Question.Mood("mood", "How was your week?", true)), null);
        start = System.nanoTime();
        Round round = planner.rounds()
                .open(new RoundRequest(
                        orgId,
                        "bench",
                        "bench:1",
                        "2026-W02",
                        version.questionnaireId(),
                        1,
                        timing(),
                        false,
                        ids,
                        null))
                .orElseThrow()
                .round();
        double opened = seconds(start);

        double queueing = 0;
        int queued = 0;
        int sweeps = 0;
        for (Instant at = Instant.parse("2026-01-08T23:00:00Z");
                at.isBefore(Instant.parse("2026-01-10T00:00:00Z"));
                at = at.plus(Duration.ofMinutes(15))) {
            Asking sweeper =
                    new Asking(database.jdbi(), Clock.fixed(at, ZoneOffset.UTC), workingTimes, Optional.empty());
            sweeper.features().register(new Bench());
            start = System.nanoTime();
            queued += ((AskSweepJob) sweeper.sweepJob().job()).sweep().asked();
            queueing += seconds(start);
            sweeps++;
        }
        long outbox = database.jdbi().withHandle(h -> h.select("SELECT count(*) FROM outbox")
                .mapTo(Long.class)
                .one());
        database.jdbi().useHandle(h -> h.execute("ANALYZE"));

        double[] latencies = answer(database, dataDir, orgId, round.id(), answers);
        System.out.printf(
                "people %d in %d zones%nplanning (working times + planner): %.2f s%n"
                        + "opening the round (plan + store round and asks): %.2f s%n"
                        + "queueing %d asks (%d outbox rows) in %d sweeps: %.2f s%n"
                        + "answers through signed HTTP with %d asks open: %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                people,
                ZONES.size(),
                planned,
                opened,
                queued,
                outbox,
                sweeps,
                queueing,
                people,
                answers,
                latencies[answers / 2],
                latencies[(int) (answers * 0.95)],
                latencies[(int) (answers * 0.99)]);
    }

    private static RoundTiming timing() {
        return new RoundTiming(Opening.at(OPENS), Deadline.workingDays(2), ReminderPlan.defaults());
    }

    private static double[] answer(Database database, Path dataDir, long orgId, long roundId, int answers)
            throws Exception {
        List<long[]> asks = database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT a.id, i.platform_user_id FROM asks a
                        JOIN platform_identities i ON i.person_id = a.person_id
                        WHERE a.round_id = ? AND a.state = 'pending' AND a.due_at > ? ORDER BY random() LIMIT ?""",
                        roundId,
                        ANSWERING,
                        answers + 50)
                .map((rs, ctx) -> new long[] {
                    rs.getLong(1), Long.parseLong(rs.getString(2).substring(1))
                })
                .list());
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
                new Candor.Options(Clock.fixed(ANSWERING, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        candor.asking().features().register(new Bench());
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://127.0.0.1:" + candor.port() + "/slack/events");
        double[] latencies = new double[answers];
        try {
            for (int i = 0; i < answers + 50; i++) {
                long[] ask = asks.get(i);
                HttpRequest request = submission(endpoint, ask[0], "U" + ask[1]);
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200 || !response.body().contains("Answered")) {
                    throw new IllegalStateException("answer refused: " + response.statusCode() + " " + response.body());
                }
                if (i >= 50) {
                    latencies[i - 50] = ms;
                }
            }
        } finally {
            candor.close();
            slack.close();
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static HttpRequest submission(URI endpoint, long askId, String userId) throws Exception {
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
        String body = "payload=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(ANSWERING.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static long insertPeople(Database database, int people) {
        String zones = ZONES.stream().map(zone -> "'" + zone + "'").collect(Collectors.joining(","));
        return database.jdbi().inTransaction(handle -> {
            long orgId = handle.select(
                            "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Bench', 'T0BENCH', 'UTC')"
                                    + " RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, profile_synced) SELECT ?, 'P' || g, (ARRAY[" + zones
                            + "])[1 + g % " + ZONES.size() + "], true FROM generate_series(1, ?) g",
                    orgId,
                    people);
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " SELECT org_id, id, 'slack', 'U' || id FROM people WHERE org_id = ?",
                    orgId);
            return orgId;
        });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final class Bench implements AskFeature {
        @Override
        public String name() {
            return "bench";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Weekly check-in", "The bench");
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }
    }
}
