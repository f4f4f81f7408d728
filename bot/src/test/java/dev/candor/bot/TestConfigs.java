package dev.candor.bot;

import java.nio.file.Path;
import java.util.Optional;

/** Configurations for servers under test: loopback, a random port, the caller's fake platform endpoints. */
public final class TestConfigs {
    private TestConfigs() {}

    public static Config slack(String signingSecret, String apiUrl) {
        return new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                Path.of("target/unused-data"),
                new Config.Slack(signingSecret, "xoxb-test-token", apiUrl),
                new Config.Teams(null, null, null, "MultiTenant", null, false),
                Optional.empty());
    }
}
