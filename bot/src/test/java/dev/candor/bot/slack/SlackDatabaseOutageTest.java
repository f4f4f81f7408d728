package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.chat.Unavailable;
import dev.candor.storage.Database;
import dev.candor.storage.StoppablePostgres;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.OrganisationDao;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under a steady stream of {@code /kudos}: every person is answered within
 * Slack's 3 seconds and told the truth, {@code /readyz} says so at once, and Candor recovers by itself.
 */
class SlackDatabaseOutageTest {
    private static final String SAVED = "✅ Kudos to";
    private static final String NOT_SAVED = "Candor can't save right now, nothing was recorded";
    private static final Duration SLACK_DEADLINE = Duration.ofSeconds(3);

    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();

    record Answer(String marker, int status, long millis, String body) {}

    @Test
    void answersInTimeAndTruthfullyWhilePostgresIsDownAndRecoversByItself(@TempDir Path dir) throws Exception {
        underLoad(dir, StoppablePostgres::stop, StoppablePostgres::start);
    }

    /** The network to the database cut: nothing answers, connections hang instead of being refused. */
    @Test
    void answersInTimeAndTruthfullyWhilePostgresDoesNotAnswerAtAll(@TempDir Path dir) throws Exception {
        underLoad(dir, StoppablePostgres::freeze, StoppablePostgres::thaw);
    }

    private void underLoad(Path dir, Consumer<StoppablePostgres> cut, Consumer<StoppablePostgres> restore)
            throws Exception {
        try (StoppablePostgres postgres = new StoppablePostgres(dir.resolve("pg"));
                Database database = Database.connect(postgres.url(), 20);
                FakeSlack slack = new FakeSlack()) {
            database.migrate();
            allowPlenty(database);
            slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
            try (Candor candor = Candor.start(
                    TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults())) {
                SlackClient client = new SlackClient(candor.port());
                // The first request of a JVM loads Bolt, JDBI and the Slack client: measured here is the outage.
                assertThat(client.command("/kudos", "<@U0ANA> thanks for warming up", "U0WARM")
                                .statusCode())
                        .isEqualTo(200);
                ExecutorService load = Executors.newFixedThreadPool(3);
                for (int i = 0; i < 3; i++) {
                    int giver = i;
                    load.execute(() -> giveUntilStopped(client, "U0G" + giver));
                }
                awaitAnswers(SAVED);

                cut.accept(postgres);
                long stoppedAt = System.nanoTime();
                await("/readyz says 503").atMost(Duration.ofSeconds(5)).until(() -> status(candor, "/readyz") == 503);
                long readyzMillis =
                        millis(() -> assertThat(status(candor, "/readyz")).isEqualTo(503));
                awaitAnswers(NOT_SAVED);
                long downFor = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
                pauseAtLeast(Duration.ofSeconds(4).minusMillis(downFor));

                restore.accept(postgres);
                int beforeRestart = answers.size();
                await("saving again").atMost(Duration.ofSeconds(30)).until(() -> answers.stream()
                        .skip(beforeRestart)
                        .anyMatch(a -> a.body().contains(SAVED)));
                loading.set(false);
                load.shutdown();
                assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                await("/readyz says 200").atMost(Duration.ofSeconds(5)).until(() -> status(candor, "/readyz") == 200);

                report(readyzMillis);
                assertThat(answers).allSatisfy(answer -> {
                    assertThat(answer.status()).as("HTTP status").isEqualTo(200);
                    assertThat(answer.millis()).as("answer time").isLessThan(SLACK_DEADLINE.toMillis());
                    assertThat(answer.body()).containsAnyOf(SAVED, NOT_SAVED, Unavailable.IN_DOUBT);
                });
                assertThat(readyzMillis).isLessThan(1_000);
                Set<String> stored = stored(database);
                assertThat(stored).as("everything confirmed is stored").containsAll(markers(SAVED));
                assertThat(stored)
                        .as("nothing said to be unsaved is stored")
                        .doesNotContainAnyElementsOf(markers(NOT_SAVED));
            }
        }
    }

    @Test
    void formsButtonsAndEventsAreAnsweredTheSlackWayWhilePostgresIsDown(@TempDir Path dir) throws Exception {
        try (StoppablePostgres postgres = new StoppablePostgres(dir.resolve("pg"));
                Database database = Database.connect(postgres.url(), 5);
                FakeSlack slack = new FakeSlack()) {
            database.migrate();
            try (Candor candor = Candor.start(
                    TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults())) {
                SlackClient client = new SlackClient(candor.port());
                assertThat(client.command("/kudos", "me", "U0GIL").statusCode()).isEqualTo(200);
                postgres.stop();
                await("/readyz says 503").atMost(Duration.ofSeconds(5)).until(() -> status(candor, "/readyz") == 503);

                ObjectNode view = json.createObjectNode()
                        .put("type", "modal")
                        .put("callback_id", "kudos.give")
                        .put("private_metadata", new SlackOrigin(null, "ctx", null).encode());
                var form = client.interaction(SlackRequests.viewSubmission(
                        "U0GIL", view, "V0FORM", SlackRequests.kudosState(List.of("U0ANA"), "thanks!", null)));
                assertThat(form.statusCode()).isEqualTo(200);
                JsonNode errors = json.readTree(form.body());
                assertThat(errors.path("response_action").asText()).isEqualTo("errors");
                assertThat(errors.path("errors").path("people").asText()).isEqualTo(Unavailable.NOT_SAVED);

                var button = client.interaction(SlackRequests.blockAction(
                        "U0GIL", "kudos.open", "x", "C0GENERAL", slack.responseUrl("button")));
                assertThat(button.statusCode()).isEqualTo(200);
                await("the button's conversation is told")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> slack.responses("button").stream()
                                .anyMatch(body -> text(body).equals(Unavailable.NOT_SAVED)));

                var event = client.event(SlackRequests.reaction(
                        "Ev0OUTAGE", true, "U0GIL", "clap", "C0GENERAL", "1700000000.000100", "U0ANA"));
                assertThat(event.statusCode())
                        .as("Slack delivers the event again later")
                        .isEqualTo(503);
                assertThat(event.body()).contains("database unavailable");
            }
        }
    }

    private void giveUntilStopped(SlackClient client, String giver) {
        while (loading.get()) {
            String marker = "outage-" + sequence.incrementAndGet();
            long start = System.nanoTime();
            try {
                var response = client.command("/kudos", "<@U0ANA> thanks for " + marker, giver);
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                answers.add(new Answer(marker, response.statusCode(), took, text(response.body())));
            } catch (Exception e) {
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                answers.add(new Answer(marker, -1, took, e.getClass().getSimpleName()));
            }
        }
    }

    /** The text of Slack's answer (its JSON escapes some characters), or the body as it is. */
    private static String text(String body) {
        try {
            return json.readTree(body).path("text").asText(body);
        } catch (Exception e) {
            return body;
        }
    }

    private void awaitAnswers(String text) {
        int before = answers.size();
        await("an answer saying '" + text + "'").atMost(Duration.ofSeconds(30)).until(() -> answers.stream()
                .skip(before)
                .anyMatch(answer -> answer.body().contains(text)));
    }

    private static void pauseAtLeast(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            // Keeps the outage going for a while under load: time passing, not a negative being proven.
            await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
        }
    }

    private void report(long readyzMillis) {
        Map<String, Long> counts = answers.stream()
                .collect(Collectors.groupingBy(
                        answer -> answer.body().contains(SAVED)
                                ? "saved"
                                : answer.body().contains(NOT_SAVED)
                                        ? "can't save"
                                        : answer.body().contains(Unavailable.IN_DOUBT)
                                                ? "in doubt"
                                                : "other " + answer.status(),
                        Collectors.counting()));
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        long slowestRefusal = answers.stream()
                .filter(answer -> answer.body().contains(NOT_SAVED))
                .mapToLong(Answer::millis)
                .max()
                .orElse(0);
        System.out.printf(
                "Outage: %d /kudos answered %s; slowest answer %d ms, slowest 'can't save' %d ms; /readyz 503 in %d ms%n",
                answers.size(), counts, slowest, slowestRefusal, readyzMillis);
    }

    private Set<String> markers(String text) {
        return answers.stream()
                .filter(answer -> answer.body().contains(text))
                .map(Answer::marker)
                .collect(Collectors.toSet());
    }

    private static Set<String> stored(Database database) {
        List<String> messages = database.jdbi().withHandle(handle -> handle.select("SELECT message FROM kudos")
                .mapTo(String.class)
                .list());
        return messages.stream()
                .map(message -> message.replace("thanks for ", ""))
                .filter(marker -> marker.startsWith("outage-"))
                .collect(Collectors.toSet());
    }

    private static void allowPlenty(Database database) {
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, "Acme")
                .id();
        KudosSettings defaults = KudosSettings.defaults(orgId);
        database.jdbi().onDemand(KudosSettingsDao.class).save(defaults.withAllowance(1000, defaults.allowancePeriod()));
    }

    private int status(Candor candor, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private interface Check {
        void run() throws Exception;
    }

    private static long millis(Check check) throws Exception {
        long start = System.nanoTime();
        check.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
