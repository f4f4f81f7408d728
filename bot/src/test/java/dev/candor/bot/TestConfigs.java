package dev.candor.bot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Configurations for servers under test: loopback, a random port, the caller's fake platform endpoints. */
public final class TestConfigs {
    private TestConfigs() {}

    public static Config slack(String signingSecret, String apiUrl) {
        return slack(signingSecret, apiUrl, Path.of("target/unused-data"));
    }

    /** Slack on, and Candor's own embedded PostgreSQL in {@code dataDir} when it is started from the config alone. */
    public static Config slack(String signingSecret, String apiUrl, Path dataDir) {
        return new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                dataDir,
                new Config.Slack(signingSecret, "xoxb-test-token", apiUrl),
                Config.Teams.off(),
                Optional.empty());
    }

    /** What Candor reads from this environment, on a random port (PORT=0 is not a valid setting). */
    public static Config fromEnvironment(Map<String, String> env) {
        Config config = Config.from(env);
        return new Config(
                config.host(),
                0,
                config.databaseUrl(),
                Path.of("target/unused-data"),
                config.slack(),
                config.teams(),
                config.encryptionKey());
    }
}
