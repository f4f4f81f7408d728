package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candor in the US government cloud ({@code MICROSOFT_CHANNEL_SERVICE=https://botframework.azure.us}): it takes
 * activities whose token the government Bot Framework issued, and answers and messages people with tokens for the
 * government Bot Connector from the government login. Forged tokens are refused in {@link TeamsForgeryTest}.
 */
class TeamsGovernmentTest {
    private static final String TOKEN_PATH = "/[^/]+/oauth2/v2.0/token";
    private static final String ISSUED = "government-token-from-the-fake-login";

    private final WireMockServer login = new WireMockServer(options().dynamicPort());
    private final FakeBotFramework microsoft = new FakeBotFramework();
    private Database database;

    @BeforeEach
    void start() {
        login.start();
        login.stubFor(post(urlPathMatching(TOKEN_PATH))
                .willReturn(
                        okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + ISSUED + "\"}")));
        database = TestDatabase.fresh();
    }

    @AfterEach
    void stop() {
        database.close();
        microsoft.close();
        login.stop();
    }

    @Test
    void knowsTheGovernmentCloudByTheValueTheSdkUses() {
        assertThat(Config.GOVERNMENT_CHANNEL_SERVICE).isEqualTo(GovernmentAuthenticationConstants.CHANNELSERVICE);
        assertThat(GovernmentAuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL)
                .startsWith(Config.GOVERNMENT_MICROSOFT_LOGIN_URL + "/")
                .endsWith("/" + TeamsCredentials.GOVERNMENT_BOT_TENANT);
    }

    @Test
    void answersAGovernmentTokenWithATokenForTheGovernmentBotConnector() throws Exception {
        try (Candor candor =
                Candor.start(TestConfigs.fromEnvironment(environment()), database, Candor.Options.defaults())) {
            var response = TeamsServer.post(
                    candor.port(),
                    TestActivity.message(microsoft.serviceUrl(), "help").json(),
                    governmentToken(microsoft.serviceUrl()));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(microsoft.replies()).singleElement().satisfies(reply -> assertThat(
                            reply.getHeader("Authorization"))
                    .isEqualTo("Bearer " + ISSUED));

            long orgId = database.jdbi().withHandle(handle -> handle.select("SELECT id FROM organisations")
                    .mapTo(Long.class)
                    .one());
            database.jdbi()
                    .useTransaction(handle -> Outbox.toUser(
                            handle, orgId, Platform.TEAMS, "29:gil", "gov-test:dm", Message.of("Your check-in")));
            await("the DM reaches the Bot Connector")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !microsoft.sends().isEmpty());
            assertThat(microsoft.sends()).singleElement().satisfies(send -> assertThat(send.getHeader("Authorization"))
                    .isEqualTo("Bearer " + ISSUED));
        }
        List<LoggedRequest> tokenRequests = login.findAll(postRequestedFor(urlPathMatching(TOKEN_PATH)));
        assertThat(tokenRequests).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/" + TeamsCredentials.GOVERNMENT_BOT_TENANT + "/oauth2/v2.0/token");
            assertThat(form(request))
                    .containsEntry("scope", "https://api.botframework.us/.default")
                    .containsEntry("client_id", APP_ID);
        });
    }

    @Test
    void aSingleTenantGovernmentBotGetsItsTokensFromItsOwnTenant() throws Exception {
        String tenant = "0d6c4a2e-1111-2222-3333-444444444444";
        Map<String, String> env = new HashMap<>(environment());
        env.put("MICROSOFT_APP_TENANT_ID", tenant);
        try (Candor candor = Candor.start(TestConfigs.fromEnvironment(env), database, Candor.Options.defaults())) {
            var response = TeamsServer.post(
                    candor.port(),
                    TestActivity.message(microsoft.serviceUrl(), "help").json(),
                    governmentToken(microsoft.serviceUrl()));

            assertThat(response.statusCode()).isEqualTo(202);
        }
        assertThat(login.findAll(postRequestedFor(urlPathMatching(TOKEN_PATH))))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.getUrl()).isEqualTo("/" + tenant + "/oauth2/v2.0/token");
                    assertThat(form(request)).containsEntry("scope", "https://api.botframework.us/.default");
                });
    }

    private Map<String, String> environment() {
        return Map.of(
                "HOST",
                "127.0.0.1",
                "MICROSOFT_APP_ID",
                APP_ID,
                "MICROSOFT_APP_PASSWORD",
                "government-app-password",
                "MICROSOFT_CHANNEL_SERVICE",
                "https://botframework.azure.us",
                "MICROSOFT_LOGIN_URL",
                login.baseUrl(),
                "BOT_OPENID_METADATA_URL",
                microsoft.metadataUrl());
    }

    private static String governmentToken(String serviceUrl) {
        return TestTokens.token(
                TestTokens.KEY,
                TestTokens.GOVERNMENT_ISSUER,
                APP_ID,
                serviceUrl,
                Instant.now().plus(Duration.ofMinutes(30)));
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
