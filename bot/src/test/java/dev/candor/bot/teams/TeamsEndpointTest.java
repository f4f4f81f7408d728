package dev.candor.bot.teams;

import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP edge of Teams: Bot Framework tokens, malformed and oversized bodies, real recorded Teams traffic. */
class TeamsEndpointTest {
    /** The shared fixtures next to the repository; surefire runs in bot/. */
    private static final Path SHARED = Path.of("../../shared");

    private static TeamsServer teams;

    @BeforeAll
    static void start() {
        teams = new TeamsServer();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @BeforeEach
    void reset() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    private String help() {
        return TestActivity.message(teams.microsoft.serviceUrl(), "help").json();
    }

    private String token(String audience, String serviceUrl, Instant expires) {
        return TestTokens.token(TestTokens.KEY, TestTokens.ISSUER, audience, serviceUrl, expires);
    }

    @Test
    void acceptsAValidChannelToken() throws Exception {
        var response = teams.post(help());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(teams.microsoft.replies()).hasSize(1);
    }

    @Test
    void rejectsAMissingAuthorizationHeader() throws Exception {
        var response = teams.post(help(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing Authorization header").contains("requestId");
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        // The SDK allows five minutes of clock skew.
        Instant expired = Instant.now().minus(Duration.ofMinutes(10));

        var response = teams.post(help(), token(APP_ID, teams.microsoft.serviceUrl(), expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid Bot Framework token");
    }

    @Test
    void rejectsATokenForAnotherBot() throws Exception {
        String otherApp = "99999999-2222-3333-4444-555555555555";

        var response = teams.post(help(), TestTokens.valid(otherApp, teams.microsoft.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsATokenIssuedForAnotherServiceUrl() throws Exception {
        var response = teams.post(help(), TestTokens.valid(APP_ID, "https://smba.trafficmanager.net/emea/"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsATokenSignedByAnotherKey() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        String forged =
                TestTokens.token(TestTokens.OTHER_KEY, TestTokens.ISSUER, APP_ID, teams.microsoft.serviceUrl(), later);

        var response = teams.post(help(), forged);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsATokenFromAnotherIssuer() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        String token = TestTokens.token(
                TestTokens.KEY, "https://evil.example.com", APP_ID, teams.microsoft.serviceUrl(), later);

        var response = teams.post(help(), token);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsAKeyThatIsNotEndorsedForTheChannel() throws Exception {
        String webchat = TestActivity.message(teams.microsoft.serviceUrl(), "help")
                .with("channelId", "webchat")
                .json();

        var response = teams.post(webchat);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsTokensThatAreNotJwts() throws Exception {
        var garbage = teams.post(help(), "Bearer not.a-jwt");
        var basic = teams.post(help(), "Basic dXNlcjpwYXNz");

        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsMalformedBodiesBeforeLookingAtTheToken() throws Exception {
        var broken = teams.post("{\"type\":\"message\",", null);
        var array = teams.post("[1,2,3]", null);
        var typeless = teams.post("{\"text\":\"kudos\"}", null);
        var empty = teams.post("", null);
        var nowhereToReply = teams.post("{\"type\":\"message\",\"text\":\"help\"}", null);

        assertThat(List.of(broken, array, typeless, empty, nowhereToReply))
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(400));
    }

    @Test
    void rejectsBodiesOverOneMegabyte() throws Exception {
        char[] filler = new char[2 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        String huge = TestActivity.message(teams.microsoft.serviceUrl(), new String(filler))
                .json();

        var response = teams.post(huge);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void rejectsRealTeamsTrafficSignedForAnotherBotLongAgo() throws Exception {
        Path recordings = SHARED.resolve("fixtures/teams-samples/botbuilder-js");
        Assumptions.assumeTrue(Files.isDirectory(recordings), "shared fixtures not present: " + recordings);
        List<Path> requests;
        try (Stream<Path> files = Files.list(recordings)) {
            requests = files.filter(file -> file.getFileName().toString().contains("-request-"))
                    .sorted()
                    .toList();
        }
        assertThat(requests).isNotEmpty();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : requests) {
            JsonNode recorded = mapper.readTree(file.toFile());

            var response = teams.post(
                    recorded.get("body").toString(),
                    recorded.get("headers").get("authorization").asText());

            assertThat(response.statusCode()).as(file.getFileName().toString()).isEqualTo(401);
        }
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
    }

    @Test
    void rejectedRequestsLeaveNoTrace() throws Exception {
        long before = organisations();
        TestActivity stranger = TestActivity.message(teams.microsoft.serviceUrl(), "kudos @x hi")
                .tenant("00000000-0000-0000-0000-00000000dead");

        teams.post(stranger.json(), null);
        teams.post(stranger.json(), "Bearer not.a-jwt");

        assertThat(organisations()).isEqualTo(before);
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
    }

    private long organisations() {
        return teams.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM organisations")
                .mapTo(Long.class)
                .one());
    }
}
