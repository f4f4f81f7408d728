package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.Main;
import dev.candor.storage.Database;
import dev.candor.storage.JavaProcess;
import dev.candor.storage.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Candor as an operator runs it, in a JVM of its own configured by its environment alone: its Teams app id and
 * password, Microsoft's login ({@code MICROSOFT_LOGIN_URL}) and Bot Framework keys ({@code BOT_OPENID_METADATA_URL})
 * played by WireMock in this JVM, and a PostgreSQL database ({@code DATABASE_URL}). An activity signed like Teams'
 * is answered, and a kudos DMs its recipient proactively, both at the fake Bot Connector with the fake login's token.
 */
class TeamsProcessTest {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "process-test-app-password";
    private static final String ISSUED = "token-for-the-candor-process";
    private static final String TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";

    private final WireMockServer login = new WireMockServer(options().dynamicPort());
    private final FakeBotFramework microsoft = new FakeBotFramework();
    private final Database database = TestDatabase.fresh();

    @BeforeEach
    void start() {
        login.start();
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(
                        okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + ISSUED + "\"}")));
    }

    @AfterEach
    void stop() {
        database.close();
        microsoft.close();
        login.stop();
    }

    @Test
    void answersAndMessagesPeopleWithTheTokenItsLoginIssued(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (JavaProcess candor =
                JavaProcess.start(dir.resolve("candor.log"), environment(port, dir), Main.class.getName(), "serve")) {
            candor.awaitOutput("Candor ready on", START);

            var help = TeamsServer.post(
                    port,
                    TestActivity.message(microsoft.serviceUrl(), "help").json(),
                    TestTokens.valid(APP_ID, microsoft.serviceUrl()));
            var kudos = TeamsServer.post(
                    port,
                    TestActivity.message(
                                    microsoft.serviceUrl(),
                                    "<at>Candor</at> kudos <at>Ana Lopez</at> thanks for the demo")
                            .inChannel("19:general@thread.tacv2;messageid=1700000000555")
                            .mentionCandor()
                            .mention("29:ana", "Ana Lopez")
                            .json(),
                    TestTokens.valid(APP_ID, microsoft.serviceUrl()));

            assertThat(List.of(help.statusCode(), kudos.statusCode()))
                    .as(candor.tail())
                    .containsOnly(202);
            await("Ana's kudos DM reaches the Bot Connector").atMost(WAIT).until(() -> microsoft.sends().stream()
                    .anyMatch(
                            send -> FakeBotFramework.path(send).equals("/v3/conversations/a:chat-29:ana/activities")));
            assertThat(microsoft.replies()).as("the answer to help").isNotEmpty();
            assertThat(microsoft.conversationsCreated())
                    .as("Ana's 1:1 chat, opened for the DM")
                    .hasSize(1);
            assertThat(microsoft.connectorCalls()).allSatisfy(call -> assertThat(call.getHeader("Authorization"))
                    .isEqualTo("Bearer " + ISSUED));
            assertThat(candor.output()).doesNotContain(ISSUED, PASSWORD);
        }
        List<LoggedRequest> tokenRequests = login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests).singleElement().satisfies(request -> assertThat(form(request))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", APP_ID)
                .containsEntry("client_secret", PASSWORD)
                .containsEntry("scope", "https://api.botframework.com/.default"));
    }

    private Map<String, String> environment(int port, Path dir) {
        String databaseName = database.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        return Map.of(
                "HOST", "127.0.0.1",
                "PORT", String.valueOf(port),
                "CANDOR_DATA_DIR", dir.resolve("data").toString(),
                "DATABASE_URL", TestDatabase.url(databaseName).jdbcUrl(),
                "MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", PASSWORD,
                "MICROSOFT_LOGIN_URL", login.baseUrl(),
                "BOT_OPENID_METADATA_URL", microsoft.metadataUrl());
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
