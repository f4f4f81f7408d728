package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Unavailable;
import dev.candor.storage.Database;
import dev.candor.storage.StoppablePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stopped under Teams: each kind of activity is answered at once, the Teams way, and nothing saved. */
class TeamsDatabaseOutageTest {

    @Test
    void tellsPeopleNothingWasSavedWhilePostgresIsDownThenWorksAgain(@TempDir Path dir) throws Exception {
        try (StoppablePostgres postgres = new StoppablePostgres(dir.resolve("pg"));
                Database database = Database.connect(postgres.url(), 10)) {
            database.migrate();
            try (TeamsServer teams = new TeamsServer(database)) {
                assertThat(teams.post(kudos(teams, "before").json()).statusCode())
                        .isEqualTo(202);
                assertThat(kudosCount(database)).isEqualTo(1);
                teams.awaitOutboxIdle();
                teams.microsoft.reset();

                postgres.stop();
                await("/readyz says 503").atMost(Duration.ofSeconds(5)).until(() -> readyz(teams) == 503);

                long start = System.nanoTime();
                var message = teams.post(kudos(teams, "during").json());
                long messageMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(message.statusCode()).isEqualTo(202);
                assertThat(messageMillis).isLessThan(3_000);
                assertThat(teams.microsoft.replies()).singleElement().satisfies(reply -> assertThat(
                                FakeBotFramework.json(reply).toString())
                        .contains(Unavailable.NOT_SAVED));

                var execute = teams.post(execute(teams).json());
                assertThat(execute.statusCode()).isEqualTo(200);
                assertThat(Cards.json(execute.body()).path("value").asText()).isEqualTo(Unavailable.NOT_SAVED);

                var dialog = teams.post(dialogSubmit(teams).json());
                assertThat(dialog.statusCode()).isEqualTo(200);
                JsonNode task = Cards.json(dialog.body()).path("task");
                assertThat(task.path("type").asText()).isEqualTo("message");
                assertThat(task.path("value").asText()).isEqualTo(Unavailable.NOT_SAVED);

                postgres.start();
                await("/readyz says 200").atMost(Duration.ofSeconds(10)).until(() -> readyz(teams) == 200);
                assertThat(teams.post(kudos(teams, "after").json()).statusCode())
                        .isEqualTo(202);
                // A pooled connection opened before the stop may still be handed out once, and fail; the count is
                // read again on a fresh one (what it says is asserted below, not waited for).
                long stored = await("the stored kudos can be counted")
                        .atMost(Duration.ofSeconds(10))
                        .ignoreExceptions()
                        .until(() -> kudosCount(database), count -> true);
                assertThat(stored).as("before and after, nothing during").isEqualTo(2);
            }
        }
    }

    private static TestActivity kudos(TeamsServer teams, String when) {
        return TestActivity.message(teams.microsoft.serviceUrl(), "kudos <at>Li</at> thanks for the demo " + when)
                .from("29:pia", "Pia Giver", "aad-pia")
                .inPersonalChat("a:pia-chat")
                .mention("29:li", "Li");
    }

    private static TestActivity execute(TeamsServer teams) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("action")
                .put("type", "Action.Execute")
                .put("verb", "kudos.give")
                .putObject("data")
                .put("message", "thanks");
        return TestActivity.invoke(teams.microsoft.serviceUrl(), "adaptiveCard/action", value)
                .from("29:pia", "Pia Giver", "aad-pia")
                .inPersonalChat("a:pia-chat");
    }

    private static TestActivity dialogSubmit(TeamsServer teams) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("data").put("message", "thanks for the review");
        return TestActivity.invoke(teams.microsoft.serviceUrl(), "composeExtension/submitAction", value)
                .from("29:pia", "Pia Giver", "aad-pia")
                .inPersonalChat("a:pia-chat");
    }

    private static long kudosCount(Database database) {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM kudos")
                .mapTo(Long.class)
                .one());
    }

    private static int readyz(TeamsServer teams) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + teams.candor.port() + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
