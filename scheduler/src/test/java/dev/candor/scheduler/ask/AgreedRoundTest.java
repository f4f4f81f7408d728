package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.RoundState;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds at a moment people agreed to (a 1:1 meeting's): opened and reminded at their planned instants whatever
 * anyone's quiet hours or weekend, someone away skipped, and a cancelled round sends nothing more.
 */
class AgreedRoundTest {
    /** Friday 9 January 2026 17:00 UTC: 18:00 in Berlin, Saturday 01:00 in Shanghai. */
    private static final Instant OPENS = Instant.parse("2026-01-09T17:00:00Z");

    private static final Instant NEXT = OPENS.plus(Duration.ofDays(14));

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private final List<String> queued = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final Map<Long, WorkingTime> times = new LinkedHashMap<>();
    private QuestionnaireVersion questionnaire;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id")
                .mapTo(Long.class)
                .one());
        questionnaire = jdbi.onDemand(QuestionnaireDao.class).insert(orgId, "test", "[]", null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void asksAndRemindsAtTheAgreedMomentsEvenInSomeonesNightAndSkipsWhoeverIsAway() {
        long gil = person("Gil", ZoneId.of("Europe/Berlin"), null);
        long li = person("Li", ZoneId.of("Asia/Shanghai"), null);
        long al = person("Al", ZoneId.of("Europe/Berlin"), "2026-01-10");
        Round round = open(gil, li, al);

        assertThat(round.agreedTime()).isTrue();
        assertThat(round.opensAt()).isEqualTo(OPENS);
        assertThat(round.dueAt()).isEqualTo(NEXT);
        assertThat(ReminderPlan.parse(round.reminderPlan()).reminders())
                .containsExactly(new Reminder.AfterOpening(Duration.ofMinutes(90)));
        assertThat(ask(round, al).skipReason()).isEqualTo(SkipReason.AWAY);
        assertThat(sweepAt(OPENS.minusSeconds(60)).asked()).isZero();
        assertThat(sweepAt(OPENS).asked()).as("Li's Saturday 01:00 too").isEqualTo(2);
        assertThat(ask(round, li).dueAt()).isEqualTo(NEXT);
        assertThat(ask(round, li).nextReminderAt()).isEqualTo(OPENS.plus(Duration.ofMinutes(90)));
        jdbi.useExtension(
                AskDao.class, asks -> asks.markAnswered(orgId, ask(round, gil).id(), OPENS));

        assertThat(sweepAt(OPENS.plus(Duration.ofMinutes(90))).reminded()).isEqualTo(1);
        assertThat(queued)
                .containsExactly(
                        "ask:" + ask(round, gil).id() + ":open",
                        "ask:" + ask(round, li).id() + ":open",
                        "ask:" + ask(round, li).id() + ":remind:1");
    }

    @Test
    void aCancelledRoundTakesOutWhoHasNotAnsweredSendsNothingMoreAndIsNotReportedClosed() {
        long gil = person("Gil", ZoneId.of("Europe/Berlin"), null);
        long li = person("Li", ZoneId.of("Asia/Shanghai"), null);
        Round round = open(gil, li);
        sweepAt(OPENS);
        jdbi.useExtension(
                AskDao.class, asks -> asks.markAnswered(orgId, ask(round, gil).id(), OPENS));

        RoundDao rounds = jdbi.onDemand(RoundDao.class);
        boolean cancelled = rounds.cancel(orgId, round.id(), OPENS);

        assertThat(cancelled).isTrue();
        assertThat(rounds.cancel(orgId, round.id(), OPENS)).isFalse();
        assertThat(ask(round, li).state()).isEqualTo(AskState.SKIPPED);
        assertThat(ask(round, li).skipReason()).isEqualTo(SkipReason.CANCELLED);
        assertThat(ask(round, gil).state()).isEqualTo(AskState.ANSWERED);
        AskSweepJob.Swept later = sweepAt(NEXT.plusSeconds(60));
        assertThat(later.reminded() + later.asked() + later.closed()).isZero();
        assertThat(closed).isEmpty();
        assertThat(rounds.find(orgId, round.id()).orElseThrow().state()).isEqualTo(RoundState.CANCELLED);
        assertThat(rounds.listOpenOf(orgId, "test", "test:1")).isEmpty();
    }

    private Round open(long... people) {
        Clock clock = Clock.fixed(OPENS.minus(Duration.ofDays(3)), ZoneOffset.UTC);
        Rounds rounds = new Rounds(jdbi, clock, this::workingTimes, null);
        RoundTiming timing = new RoundTiming(
                Opening.agreed(OPENS),
                new Deadline.AtInstant(NEXT),
                new ReminderPlan(List.of(new Reminder.AfterOpening(Duration.ofMinutes(90)))));
        List<Long> ids = new ArrayList<>();
        for (long person : people) {
            ids.add(person);
        }
        return rounds.open(new RoundRequest(
                        orgId,
                        "test",
                        "test:1",
                        "2026-01-09T18:00",
                        questionnaire.questionnaireId(),
                        questionnaire.version(),
                        timing,
                        false,
                        ids,
                        null))
                .orElseThrow()
                .round();
    }

    private Ask ask(Round round, long personId) {
        return jdbi.onDemand(AskDao.class).listByRound(orgId, round.id()).stream()
                .filter(ask -> ask.personId() == personId)
                .findFirst()
                .orElseThrow();
    }

    private AskSweepJob.Swept sweepAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return AskSweepJob.on(jdbi, clock, this::workingTimes, this::record, new RoundListener() {
                    @Override
                    public void closed(Handle handle, Round round, AskCounts counts) {
                        closed.add(round.id() + " " + counts);
                    }
                })
                .sweep();
    }

    private int record(Handle handle, List<DueAsk> due) {
        due.forEach(ask -> queued.add(ask.key()));
        return due.size();
    }

    private Map<Long, WorkingTime> workingTimes(long org, java.util.Collection<Long> personIds) {
        Map<Long, WorkingTime> known = new LinkedHashMap<>();
        personIds.forEach(id -> known.put(id, times.get(id)));
        return known;
    }

    private long person(String name, ZoneId zone, String awayUntil) {
        long id = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, timezone) VALUES (?, ?, ?) RETURNING id",
                        orgId,
                        name,
                        zone.getId())
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                        + " VALUES (?, ?, 'slack', ?)",
                orgId,
                id,
                "U" + id));
        WorkingTime defaults = WorkingTime.defaults(zone);
        times.put(
                id,
                new WorkingTime(
                        zone,
                        defaults.quietFrom(),
                        defaults.quietUntil(),
                        defaults.workingDays(),
                        Optional.ofNullable(awayUntil).map(LocalDate::parse)));
        return id;
    }
}
