package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.candor.scheduler.outbox.OutboxRetention;
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
        assertThat(config.outboxRetention()).isEqualTo(new OutboxRetention(30, 90));
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

    @Test
    void readsTheOutboxRetention() {
        Config config = Config.from(Map.of("CANDOR_OUTBOX_PAYLOAD_DAYS", "7", "CANDOR_OUTBOX_RETENTION_DAYS", "365"));

        assertThat(config.outboxRetention()).isEqualTo(new OutboxRetention(7, 365));
        assertThat(Config.from(Map.of("CANDOR_OUTBOX_PAYLOAD_DAYS", "90")).outboxRetention())
                .isEqualTo(new OutboxRetention(90, 90));
    }

    @Test
    void refusesOutboxRetentionsThatAreNotWholeDaysOrTooShort() {
        var error = catchThrowableOfType(
                Config.ConfigException.class,
                () -> Config.from(Map.of("CANDOR_OUTBOX_PAYLOAD_DAYS", "0", "CANDOR_OUTBOX_RETENTION_DAYS", "7")));

        assertThat(error.problems())
                .containsExactly(
                        "CANDOR_OUTBOX_PAYLOAD_DAYS must be a whole number of days, at least 1 (got '0')",
                        "CANDOR_OUTBOX_RETENTION_DAYS must be a whole number of days, at least 14 (got '7')");
        assertThat(catchThrowableOfType(
                                Config.ConfigException.class,
                                () -> Config.from(Map.of("CANDOR_OUTBOX_RETENTION_DAYS", "30d")))
                        .problems())
                .singleElement()
                .asString()
                .startsWith("CANDOR_OUTBOX_RETENTION_DAYS must be a whole number");
    }

    @Test
    void refusesToKeepPayloadsLongerThanTheMessages() {
        var error = catchThrowableOfType(
                Config.ConfigException.class,
                () -> Config.from(Map.of("CANDOR_OUTBOX_PAYLOAD_DAYS", "60", "CANDOR_OUTBOX_RETENTION_DAYS", "30")));

        assertThat(error.problems())
                .singleElement()
                .asString()
                .contains("CANDOR_OUTBOX_PAYLOAD_DAYS (60) must not exceed CANDOR_OUTBOX_RETENTION_DAYS (30)");
    }
}
