package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.LogCapture;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With CANDOR_TEAMS_EMULATOR=true on loopback (and no app id) Candor talks to the Bot Framework Emulator: no tokens
 * either way, and activities without a tenant belong to a stand-in organisation.
 */
class TeamsEmulatorTest {
    private static FakeBotFramework emulator;
    private static Database database;
    private static Candor candor;
    private static List<String> startLog;

    @BeforeAll
    static void start() {
        emulator = new FakeBotFramework();
        database = TestDatabase.fresh();
        Config config = TestConfigs.fromEnvironment(Map.of("HOST", "127.0.0.1", "CANDOR_TEAMS_EMULATOR", "true"));
        try (LogCapture logs = new LogCapture()) {
            candor = Candor.start(config, database, Candor.Options.defaults());
            startLog = logs.lines();
        }
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        emulator.close();
    }

    @Test
    void warnsAtStartThatTeamsAuthenticationIsOff() {
        assertThat(startLog)
                .contains("WARN Teams authentication is OFF (CANDOR_TEAMS_EMULATOR=true): for the Bot Framework"
                        + " Emulator on this machine only");
    }

    @Test
    void answersTheEmulatorWithoutTokens() throws Exception {
        String activity =
                """
                {"type":"message","id":"emu-1","channelId":"emulator","serviceUrl":"%s","text":"help",
                 "from":{"id":"user-1","name":"User"},"recipient":{"id":"bot-1","name":"Bot"},
                 "conversation":{"id":"emu-conversation"},"locale":"en-US"}"""
                        .formatted(emulator.serviceUrl());

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candor.port() + "/api/messages"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(activity))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(emulator.replies()).hasSize(1);
        assertThat(emulator.replies().get(0).containsHeader("Authorization")).isFalse();
        assertThat(Rows.strings(database.jdbi(), "SELECT teams_tenant_id FROM organisations"))
                .containsExactly(TeamsMapper.EMULATOR_TENANT);
    }
}
