package dev.candor.bot.people.away;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.admin.AdminFixture;
import dev.candor.bot.admin.Texts;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Away;
import dev.candor.storage.people.AwayDao;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /candor away …} through the production router on a real database, on Wednesday 2 December 2026. */
class AwayHandlerTest {
    /** 23:30 UTC: still the 2nd in Lisbon, already the 3rd in Tokyo. */
    private static final Instant NOW = Instant.parse("2026-12-02T23:30:00Z");

    private static AdminFixture fixture;
    private static WorkingTimeLoader loader;
    private Actor ana;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture = new AdminFixture(clock);
        loader = new WorkingTimeLoader(fixture.jdbi(), clock);
    }

    @BeforeEach
    void person() {
        fixture.nextOrganisations();
        ana = fixture.person(Platform.SLACK, "U0ANA", "Ana", "Europe/Lisbon", Role.EMPLOYEE);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anyoneSaysTheyAreAwayAndIsToldTheDayInWords() {
        Message answer = fixture.candor(ana, "away until 2026-12-24");

        assertThat(stored(ana).until()).isEqualTo(LocalDate.parse("2026-12-24"));
        assertThat(Texts.of(answer))
                .contains("You're away until Thursday 24 December 2026, that day included")
                .contains("From Friday 25 December you're asked again")
                .contains("Back sooner? /candor away off");
        WorkingTime time = loader.of(ana.orgId(), List.of(ana.personId())).get(ana.personId());
        assertThat(time.isAway(Instant.parse("2026-12-24T12:00:00Z"))).isTrue();
        assertThat(time.isAway(Instant.parse("2026-12-25T12:00:00Z"))).isFalse();
    }

    @Test
    void todayWhereThePersonIsCountsAndYesterdayDoesNot() {
        Actor tokyo = fixture.person(Platform.SLACK, "U0KEN", "Ken", "Asia/Tokyo", Role.EMPLOYEE);

        assertThat(fixture.candor(ana, "away until 2026-12-02").fallbackText()).startsWith("🌴 You're away until");
        assertThat(Texts.of(fixture.candor(tokyo, "away until 2026-12-02")))
                .contains("2026-12-02 has passed: it's 2026-12-03 where you are")
                .contains("Nothing was changed");
        assertThat(stored(tokyo).until()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            textBlock =
                    """
            away until 24/12/2026        ¦ I couldn't read "24/12/2026" as a date: write it as year-month-day
            away until next friday       ¦ I didn't understand "until next friday"
            away until                   ¦ Say the last day you're away
            away until 2026-02-30        ¦ 2026-02-30 isn't a day in the calendar
            away until 2026-12-01        ¦ 2026-12-01 has passed: it's 2026-12-02 where you are
            away until 2028-01-01        ¦ 2028-01-01 is more than a year away
            away sometime                ¦ I couldn't read "sometime" as a date
            """)
    void refusesABadOrPastDateWithWhatToType(String command, String problem) {
        Message answer = fixture.candor(ana, command);

        assertThat(Texts.of(answer))
                .contains(problem, "Nothing was changed")
                .contains("Type /candor away until YYYY-MM-DD with your last day away")
                .contains("e.g. /candor away until 2026-12-16");
        assertThat(stored(ana)).isEqualTo(Away.NOT_AWAY);
    }

    @Test
    void offClearsTheDateAndTheStatusAndSaysWelcomeBack() {
        fixture.candor(ana, "away until 2026-12-24");
        dao().setStatus(ana.orgId(), ana.personId(), true, null);

        Message answer = fixture.candor(ana, "away off");

        assertThat(stored(ana)).isEqualTo(Away.NOT_AWAY);
        assertThat(Texts.of(answer))
                .contains("Welcome back")
                .contains("Your Slack status said you were away. Candor goes by it again the next time");
        assertThat(loader.of(ana.orgId(), List.of(ana.personId()))
                        .get(ana.personId())
                        .awayUntil())
                .isEmpty();
    }

    @Test
    void offWhenNotAwayChangesNothingAndSaysHowToGoAway() {
        assertThat(fixture.candor(ana, "away off").fallbackText())
                .isEqualTo("You weren't marked away, so nothing changed. Going away? /candor away until YYYY-MM-DD");
    }

    @Test
    void awayAloneSaysWhatCandorKnows() {
        assertThat(Texts.of(fixture.candor(ana, "away")))
                .contains("You're not marked away")
                .contains("/candor away until YYYY-MM-DD");
        dao().setStatus(ana.orgId(), ana.personId(), true, Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(Texts.of(fixture.candor(ana, "away")))
                .contains("Your Slack status says you're away until Saturday 5 December at 00:00, your time");
        fixture.candor(ana, "away until 2026-12-20");
        assertThat(Texts.of(fixture.candor(ana, "away"))).contains("You're away until Sunday 20 December 2026");
    }

    @Test
    void teamsPeopleTypeTheSameWords() {
        Actor teams = fixture.person(Platform.TEAMS, "29:ana", "Ana", "Europe/Lisbon", Role.EMPLOYEE);

        Message answer = fixture.candor(teams, "away until 2027-01-04");

        assertThat(Texts.of(answer)).contains("Monday 4 January 2027").contains("Back sooner? @Candor away off");
        assertThat(Texts.of(fixture.candor(teams, "away until tomorrow")))
                .contains("Type @Candor away until YYYY-MM-DD");
        assertThat(stored(teams).until()).isEqualTo(LocalDate.parse("2027-01-04"));
    }

    private static AwayDao dao() {
        return fixture.jdbi().onDemand(AwayDao.class);
    }

    private static Away stored(Actor actor) {
        return dao().find(actor.orgId(), actor.personId()).orElseThrow();
    }
}
