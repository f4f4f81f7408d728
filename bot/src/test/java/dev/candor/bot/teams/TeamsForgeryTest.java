package dev.candor.bot.teams;

import static dev.candor.bot.teams.TeamsServer.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.people.DirectoryImport;
import dev.candor.bot.people.ImportRequest;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Teams authentication is never off by accident: an activity that claims to come from an HR admin, without a token
 * the Bot Framework issued for Candor, is refused with 401 in every configuration but the explicit emulator mode, and
 * changes nothing.
 */
class TeamsForgeryTest {
    /** Tess's Azure AD object id, as the directory import knows her. */
    private static final String TESS_AAD = "6d1f0c9a-3b2e-4c5d-8e7f-90a1b2c3d4e5";

    private static final String OTHER_APP = "99999999-2222-3333-4444-555555555555";

    @TempDir
    static Path folder;

    private static FakeBotFramework microsoft;
    /**
     * Shared by the forgeries, which change nothing (a forgery that gets through also fails the cases after it: read
     * the first failure); the control, which does change it, gets its own.
     */
    private static Database database;
    /** One Candor per environment, started by the first forgery that needs it. */
    private static final Map<Map<String, String>, Candor> candors = new HashMap<>();

    /** A forged request: Candor's environment, and the Authorization header sent (null for none). */
    record Forgery(String name, Map<String, String> env, UnaryOperator<String> authorizationForServiceUrl) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Forgery> forgeries() {
        Map<String, String> authenticated = Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "pw");
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        return Stream.of(
                new Forgery("no app id, HOST=0.0.0.0", Map.of("HOST", "0.0.0.0"), url -> null),
                new Forgery(
                        "no app id, HOST=127.0.0.1 without the emulator flag",
                        Map.of("HOST", "127.0.0.1"),
                        url -> null),
                new Forgery("app id, no Authorization header", authenticated, url -> null),
                new Forgery(
                        "app id, a token signed by an unknown key",
                        authenticated,
                        url -> TestTokens.token(TestTokens.OTHER_KEY, TestTokens.ISSUER, APP_ID, url, later)),
                new Forgery("app id, a token for another bot", authenticated, url -> TestTokens.valid(OTHER_APP, url)),
                new Forgery(
                        "app id, an expired token",
                        authenticated,
                        url -> TestTokens.token(
                                TestTokens.KEY,
                                TestTokens.ISSUER,
                                APP_ID,
                                url,
                                // Past the five minutes of clock skew the SDK allows.
                                Instant.now().minus(Duration.ofMinutes(10)))),
                new Forgery(
                        "app id, a token for another service URL",
                        authenticated,
                        url -> TestTokens.valid(APP_ID, "https://smba.trafficmanager.net/emea/")),
                new Forgery("public cloud, a government token", authenticated, url -> government(APP_ID, url, later)),
                new Forgery("government, no Authorization header", GOVERNMENT, url -> null),
                new Forgery(
                        "government, a token signed by an unknown key",
                        GOVERNMENT,
                        url -> TestTokens.token(
                                TestTokens.OTHER_KEY, TestTokens.GOVERNMENT_ISSUER, APP_ID, url, later)),
                new Forgery("government, a public-cloud token", GOVERNMENT, url -> TestTokens.valid(APP_ID, url)),
                new Forgery(
                        "government, a token for another bot", GOVERNMENT, url -> government(OTHER_APP, url, later)),
                new Forgery(
                        "government, a token for another service URL",
                        GOVERNMENT,
                        url -> government(APP_ID, "https://smba.infra.gov.teams.microsoft.us/", later)));
    }

    /** Candor in the US government cloud. */
    private static final Map<String, String> GOVERNMENT = Map.of(
            "MICROSOFT_APP_ID",
            APP_ID,
            "MICROSOFT_APP_PASSWORD",
            "pw",
            "MICROSOFT_CHANNEL_SERVICE",
            "https://botframework.azure.us");

    private static String government(String audience, String serviceUrl, Instant expires) {
        return TestTokens.token(TestTokens.KEY, TestTokens.GOVERNMENT_ISSUER, audience, serviceUrl, expires);
    }

    @BeforeAll
    static void start() throws IOException {
        microsoft = new FakeBotFramework();
        database = databaseWithTess();
    }

    @AfterAll
    static void stop() {
        candors.values().forEach(Candor::close);
        database.close();
        microsoft.close();
    }

    @BeforeEach
    void reset() {
        microsoft.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedAdminCommandIsRefusedAndChangesNothing(Forgery forgery) throws Exception {
        String before = databaseState(database.jdbi());
        Candor candor = candors.computeIfAbsent(forgery.env(), env -> start(env, database));

        var response = post(candor, forgery.authorizationForServiceUrl().apply(microsoft.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"requestId\"");
        assertThat(databaseState(database.jdbi())).isEqualTo(before);
        assertThat(Rows.strings(database.jdbi(), "SELECT timezone FROM organisations"))
                .containsExactly("UTC");
        assertThat(Rows.count(database.jdbi(), "SELECT count(*) FROM audit_log"))
                .isZero();
        assertThat(microsoft.connectorCalls()).isEmpty();
    }

    /** The control: the same command with a token the Bot Framework would issue is Tess's, and changes the zone. */
    @Test
    void theSameCommandWithAValidTokenChangesTheTimezone() throws Exception {
        try (Database own = databaseWithTess();
                Candor candor = start(Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "pw"), own)) {
            var response = post(candor, TestTokens.valid(APP_ID, microsoft.serviceUrl()));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(Rows.strings(own.jdbi(), "SELECT timezone FROM organisations"))
                    .containsExactly("Europe/Paris");
            assertThat(Rows.strings(own.jdbi(), "SELECT action || ' ' || new_value FROM audit_log"))
                    .containsExactly("timezone Europe/Paris");
        }
    }

    /** A fresh database with Tess imported from the directory as an HR admin of the tenant. */
    private static Database databaseWithTess() throws IOException {
        Database fresh = TestDatabase.fresh();
        Path csv = Files.writeString(
                Files.createTempFile(folder, "people", ".csv"),
                "email,name,manager_email,department,timezone,role,slack_user_id,teams_user_id\n"
                        + "tess@example.com,Tess Admin,,HR,Europe/Berlin,hr_admin,," + TESS_AAD + "\n");
        var result = new DirectoryImport(fresh.jdbi())
                .run(new ImportRequest(csv, OptionalLong.empty(), null, TestActivity.TENANT));
        assertThat(result.succeeded()).as(result.summary()).isTrue();
        return fresh;
    }

    private static Candor start(Map<String, String> env, Database database) {
        Map<String, String> withMicrosoft = new HashMap<>(env);
        withMicrosoft.put("BOT_OPENID_METADATA_URL", microsoft.metadataUrl());
        return Candor.start(
                TestConfigs.fromEnvironment(withMicrosoft),
                database,
                Candor.Options.defaults().withTeamsCredentials(new FixedTokenCredentials(APP_ID, "outbound")));
    }

    private static HttpResponse<String> post(Candor candor, String authorization)
            throws IOException, InterruptedException {
        String activity = TestActivity.message(microsoft.serviceUrl(), "admin timezone Europe/Paris")
                .from("29:tess", "Tess Admin", TESS_AAD)
                .json();
        return TeamsServer.post(candor.port(), activity, authorization);
    }

    /** Everything a turn could have written: organisations, people, their accounts, chats, settings, audit. */
    private static String databaseState(Jdbi jdbi) {
        return Rows.strings(
                        jdbi,
                        """
                        SELECT 'org ' || id || ' ' || timezone || ' ' || coalesce(teams_service_url, '-') FROM organisations
                        UNION ALL SELECT 'person ' || id || ' ' || name || ' ' || role FROM people
                        UNION ALL SELECT 'identity ' || platform_user_id FROM platform_identities
                        UNION ALL SELECT 'conversation ' || conversation_id FROM conversation_refs
                        UNION ALL SELECT 'settings ' || org_id FROM kudos_settings
                        UNION ALL SELECT 'audit ' || id FROM audit_log
                        UNION ALL SELECT 'outbox ' || id FROM outbox
                        ORDER BY 1""")
                .toString();
    }
}
