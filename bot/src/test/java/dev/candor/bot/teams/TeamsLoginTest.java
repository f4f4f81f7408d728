package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.LogCapture;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candor's own Bot Framework tokens, from the login server {@code MICROSOFT_LOGIN_URL} names (WireMock here): what it
 * asks for, that replies and proactive messages carry the token it issued, and that one token serves many sends.
 */
class TeamsLoginTest {
    private static final String PASSWORD = "app-password-from-azure";
    private static final String ISSUED = "token-issued-by-the-fake-login";
    private static final String TENANT = "4b8e1d5c-1111-2222-3333-444444444444";
    private static final String TOKEN_PATH = "/[^/]+/oauth2/v2.0/token";

    private static WireMockServer login;
    private static FakeBotFramework microsoft;

    @BeforeAll
    static void start() {
        login = new WireMockServer(options().dynamicPort());
        login.start();
        microsoft = new FakeBotFramework();
    }

    @AfterAll
    static void stop() {
        login.stop();
        microsoft.close();
    }

    @BeforeEach
    void reset() {
        login.resetAll();
        login.stubFor(post(urlPathMatching(TOKEN_PATH)).willReturn(tokenAnswer(ISSUED, 3599)));
        microsoft.reset();
    }

    @Test
    void repliesCarryTheTokenTheLoginServerIssuedAskedForOnce() throws Exception {
        Map<String, String> env = environment(Map.of());
        try (Database database = TestDatabase.fresh();
                LogCapture logs = new LogCapture();
                Candor candor = Candor.start(TestConfigs.fromEnvironment(env), database, Candor.Options.defaults())) {
            for (int i = 0; i < 3; i++) {
                var response = TeamsServer.post(
                        candor.port(),
                        TestActivity.message(microsoft.serviceUrl(), "help").json(),
                        TestTokens.valid(APP_ID, microsoft.serviceUrl()));
                assertThat(response.statusCode()).isEqualTo(202);
            }

            assertThat(microsoft.replies()).hasSize(3).allSatisfy(reply -> assertThat(reply.getHeader("Authorization"))
                    .isEqualTo("Bearer " + ISSUED));
            LoggedRequest asked = onlyTokenRequest();
            assertThat(asked.getUrl()).isEqualTo("/botframework.com/oauth2/v2.0/token");
            assertThat(asked.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(form(asked))
                    .containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", APP_ID)
                    .containsEntry("client_secret", PASSWORD)
                    .containsEntry("scope", AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(ISSUED) || line.contains(PASSWORD));
        }
    }

    @Test
    void proactiveSendsOfASingleTenantBotUseOneTokenFromTheAppsTenant() throws Exception {
        Config.Teams config = TestConfigs.fromEnvironment(environment(Map.of("MICROSOFT_APP_TENANT_ID", TENANT)))
                .teams();
        TeamsOutbound outbound = new TeamsOutbound(new TeamsConnectors(), new TeamsCredentials(config, null));

        for (int i = 0; i < 3; i++) {
            outbound.send(reference(), Activity.createMessageActivity());
        }

        assertThat(microsoft.sends()).hasSize(3).allSatisfy(send -> assertThat(send.getHeader("Authorization"))
                .isEqualTo("Bearer " + ISSUED));
        assertThat(onlyTokenRequest().getUrl()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
    }

    @Test
    void renewsTheTokenShortlyBeforeItExpires() {
        login.stubFor(post(urlPathMatching(TOKEN_PATH)).willReturn(tokenAnswer("first", 3600)));
        SettableClock clock = new SettableClock(Instant.parse("2025-03-03T09:00:00Z"));
        TeamsLoginCredentials credentials = credentials(clock);

        String first = credentials.getToken().join();
        clock.set(Instant.parse("2025-03-03T09:54:59Z"));
        String stillFirst = credentials.getToken().join();
        login.stubFor(post(urlPathMatching(TOKEN_PATH)).willReturn(tokenAnswer("second", 3600)));
        clock.set(Instant.parse("2025-03-03T09:55:00Z"));
        String second = credentials.getToken().join();

        assertThat(List.of(first, stillFirst, second)).containsExactly("first", "first", "second");
        assertThat(login.findAll(postRequestedFor(urlPathMatching(TOKEN_PATH)))).hasSize(2);
    }

    @Test
    void aRefusedTokenRequestFailsTheSendAndSaysWhyWithoutTheSecret() {
        login.stubFor(post(urlPathMatching(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid"
                                + " client secret provided.\"}")));
        TeamsLoginCredentials credentials = credentials(Clock.systemUTC());

        Throwable failure;
        List<String> logged;
        try (LogCapture logs = new LogCapture()) {
            failure = catchThrowable(() -> credentials.getToken().join());
            logged = logs.lines();
        }

        assertThat(failure)
                .hasCauseInstanceOf(AuthenticationException.class)
                .hasMessageContaining("HTTP 401 invalid_client")
                .hasMessageNotContaining(PASSWORD);
        assertThat(logged)
                .singleElement()
                .asString()
                .startsWith("WARN")
                .contains("HTTP 401 invalid_client", APP_ID)
                .doesNotContain(PASSWORD);
    }

    private static TeamsLoginCredentials credentials(Clock clock) {
        return new TeamsLoginCredentials(
                login.baseUrl(),
                APP_ID,
                PASSWORD,
                null,
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                TeamsLoginCredentials.httpClient(),
                clock);
    }

    private static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("HOST", "127.0.0.1");
        env.put("MICROSOFT_APP_ID", APP_ID);
        env.put("MICROSOFT_APP_PASSWORD", PASSWORD);
        env.put("MICROSOFT_LOGIN_URL", login.baseUrl());
        env.put("BOT_OPENID_METADATA_URL", microsoft.metadataUrl());
        return env;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenAnswer(
            String token, int seconds) {
        return okJson("{\"token_type\":\"Bearer\",\"expires_in\":%d,\"ext_expires_in\":%d,\"access_token\":\"%s\"}"
                .formatted(seconds, seconds, token));
    }

    private static LoggedRequest onlyTokenRequest() {
        List<LoggedRequest> requests = login.findAll(postRequestedFor(urlPathMatching(TOKEN_PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> form(LoggedRequest request) {
        return java.util.Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static ConversationReference reference() {
        ConversationReference reference = new ConversationReference();
        reference.setServiceUrl(microsoft.serviceUrl());
        reference.setChannelId("msteams");
        reference.setConversation(new ConversationAccount("a:dm-ana"));
        reference.setUser(new ChannelAccount("29:ana"));
        reference.setBot(new ChannelAccount(TeamsServer.BOT_ID));
        return reference;
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
