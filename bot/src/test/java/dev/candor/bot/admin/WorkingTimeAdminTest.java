package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /candor admin working-days} and {@code quiet-hours} through the production router on a real database: what
 * is stored on the organisation, what HR reads, the audit, and mistakes explained with what to type.
 */
class WorkingTimeAdminTest {
    private static AdminFixture fixture;
    private Actor hr;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
    }

    @BeforeEach
    void organisations() {
        fixture.nextOrganisations();
        hr = fixture.person(Platform.SLACK, "U0HR", "Hana", "Europe/Berlin", Role.HR_ADMIN);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void changesTheWorkingDaysAndSaysOldNewAndHowToUndo() {
        Message answer = fixture.candor(hr, "admin working-days mon,tue,wed,thu");

        assertThat(stored(hr)).isEqualTo("20:00:00-08:00:00 {1,2,3,4}");
        assertThat(Texts.of(answer))
                .contains("Working days: Monday to Friday → Monday to Thursday")
                .contains("Undo: /candor admin working-days mon,tue,wed,thu,fri")
                .contains("An ask due at another time waits until 08:00 on the person's next working day");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(
                        new AuditRows(hr.personId(), "working-days", "Monday to Friday", "Monday to Thursday"));
    }

    @Test
    void changesTheQuietHoursAndSaysOldNewAndHowToUndo() {
        Message answer = fixture.candor(hr, "admin quiet-hours 21:30-07:00");

        assertThat(stored(hr)).isEqualTo("21:30:00-07:00:00 {1,2,3,4,5}");
        assertThat(Texts.of(answer))
                .contains("Quiet hours: 20:00–08:00 → 21:30–07:00")
                .contains("Undo: /candor admin quiet-hours 20:00-08:00")
                .contains("outside 21:30–07:00, each in their own time zone")
                .contains("waits until 07:00");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(hr.personId(), "quiet-hours", "20:00–08:00", "21:30–07:00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '¦',
            textBlock =
                    """
            working-days mon-fri                       ¦ Monday to Friday              ¦ {1,2,3,4,5}
            working-days Sunday, Monday, Tue, wed, THU ¦ Sunday to Thursday            ¦ {1,2,3,4,7}
            working-days sun-thu                       ¦ Sunday to Thursday            ¦ {1,2,3,4,7}
            working-days mon wed fri                   ¦ Monday, Wednesday and Friday  ¦ {1,3,5}
            working-days saturdays                     ¦ Saturday                      ¦ {6}
            working-days mon-sun                       ¦ every day                     ¦ {1,2,3,4,5,6,7}
            working-days fri-mon                       ¦ Friday to Monday              ¦ {1,5,6,7}
            """)
    void readsDaysAsPeopleTypeThem(String command, String shown, String stored) {
        Message answer = fixture.candor(hr, "admin " + command);

        assertThat(stored(hr)).endsWith(" " + stored);
        assertThat(Texts.of(answer)).contains(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '¦',
            textBlock =
                    """
            quiet-hours 22:00 - 06:30   ¦ 22:00:00-06:30:00
            quiet-hours 22:00 to 6:30   ¦ 22:00:00-06:30:00
            quiet-hours 22:00–06:30     ¦ 22:00:00-06:30:00
            quiet-hours 22:00 06:30     ¦ 22:00:00-06:30:00
            quiet-hours 12:00-13:00     ¦ 12:00:00-13:00:00
            """)
    void readsQuietHoursAsPeopleTypeThem(String command, String stored) {
        fixture.candor(hr, "admin " + command);

        assertThat(stored(hr)).startsWith(stored + " ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            textBlock =
                    """
            working-days                     ¦ Say which days people work                ¦ working-days <days, e.g. mon,tue,wed,thu,fri>
            working-days mon,tuesday,fry     ¦ I don't know the day "fry"               ¦ e.g. /candor admin working-days mon,tue,wed,thu,fri
            working-days mo,tu               ¦ I don't know the day "mo"                ¦ working-days <days, e.g. mon,tue,wed,thu,fri>
            working-days mon-                ¦ I don't know the day "mon-"              ¦ working-days <days
            working-days weekdays            ¦ I don't know the day "weekdays"          ¦ working-days <days
            quiet-hours                      ¦ two times on a 24-hour clock              ¦ quiet-hours <HH:MM>-<HH:MM>
            quiet-hours 8pm-8am              ¦ two times on a 24-hour clock              ¦ e.g. /candor admin quiet-hours 20:00-08:00
            quiet-hours 20:00                ¦ two times on a 24-hour clock              ¦ quiet-hours <HH:MM>-<HH:MM>
            quiet-hours 24:00-08:00          ¦ two times on a 24-hour clock              ¦ quiet-hours <HH:MM>-<HH:MM>
            quiet-hours 20:00-20:00          ¦ less than an hour a day                   ¦ quiet-hours <HH:MM>-<HH:MM>
            quiet-hours 08:30-08:00          ¦ less than an hour a day                   ¦ e.g. /candor admin quiet-hours 20:00-08:00
            quiet-hours off                  ¦ two times on a 24-hour clock              ¦ quiet-hours <HH:MM>-<HH:MM>
            """)
    void explainsAMistakeWithWhatToTypeAndChangesNothing(String command, String problem, String syntax) {
        Message answer = fixture.candor(hr, "admin " + command);

        assertThat(Texts.of(answer)).contains(problem, syntax.strip(), "Nothing was changed");
        assertThat(stored(hr)).isEqualTo("20:00:00-08:00:00 {1,2,3,4,5}");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).isEmpty();
    }

    @Test
    void writesNothingWhenTheDaysAlreadyAreWhatWasAsked() {
        Message answer = fixture.candor(hr, "admin working-days monday-friday");

        assertThat(answer.fallbackText()).isEqualTo("Working days is already Monday to Friday — nothing changed.");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).isEmpty();
    }

    @Test
    void theOverviewShowsWorkingDaysQuietHoursAndHowToChangeThem() {
        fixture.candor(hr, "admin working-days sun-thu");

        assertThat(Texts.of(fixture.candor(hr, "admin")))
                .contains("Working days: Sunday to Thursday")
                .contains("Quiet hours: 20:00–08:00, in each person's own time zone")
                .contains("/candor admin working-days <days, e.g. mon,tue,wed,thu,fri>")
                .contains("e.g. /candor admin quiet-hours 20:00-08:00");
    }

    @Test
    void refusesEveryoneButHrAdmins() {
        Actor manager = fixture.person(Platform.SLACK, "U0MAX", "Max", "UTC", Role.MANAGER);

        assertThat(fixture.candor(manager, "admin working-days mon").fallbackText())
                .contains("Only HR admins can change Candor's settings");
        assertThat(fixture.candor(manager, "admin quiet-hours 18:00-09:00").fallbackText())
                .contains("Only HR admins can change Candor's settings");
        assertThat(stored(hr)).isEqualTo("20:00:00-08:00:00 {1,2,3,4,5}");
    }

    @Test
    void teamsAdminsTypeTheSameWords() {
        Actor teamsHr = fixture.person(Platform.TEAMS, "29:hana", "Hana", "Europe/Berlin", Role.HR_ADMIN);

        Message answer = fixture.candor(teamsHr, "admin quiet-hours 19:00-07:30");

        assertThat(Texts.of(answer)).contains("Undo: @Candor admin quiet-hours 20:00-08:00");
        assertThat(stored(teamsHr)).startsWith("19:00:00-07:30:00");
    }

    private static String stored(Actor actor) {
        return fixture.jdbi().withHandle(handle -> handle.select(
                        "SELECT quiet_from || '-' || quiet_until || ' ' || working_days::text"
                                + " FROM organisations WHERE id = ?",
                        actor.orgId())
                .mapTo(String.class)
                .one());
    }
}
