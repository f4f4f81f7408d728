package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening rounds as a feature does: once per period, at once when asked to, with who gets it later. */
class RoundsTest {
    private static final Instant FRIDAY_13_UTC = Instant.parse("2026-01-09T13:00:00Z");

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private final List<String> queued = new ArrayList<>();
    private Rounds rounds;
    private QuestionnaireVersion questionnaire;
    private long ana;
    private long li;
    private long away;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id")
                .mapTo(Long.class)
                .one());
        ana = person("Ana");
        li = person("Li");
        away = person("Al");
        Map<Long, WorkingTime> times = Map.of(
                ana,
                WorkingTime.defaults(ZoneId.of("Europe/Berlin")),
                li,
                WorkingTime.defaults(ZoneId.of("Asia/Shanghai")),
                away,
                new WorkingTime(
                        ZoneId.of("Europe/Berlin"),
                        WorkingTime.DEFAULT_QUIET_FROM,
                        WorkingTime.DEFAULT_QUIET_UNTIL,
                        WorkingTime.DEFAULT_WORKING_DAYS,
                        Optional.of(LocalDate.parse("2026-01-20"))));
        WorkingTimes workingTimes = (org, ids) -> Map.copyOf(times);
        Clock clock = Clock.fixed(FRIDAY_13_UTC, ZoneOffset.UTC);
        AskOpener opener = new AskOpener(jdbi, workingTimes, new RoundPlanner(), this::record, 100);
        rounds = new Rounds(jdbi, clock, workingTimes, opener);
        questionnaire = jdbi.onDemand(QuestionnaireDao.class).insert(orgId, "test", "[]", null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void opensARoundOncePerSubjectAndPeriod() {
        Optional<OpenedRound> first = rounds.open(request("2026-W02"));
        Optional<OpenedRound> again = rounds.open(request("2026-W02"));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(jdbi.onDemand(AskDao.class)
                        .listByRound(orgId, first.get().round().id()))
                .hasSize(3);
    }

    @Test
    void openingNowQueuesTheAsksOfPeopleInWorkingTimeAndSaysWhoGetsItLater() {
        OpenedRound opened = rounds.open(request("2026-W02")).orElseThrow();

        int sent = rounds.openNow(opened.round().id());

        assertThat(sent).isEqualTo(1);
        long anasAsk = askOf(opened, ana);
        assertThat(queued).containsExactly(DueAsk.openKey(anasAsk));
        assertThat(opened.later(FRIDAY_13_UTC))
                .extracting(NewAsk::personId, NewAsk::opensAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(li, Instant.parse("2026-01-12T00:00:00Z")));
        assertThat(opened.skipped())
                .extracting(NewAsk::personId, NewAsk::skipReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(away, SkipReason.AWAY));
        assertThat(rounds.openNow(opened.round().id())).as("nothing twice").isZero();
        assertThat(jdbi.onDemand(AskDao.class)
                        .find(orgId, anasAsk)
                        .orElseThrow()
                        .state())
                .isEqualTo(AskState.PENDING);
    }

    private RoundRequest request(String period) {
        RoundTiming timing = new RoundTiming(Opening.now(), Deadline.workingDays(2), ReminderPlan.defaults());
        return new RoundRequest(
                orgId,
                "test",
                "test:1",
                period,
                questionnaire.questionnaireId(),
                questionnaire.version(),
                timing,
                false,
                List.of(ana, li, away),
                null);
    }

    private long askOf(OpenedRound opened, long personId) {
        return jdbi.onDemand(AskDao.class).listByRound(orgId, opened.round().id()).stream()
                .filter(ask -> ask.personId() == personId)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private int record(Handle handle, List<DueAsk> due) {
        due.forEach(ask -> queued.add(ask.key()));
        return due.size();
    }

    private long person(String name) {
        long id = jdbi.withHandle(
                handle -> handle.select("INSERT INTO people (org_id, name) VALUES (?, ?) RETURNING id", orgId, name)
                        .mapTo(Long.class)
                        .one());
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                        + " VALUES (?, ?, 'slack', ?)",
                orgId,
                id,
                "U" + id));
        return id;
    }
}
