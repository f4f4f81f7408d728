package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.candor.scheduler.outbox.OutboxRetention;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
                        "SLACK_API_URL", "ftp://slack",
                        "CANDOR_TEAMS_EMULATOR", "true",
                        "MICROSOFT_LOGIN_URL", "http://login.example.com")));

        assertThat(error.problems())
                .hasSize(12)
                .anySatisfy(problem -> assertThat(problem).startsWith("PORT"))
                .anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_URL"))
                .anySatisfy(problem -> assertThat(problem).contains("SLACK_SIGNING_SECRET is not"))
                .anySatisfy(problem -> assertThat(problem).contains("xoxb-"))
                .anySatisfy(problem -> assertThat(problem).contains("MICROSOFT_APP_PASSWORD is not"))
                .anySatisfy(problem -> assertThat(problem).contains("MICROSOFT_APP_TENANT_ID"))
                .anySatisfy(problem -> assertThat(problem).startsWith("CANDOR_ENCRYPTION_KEY"))
                .anySatisfy(problem -> assertThat(problem).startsWith("SLACK_API_URL"))
                .anySatisfy(problem ->
                        assertThat(problem).contains("SLACK_CLIENT_ID").doesNotContain("secret="))
                .anySatisfy(problem ->
                        assertThat(problem).startsWith("CANDOR_TEAMS_EMULATOR").contains("MICROSOFT_APP_ID is set"))
                .anySatisfy(problem ->
                        assertThat(problem).startsWith("CANDOR_TEAMS_EMULATOR").contains("HOST=0.0.0.0"))
                .anySatisfy(problem -> assertThat(problem).startsWith("MICROSOFT_LOGIN_URL"));
        assertThat(error.getMessage()).contains("fix these settings");
    }

    @ParameterizedTest(name = "HOST={0}")
    @ValueSource(strings = {"", "0.0.0.0", "127.0.0.1", "::1", "localhost", "10.1.2.3"})
    void neverTurnsTeamsAuthenticationOffWithoutTheEmulatorFlag(String host) {
        Config.Teams teams = Config.from(Map.of("HOST", host)).teams();

        assertThat(teams.enabled()).isFalse();
        assertThat(teams.emulator()).isFalse();
    }

    @ParameterizedTest(name = "HOST={0} CANDOR_TEAMS_EMULATOR={1}")
    @CsvSource({"127.0.0.1,true", "::1,TRUE", "localhost,True", "127.0.0.2,true"})
    void turnsTeamsAuthenticationOffOnlyWithTheEmulatorFlagOnALoopbackHost(String host, String flag) {
        Config.Teams teams =
                Config.from(Map.of("HOST", host, "CANDOR_TEAMS_EMULATOR", flag)).teams();

        assertThat(teams.enabled()).isTrue();
        assertThat(teams.emulator()).isTrue();
        assertThat(teams.authenticated()).isFalse();
    }

    @ParameterizedTest(name = "HOST={0}")
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "::"})
    void refusesTheEmulatorFlagOnAnAddressOtherMachinesReach(String host) {
        var error = catchThrowableOfType(
                Config.ConfigException.class, () -> Config.from(Map.of("HOST", host, "CANDOR_TEAMS_EMULATOR", "true")));

        assertThat(error.problems())
                .singleElement(STRING)
                .startsWith("CANDOR_TEAMS_EMULATOR=true")
                .contains("loopback")
                .contains("HOST=" + host);
    }

    @Test
    void refusesTheEmulatorFlagWithoutAHostBecauseTheDefaultIsEveryAddress() {
        var error = catchThrowableOfType(
                Config.ConfigException.class, () -> Config.from(Map.of("CANDOR_TEAMS_EMULATOR", "true")));

        assertThat(error.problems()).singleElement(STRING).contains("HOST=0.0.0.0");
    }

    @Test
    void refusesTheEmulatorFlagTogetherWithAnAppId() {
        var error = catchThrowableOfType(
                Config.ConfigException.class,
                () -> Config.from(Map.of(
                        "HOST", "127.0.0.1",
                        "CANDOR_TEAMS_EMULATOR", "true",
                        "MICROSOFT_APP_ID", "app",
                        "MICROSOFT_APP_PASSWORD", "pw")));

        assertThat(error.problems()).singleElement(STRING).contains("MICROSOFT_APP_ID is set");
    }

    @ParameterizedTest(name = "CANDOR_TEAMS_EMULATOR={0}")
    @ValueSource(strings = {"yes", "1", "on", "truee"})
    void acceptsOnlyTrueOrFalseForTheEmulatorFlag(String flag) {
        var error = catchThrowableOfType(
                Config.ConfigException.class,
                () -> Config.from(Map.of("HOST", "127.0.0.1", "CANDOR_TEAMS_EMULATOR", flag)));

        assertThat(error.problems())
                .singleElement(STRING)
                .isEqualTo("CANDOR_TEAMS_EMULATOR must be true or false (got '" + flag + "')");
    }

    @Test
    void theEmulatorFlagFalseLeavesTeamsAsItWas() {
        Config.Teams withApp = Config.from(Map.of(
                        "CANDOR_TEAMS_EMULATOR", "FALSE", "MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "pw"))
                .teams();
        Config.Teams without = Config.from(Map.of("HOST", "127.0.0.1", "CANDOR_TEAMS_EMULATOR", "false"))
                .teams();

        assertThat(withApp.enabled()).isTrue();
        assertThat(withApp.authenticated()).isTrue();
        assertThat(without.enabled()).isFalse();
    }

    @Test
    void getsOutboundTeamsTokensFromMicrosoftsLoginByDefault() {
        assertThat(Config.from(Map.of()).teams().loginUrl()).isEqualTo("https://login.microsoftonline.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://login.microsoftonline.us/, https://login.microsoftonline.us",
        "http://127.0.0.1:8089, http://127.0.0.1:8089",
        "http://localhost:8089/, http://localhost:8089"
    })
    void readsTheMicrosoftLoginUrl(String url, String expected) {
        assertThat(Config.from(Map.of("MICROSOFT_LOGIN_URL", url)).teams().loginUrl())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://login.example.com", "ftp://login.example.com", "login.microsoftonline.com"})
    void refusesALoginUrlThatCouldSendTheAppPasswordInTheClear(String url) {
        var error = catchThrowableOfType(
                Config.ConfigException.class, () -> Config.from(Map.of("MICROSOFT_LOGIN_URL", url)));

        assertThat(error.problems()).singleElement(STRING).startsWith("MICROSOFT_LOGIN_URL");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " "})
    void isInThePublicCloudWithoutAChannelService(String value) {
        Config.Teams teams =
                Config.from(Map.of("MICROSOFT_CHANNEL_SERVICE", value)).teams();

        assertThat(teams.government()).isFalse();
        assertThat(teams.channelService()).isNull();
        assertThat(teams.loginUrl()).isEqualTo("https://login.microsoftonline.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "https://botframework.azure.us",
                "https://botframework.azure.us/",
                "HTTPS://BotFramework.Azure.US"
            })
    void isInTheUsGovernmentCloudWithItsChannelServiceAndLogsInThere(String value) {
        Config.Teams teams =
                Config.from(Map.of("MICROSOFT_CHANNEL_SERVICE", value)).teams();

        assertThat(teams.government()).isTrue();
        assertThat(teams.channelService()).isEqualTo("https://botframework.azure.us");
        assertThat(teams.loginUrl()).isEqualTo("https://login.microsoftonline.us");
    }

    @Test
    void aLoginUrlSetOutrightWinsInTheGovernmentCloudToo() {
        Config.Teams teams = Config.from(Map.of(
                        "MICROSOFT_CHANNEL_SERVICE", "https://botframework.azure.us",
                        "MICROSOFT_LOGIN_URL", "http://127.0.0.1:8089"))
                .teams();

        assertThat(teams.government()).isTrue();
        assertThat(teams.loginUrl()).isEqualTo("http://127.0.0.1:8089");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://botframework.com", "https://botframework.azure.cn", "government", "public"})
    void refusesAChannelServiceItDoesNotKnow(String value) {
        var error = catchThrowableOfType(
                Config.ConfigException.class, () -> Config.from(Map.of("MICROSOFT_CHANNEL_SERVICE", value)));

        assertThat(error.problems())
                .singleElement(STRING)
                .startsWith(
                        "MICROSOFT_CHANNEL_SERVICE must be empty (the public cloud) or https://botframework.azure.us")
                .contains(value);
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
        assertThat(config.teams().authenticated()).isTrue();
        assertThat(config.teams().emulator()).isFalse();
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

    @Test
    void publicUrlIsOptionalHttpsOrLoopback() {
        assertThat(Config.from(Map.of()).publicUrl()).isEmpty();
        assertThat(Config.from(Map.of("PUBLIC_URL", "https://candor.example.com"))
                        .publicUrl())
                .hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("https://candor.example.com"));
        assertThat(Config.from(Map.of("PUBLIC_URL", "http://127.0.0.1:3000")).publicUrl())
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://candor.example.com", "https://candor.example.com/?a=1", "candor.example.com"})
    void refusesAPublicUrlThatIsNotHttpsOrHasAQuery(String url) {
        var error = catchThrowableOfType(Config.ConfigException.class, () -> Config.from(Map.of("PUBLIC_URL", url)));

        assertThat(error.problems()).singleElement().asString().startsWith("PUBLIC_URL");
    }
}
