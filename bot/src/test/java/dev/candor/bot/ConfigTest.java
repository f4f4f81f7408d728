package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void startsWithNothingConfigured() {
        Config config = Config.from(Map.of());

        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDir().toString()).isEqualTo("./data");
        assertThat(config.slack().enabled()).isFalse();
        assertThat(config.slack().apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.teams().enabled()).isFalse();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var error = catchThrowableOfType(
                Config.ConfigException.class,
                () -> Config.from(Map.of(
                        "PORT", "eighty",
                        "DATABASE_URL", "mysql://db/candor",
                        "SLACK_BOT_TOKEN", "xoxp-user-token",
                        "SLACK_CLIENT_ID", "123.456",
                        "MICROSOFT_APP_ID", "5f3c",
                        "MICROSOFT_APP_TYPE", "SingleTenant",
                        "CANDOR_ENCRYPTION_KEY", "short",
                        "SLACK_API_URL", "ftp://slack")));

        assertThat(error.problems())
                .hasSize(9)
                .anySatisfy(problem -> assertThat(problem).startsWith("PORT"))
                .anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_URL"))
                .anySatisfy(problem -> assertThat(problem).contains("SLACK_SIGNING_SECRET is not"))
                .anySatisfy(problem -> assertThat(problem).contains("xoxb-"))
                .anySatisfy(problem -> assertThat(problem).contains("MICROSOFT_APP_PASSWORD is not"))
                .anySatisfy(problem -> assertThat(problem).contains("MICROSOFT_APP_TENANT_ID"))
                .anySatisfy(problem -> assertThat(problem).startsWith("CANDOR_ENCRYPTION_KEY"))
                .anySatisfy(problem -> assertThat(problem).startsWith("SLACK_API_URL"))
                .anySatisfy(problem ->
                        assertThat(problem).contains("SLACK_CLIENT_ID").doesNotContain("secret="));
        assertThat(error.getMessage()).contains("fix these settings");
    }

    @Test
    void neverAllowsUnauthenticatedTeamsOnAPublicAddress() {
        assertThat(Config.from(Map.of()).teams().enabled()).isFalse();
        assertThat(Config.from(Map.of("HOST", "0.0.0.0")).teams().enabled()).isFalse();
        assertThat(Config.from(Map.of("HOST", "127.0.0.1")).teams().enabled()).isTrue();
        assertThat(Config.from(Map.of("HOST", "127.0.0.1")).teams().authenticated())
                .isFalse();
    }

    @Test
    void readsAFullSlackAndTeamsSetup() {
        Config config = Config.from(Map.of(
                "PORT", "8080",
                "DATABASE_URL", "postgres://candor:pw@db:5432/candor",
                "SLACK_SIGNING_SECRET", "secret",
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_API_URL", "http://localhost:9999/api",
                "MICROSOFT_APP_ID", "app",
                "MICROSOFT_APP_PASSWORD", "pw",
                "MICROSOFT_APP_TENANT_ID", "tenant"));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).get().extracting(url -> url.user()).isEqualTo("candor");
        assertThat(config.slack().enabled()).isTrue();
        assertThat(config.slack().apiUrl()).isEqualTo("http://localhost:9999/api/");
        assertThat(config.teams().enabled()).isTrue();
        assertThat(config.teams().singleTenant()).isTrue();
    }
}
