package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.EmbeddedProcesses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person was told was saved is there after the embedded database crashed, and Candor gets it back itself. */
class SlackCrashRecoveryTest {
    private static final int GIVERS = 30;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedKudosSurvivesWhenTheDatabaseIsKilledRightAfter(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        try (FakeSlack slack = new FakeSlack();
                Candor candor = Candor.start(TestConfigs.slack(SlackClient.SECRET, slack.apiUrl(), dataDir))) {
            for (int i = 0; i < GIVERS; i++) {
                slack.user(giver(i), "Giver " + i, "giver" + i + "@acme.test", "UTC", false);
            }
            slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
            slack.user("U0LI", "Li", "li@acme.test", "UTC", false);
            SlackClient client = new SlackClient(candor.port());
            Runnable killDatabase = EmbeddedProcesses.killer(dataDir);
            List<String> acknowledged = new ArrayList<>();

            for (int i = 0; i < GIVERS; i++) {
                for (String recipient : List.of("U0ANA", "U0LI")) {
                    String marker = "crash-" + i + "-" + recipient;
                    var response = client.command("/kudos", "<@" + recipient + "> thanks for " + marker, giver(i));
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains("✅ Kudos to").contains("You have");
                    acknowledged.add(marker);
                }
            }
            // Candor restarts its database within a few hundred milliseconds, sometimes much less: a poller asking
            // /healthz back to back from before the kill sees the outage, where one between other requests may not.
            Set<Integer> health = ConcurrentHashMap.newKeySet();
            AtomicBoolean polling = new AtomicBoolean(true);
            Thread poller = new Thread(() -> {
                while (polling.get()) {
                    try {
                        health.add(status(candor, "/healthz"));
                    } catch (Exception e) {
                        health.add(-1);
                    }
                }
            });
            poller.start();
            try {
                killDatabase.run();
                await("Candor restarts its database and /healthz reports the outage")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> health.contains(503)
                                && status(candor, "/readyz") == 200
                                && status(candor, "/healthz") == 200);
            } finally {
                polling.set(false);
                poller.join();
            }
            assertThat(health).as("/healthz while the database was down").contains(503);
            // The pool refills after the restart; on a loaded machine the first new connection may take longer than
            // the pool's 1 s wait, which says nothing about what was stored.
            List<String> stored = await("the stored kudos can be read")
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(
                            () -> candor.database().jdbi().withHandle(handle -> handle.select(
                                            "SELECT substring(message FROM 'crash-[0-9]+-U0[A-Z]+') "
                                                    + "FROM kudos WHERE message LIKE 'thanks for crash-%'")
                                    .mapTo(String.class)
                                    .list()),
                            rows -> rows != null);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    private static String giver(int i) {
        return "U0G" + (char) ('A' + i / 10) + (char) ('A' + i % 10);
    }

    private int status(Candor candor, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
