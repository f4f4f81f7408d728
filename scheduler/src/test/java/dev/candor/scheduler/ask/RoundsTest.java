package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.Duration;
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
    private WorkingTimes workingTimes;
    private AskOpener opener;
    private final List<Long> closings = new ArrayList<>();

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
        workingTimes = (org, ids) -> Map.copyOf(times);
        Clock clock = Clock.fixed(FRIDAY_13_UTC, ZoneOffset.UTC);
        opener = new AskOpener(jdbi, workingTimes, new RoundPlanner(), this::record, 100);
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

    @Test
    void remindingAfterTheDeadlineLetsWhoMissedItAnswerUntilThenAndClosesTheRoundAgainOnlyThen() {
        OpenedRound opened = rounds.open(request("2026-W02")).orElseThrow();
        long round = opened.round().id();
        answer(askOf(opened, ana));
        Instant deadline = closeAfterDeadline(round);
        Instant now = deadline.plus(Duration.ofHours(3));
        Instant until = now.plus(Duration.ofDays(1));

        List<Long> reopened = roundsAt(now).reopenLate(orgId, round, until);

        assertThat(reopened).containsExactly(li);
        assertThat(roundState(round)).isEqualTo("open");
        assertThat(ask(askOf(opened, li)))
                .extracting(Ask::state, Ask::dueAt, Ask::nextReminderAt)
                .containsExactly(AskState.PENDING, until, null);
        assertThat(ask(askOf(opened, ana)).state()).isEqualTo(AskState.ANSWERED);
        assertThat(ask(askOf(opened, away)).state()).isEqualTo(AskState.SKIPPED);
        RoundCloser closer = new RoundCloser(jdbi, listener());
        assertThat(closer.closeDue(until.minusSeconds(60))).isEqualTo(new RoundCloser.Closed(0, 0));
        assertThat(ask(askOf(opened, li)).acceptsAnswersAt(until.minusSeconds(60)))
                .isTrue();
        assertThat(closer.closeDue(until)).isEqualTo(new RoundCloser.Closed(1, 1));
        assertThat(ask(askOf(opened, li)).state()).isEqualTo(AskState.EXPIRED);
        assertThat(closings).containsExactly(round, round);
    }

    @Test
    void reopeningSomeOfTheRoundLeavesTheOthersExpiredAndItClosesOnceTheyAnswered() {
        OpenedRound opened = rounds.open(request("2026-W02")).orElseThrow();
        long round = opened.round().id();
        Instant deadline = closeAfterDeadline(round);
        Instant until = deadline.plus(Duration.ofDays(1));

        assertThat(roundsAt(deadline).reopenLate(orgId, round, List.of(ana, away), until))
                .containsExactly(ana);
        assertThat(ask(askOf(opened, li)).state()).isEqualTo(AskState.EXPIRED);
        answer(askOf(opened, ana));

        assertThat(new RoundCloser(jdbi, listener()).closeDue(deadline.plusSeconds(60)))
                .isEqualTo(new RoundCloser.Closed(0, 1));
        assertThat(closings).containsExactly(round, round);
    }

    @Test
    void reopeningARoundEveryoneAnsweredChangesNothing() {
        OpenedRound opened = rounds.open(request("2026-W02")).orElseThrow();
        long round = opened.round().id();
        answer(askOf(opened, ana));
        answer(askOf(opened, li));
        Instant deadline = closeAfterDeadline(round);

        assertThat(roundsAt(deadline).reopenLate(orgId, round, deadline.plus(Duration.ofDays(1))))
                .isEmpty();
        assertThat(roundState(round)).isEqualTo("closed");
    }

    /** Closes the round as the sweep does just after its deadline; returns that deadline. */
    private Instant closeAfterDeadline(long round) {
        Instant deadline = jdbi.withHandle(handle -> handle.select("SELECT closes_at FROM rounds WHERE id = ?", round)
                .mapTo(Instant.class)
                .one());
        new RoundCloser(jdbi, listener()).closeDue(deadline);
        assertThat(roundState(round)).isEqualTo("closed");
        return deadline;
    }

    private RoundListener listener() {
        return new RoundListener() {
            @Override
            public void closed(Handle handle, dev.candor.storage.ask.Round round, dev.candor.storage.ask.AskCounts c) {
                closings.add(round.id());
            }
        };
    }

    private Rounds roundsAt(Instant now) {
        return new Rounds(jdbi, Clock.fixed(now, ZoneOffset.UTC), workingTimes, opener);
    }

    private void answer(long askId) {
        assertThat(jdbi.onDemand(AskDao.class).markAnswered(orgId, askId, FRIDAY_13_UTC))
                .isTrue();
    }

    private Ask ask(long askId) {
        return jdbi.onDemand(AskDao.class).find(orgId, askId).orElseThrow();
    }

    private String roundState(long round) {
        return jdbi.withHandle(handle -> handle.select("SELECT state FROM rounds WHERE id = ?", round)
                .mapTo(String.class)
                .one());
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
