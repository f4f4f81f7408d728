package dev.candor.scheduler.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.AskOpener;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyAudience;
import dev.candor.storage.pulse.SurveyCadence;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyState;
import dev.candor.storage.pulse.SurveyTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's series sweep opens scheduled and recurring surveys' rounds for their audience as the directory has it
 * then (a department, a manager's organisation at any depth), never for bots or deactivated people, and nothing for a
 * paused survey.
 */
class PulseSeriesTest {
    /** Friday 2026-12-04 14:30 UTC: a weekly Friday 14:00 (UTC) round is due. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T14:30:00Z"), ZoneOffset.UTC);

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private long hana;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id")
                .mapTo(Long.class)
                .one());
        hana = person("Hana", "HR", null, true, false);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aWeeklySurveyOpensOneAnonymousRoundPerPeriodForItsDepartment() {
        long maya = person("Maya", "Sales", null, true, false);
        long ana = person("Ana", "Sales", maya, true, false);
        person("Ola", "Sales", maya, false, false);
        person("Deploybot", "Sales", null, true, true);
        person("Li", "Engineering", ana, true, false);
        long survey = survey(SurveyCadence.WEEKLY, null, SurveyAudience.DEPARTMENTS, null, SurveyState.ACTIVE);

        assertThat(job().sweep()).isEqualTo(1);
        assertThat(job().sweep()).isZero();

        assertThat(asked(survey)).containsExactlyInAnyOrder(maya, ana);
        assertThat(strings("SELECT period || ' ' || anonymous FROM rounds")).containsExactly("2026-W49 true");
    }

    @Test
    void aManagersOrganisationReachesEveryLevelUnderThemEvenThroughACycle() {
        long maya = person("Maya", "Sales", null, true, false);
        long ana = person("Ana", "Sales", maya, true, false);
        long li = person("Li", "Engineering", ana, true, false);
        long sam = person("Sam", "Engineering", li, true, false);
        person("Ola", "Sales", li, false, false);
        person("Nia", "Support", null, true, false);
        jdbi.useHandle(handle -> handle.execute("UPDATE people SET manager_id = ? WHERE id = ?", sam, maya));
        long survey = survey(
                SurveyCadence.MONTHLY,
                LocalDate.parse("2026-12-01"),
                SurveyAudience.ORGANISATION,
                maya,
                SurveyState.ACTIVE);

        assertThat(job().sweep()).isEqualTo(1);

        assertThat(asked(survey)).containsExactlyInAnyOrder(ana, li, sam);
    }

    @Test
    void aPausedSurveyOpensNothingAndASurveyAtADateOpensOnThatDayOnly() {
        person("Maya", "Sales", null, true, false);
        survey(SurveyCadence.WEEKLY, null, SurveyAudience.EVERYONE, null, SurveyState.ACTIVE);
        jdbi.useHandle(handle -> handle.execute("UPDATE pulse_surveys SET state = 'paused'"));
        long today = survey(
                SurveyCadence.ONCE, LocalDate.parse("2026-12-04"), SurveyAudience.EVERYONE, null, SurveyState.ACTIVE);
        long monday = survey(
                SurveyCadence.ONCE, LocalDate.parse("2026-12-07"), SurveyAudience.EVERYONE, null, SurveyState.ACTIVE);

        assertThat(job().sweep()).isEqualTo(1);

        assertThat(strings("SELECT subject || ' ' || period FROM rounds")).containsExactly(today + " once");
        assertThat(asked(monday)).isEmpty();
    }

    @Test
    void pausingHoldsEveryReminderAndResumingPlansOnlyThoseStillToCome() {
        person("Maya", "Sales", null, true, false);
        person("Ana", "Sales", null, true, false);
        jdbi.useHandle(handle -> handle.execute("INSERT INTO platform_identities (org_id, person_id, platform,"
                + " platform_user_id) SELECT org_id, id, 'slack', 'U' || id FROM people"));
        survey(SurveyCadence.WEEKLY, null, SurveyAudience.EVERYONE, null, SurveyState.ACTIVE);
        job().sweep();
        long round = count("SELECT id FROM rounds");
        engine().openNow(round);
        assertThat(count("SELECT count(*) FROM asks WHERE next_reminder_at IS NOT NULL"))
                .isEqualTo(3);

        int held = engine().holdReminders(orgId, round);

        assertThat(held).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM asks WHERE next_reminder_at IS NOT NULL"
                        + " OR cardinality(reminder_times) > 0"))
                .isZero();
        assertThat(engine().resumeReminders(orgId, round)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM asks WHERE next_reminder_at = TIMESTAMPTZ '2026-12-07 08:00Z'"))
                .isEqualTo(3);
    }

    private RoundSeriesJob job() {
        return new RoundSeriesJob(
                jdbi, FRIDAY, List.of(new PulseSeries(new PulseRounds(engine(), ChannelMembers.NONE))));
    }

    /** The engine with everyone in UTC working time, whose DMs are counted rather than sent. */
    private Rounds engine() {
        Map<Long, WorkingTime> times = new HashMap<>();
        WorkingTimes workingTimes = (org, ids) -> {
            ids.forEach(id -> times.put(id, WorkingTime.defaults(ZoneId.of("UTC"))));
            return Map.copyOf(times);
        };
        AskOpener opener = new AskOpener(jdbi, workingTimes, new RoundPlanner(), (handle, due) -> due.size(), 100);
        return new Rounds(jdbi, FRIDAY, workingTimes, opener);
    }

    private long survey(
            SurveyCadence cadence, LocalDate opensOn, SurveyAudience audience, Long manager, SurveyState state) {
        long questionnaire = jdbi.onDemand(QuestionnaireDao.class)
                .insert(
                        orgId,
                        PulseRounds.FEATURE,
                        "[{\"id\":\"q1\",\"type\":\"nps\",\"prompt\":\"Recommend?\"}]",
                        null)
                .questionnaireId();
        Survey inserted = jdbi.onDemand(SurveyDao.class)
                .insert(
                        new Survey(
                                0,
                                orgId,
                                "Pulse " + cadence + " " + audience,
                                SurveyTemplate.ENPS,
                                questionnaire,
                                true,
                                5,
                                audience,
                                List.of("Sales"),
                                manager,
                                null,
                                null,
                                cadence,
                                opensOn,
                                LocalTime.of(14, 0),
                                5,
                                5,
                                true,
                                SurveyState.DRAFT,
                                hana,
                                null,
                                null,
                                null),
                        List.of());
        jdbi.onDemand(SurveyDao.class)
                .move(
                        orgId,
                        inserted.id(),
                        new String[] {"draft"},
                        state,
                        FRIDAY.instant().minusSeconds(86_400));
        return inserted.id();
    }

    private List<Long> asked(long surveyId) {
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT a.person_id FROM asks a JOIN rounds r ON r.id = a.round_id"
                                + " WHERE r.feature = 'pulse' AND r.subject = ?",
                        String.valueOf(surveyId))
                .mapTo(Long.class)
                .list());
    }

    private long count(String sql) {
        return jdbi.withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }

    private List<String> strings(String sql) {
        return jdbi.withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }

    private long person(String name, String department, Long manager, boolean active, boolean bot) {
        return jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, department, manager_id, active, is_bot)"
                                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        orgId,
                        name,
                        department,
                        manager,
                        active,
                        bot)
                .mapTo(Long.class)
                .one());
    }
}
