package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.people.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes in admin commands: each gets what is wrong, the exact syntax and an example, and changes nothing. */
class AdminInputTest {
    private static AdminFixture fixture;
    private static Actor hr;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
        hr = fixture.person(Platform.SLACK, "U0HR", "Hana", "UTC", Role.HR_ADMIN);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            textBlock =
                    """
            allowance                          ¦ Say how many kudos                  ¦ allowance <number> per day|week|month
            allowance lots per day             ¦ whole number from 1 to 1000         ¦ allowance <number> per day|week|month
            allowance 0 per day                ¦ whole number from 1 to 1000         ¦ allowance <number> per day|week|month
            allowance 1001 per day             ¦ whole number from 1 to 1000         ¦ allowance <number> per day|week|month
            allowance 5 per year               ¦ per day, per week or per month      ¦ e.g. /candor admin allowance 10 per week
            allowance 5 per day please         ¦ Say how many kudos                  ¦ allowance <number> per day|week|month
            allowance hr-exempt maybe          ¦ Say on or off                       ¦ allowance hr-exempt on|off
            digest someday 10:00               ¦ day of the week                     ¦ digest <weekday> <HH:MM> | digest on|off
            digest friday 4pm                  ¦ HH:MM on a 24-hour clock            ¦ e.g. /candor admin digest friday 16:00
            digest friday 24:00                ¦ HH:MM on a 24-hour clock            ¦ digest <weekday> <HH:MM>
            digest friday                      ¦ HH:MM on a 24-hour clock            ¦ digest <weekday> <HH:MM>
            reaction-emoji                     ¦ one Slack emoji by its name         ¦ reaction-emoji :emoji:
            reaction-emoji :a:b:               ¦ one Slack emoji by its name         ¦ e.g. /candor admin reaction-emoji :raised_hands:
            reaction-emoji 👏                  ¦ one Slack emoji by its name         ¦ reaction-emoji :emoji:
            reaction-emoji clap tada           ¦ one Slack emoji by its name         ¦ reaction-emoji :emoji:
            min-length 501                     ¦ whole number from 0 to 500          ¦ min-length <0–500>
            min-length -1                      ¦ whole number from 0 to 500          ¦ e.g. /candor admin min-length 20
            min-length ten                     ¦ whole number from 0 to 500          ¦ min-length <0–500>
            gap-weeks 0                        ¦ whole number from 1 to 52           ¦ gap-weeks <1–52>
            gap-weeks 53                       ¦ whole number from 1 to 52           ¦ gap-weeks <1–52>
            gap-weeks 4 6                      ¦ one whole number from 1 to 52       ¦ gap-weeks <1–52>
            values add                         ¦ Say which value                     ¦ values add <tag> <:emoji:> <Name> — <description>
            values add own!ership Ownership    ¦ can't be a value tag                ¦ e.g. /candor admin values add ownership :muscle:
            values add ownership               ¦ Give the value a name               ¦ values add <tag> <:emoji:> <Name> — <description>
            values add ownership :muscle:      ¦ Give the value a name               ¦ values add <tag>
            values add ownership — no name     ¦ Give the value a name               ¦ values add <tag>
            values frobnicate                  ¦ Say values, values add              ¦ values add <tag>
            values remove                      ¦ Say which value                     ¦ values remove <tag>
            values remove ownership            ¦ #ownership isn't one of the values  ¦ values remove <tag>
            values require sometimes           ¦ Say on or off                       ¦ values require on|off
            kudos-channel                      ¦ Name one channel                    ¦ kudos-channel #channel|here|off
            kudos-channel #nowhere             ¦ couldn't tell which channel #nowhere ¦ kudos-channel #channel|here|off
            kudos-channel here there           ¦ Name one channel                    ¦ e.g. /candor admin kudos-channel #kudos
            timezone                           ¦ Say which time zone                 ¦ timezone <Area/City>
            timezone Mars/Olympus              ¦ isn't a time zone I know            ¦ e.g. /candor admin timezone Europe/Berlin
            timezone GMT+2                     ¦ isn't a time zone I know            ¦ timezone <Area/City>
            """)
    void explainsTheSyntaxAndChangesNothing(String command, String problem, String syntax) {
        Message answer = fixture.candor(hr, "admin " + command);

        assertThat(Texts.of(answer)).contains(problem, syntax.strip(), "Nothing was changed");
        assertNothingChanged();
    }

    @Test
    void listsTheSettingsForAnUnknownOne() {
        Message answer = fixture.candor(hr, "admin frobnicate 3");

        assertThat(Texts.of(answer))
                .contains("I don't know the setting \"frobnicate\"")
                .contains("values, allowance, kudos-channel, digest, timezone, reaction-emoji, min-length")
                .contains("/candor admin help");
        assertNothingChanged();
    }

    @Test
    void namesTheTagsThereAreWhenRemovingAnUnknownValue() {
        fixture.candor(hr, "admin values add craft Craft");

        assertThat(Texts.of(fixture.candor(hr, "admin values remove crafts")))
                .contains("#crafts isn't one of the values. The values are: #craft.");
        fixture.candor(hr, "admin values remove craft");
    }

    private static void assertNothingChanged() {
        long values = fixture.jdbi()
                .withHandle(handle -> handle.select("SELECT count(*) FROM company_values WHERE org_id = ?", hr.orgId())
                        .mapTo(Long.class)
                        .one());
        String timezone = fixture.jdbi()
                .withHandle(handle -> handle.select("SELECT timezone FROM organisations WHERE id = ?", hr.orgId())
                        .mapTo(String.class)
                        .one());
        assertThat(fixture.settings(hr.orgId())).isEqualTo(KudosSettings.defaults(hr.orgId()));
        assertThat(values).isZero();
        assertThat(timezone).isEqualTo("UTC");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .allSatisfy(row -> assertThat(row.action()).startsWith("values"));
    }
}
