package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void answersUnconfiguredPlatformsWithWhatToSet() throws Exception {
        try (Database database = TestDatabase.fresh();
                Candor candor = Candor.start(
                        new Config(
                                "127.0.0.1",
                                0,
                                java.util.Optional.empty(),
                                java.nio.file.Path.of("target/unused"),
                                new Config.Slack(null, null, Config.DEFAULT_SLACK_API_URL),
                                new Config.Teams(null, null, null, "MultiTenant", null, false),
                                java.util.Optional.empty()),
                        database,
                        Candor.Options.defaults())) {
            HttpResponse<String> slack = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + "/slack/events"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(slack.statusCode()).isEqualTo(503);
            assertThat(slack.body()).contains("SLACK_SIGNING_SECRET");
        }
    }
}
