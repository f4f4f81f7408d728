package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.NewRound;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.RoundState;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep on a real database, with the port that queues messages and the feature's listener recording what they
 * were given: who is asked when, who is skipped and why, reminders only for people who haven't answered, expiry
 * and the round's close.
 */
class AskSweepJobTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RoundTiming WEEKLY = new RoundTiming(
            Opening.at(LocalDateTime.parse("2026-01-09T14:00")), Deadline.workingDays(2), ReminderPlan.defaults());

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private final List<String> queued = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final Map<Long, WorkingTime> times = new LinkedHashMap<>();

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id")
                .mapTo(Long.class)
                .one());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void asksEachPersonAtTheirOwnMomentAndRemindsOnlyThoseWhoHaveNotAnswered() {
        long ana = person("Ana", BERLIN, true, true);
        long li = person("Li", SHANGHAI, true, true);
        Round round = round(false, ana, li);
        long anaAsk = askOf(round, ana);

        assertThat(sweepAt("2026-01-09T05:59:00Z").asked()).isZero();
        assertThat(sweepAt("2026-01-09T06:00:00Z").asked()).isEqualTo(1);
        assertThat(queued).containsExactly("ask:" + askOf(round, li) + ":open");
        sweepAt("2026-01-09T13:00:00Z");
        assertThat(queued).endsWith("ask:" + anaAsk + ":open");
        jdbi.useExtension(
                AskDao.class, asks -> asks.markAnswered(orgId, anaAsk, Instant.parse("2026-01-09T15:00:00Z")));

        // Monday 08:00 in Shanghai (00:00 UTC) and in Berlin (07:00 UTC): only Li hasn't answered.
        assertThat(sweepAt("2026-01-12T07:00:00Z").reminded()).isEqualTo(1);
        assertThat(queued).endsWith("ask:" + askOf(round, li) + ":remind:1");
        assertThat(sweepAt("2026-01-13T04:00:00Z").reminded())
                .as("12:00 in Shanghai")
                .isEqualTo(1);
        assertThat(queued).endsWith("ask:" + askOf(round, li) + ":remind:2");
        assertThat(sweepAt("2026-01-13T05:59:00Z").reminded()).isZero();
        assertThat(closed).isEmpty();
    }

    @Test
    void expiresWhatIsUnansweredAtTheDeadlineAndClosesTheRoundWithItsLastDeadline() {
        long ana = person("Ana", BERLIN, true, true);
        long li = person("Li", SHANGHAI, true, true);
        Round round = round(false, ana, li);
        sweepAt("2026-01-09T13:00:00Z");

        AskSweepJob.Swept atLisDeadline = sweepAt("2026-01-13T06:00:00Z");
        AskSweepJob.Swept atAnasDeadline = sweepAt("2026-01-13T13:00:00Z");

        assertThat(atLisDeadline.expired()).isEqualTo(1);
        assertThat(atLisDeadline.closed()).as("Ana may still answer").isZero();
        assertThat(atAnasDeadline.expired()).isEqualTo(1);
        assertThat(atAnasDeadline.closed()).isEqualTo(1);
        assertThat(closed).containsExactly(round.id() + " " + new AskCounts(0, 0, 0, 2));
        assertThat(jdbi.onDemand(RoundDao.class)
                        .find(orgId, round.id())
                        .orElseThrow()
                        .state())
                .isEqualTo(RoundState.CLOSED);
        assertThat(sweepAt("2026-01-13T14:00:00Z").closed()).isZero();
        assertThat(closed).hasSize(1);
    }

    @Test
    void closesOnceTheLastOneStillAskedExpiresWhenTheOthersAnswered() {
        long ana = person("Ana", BERLIN, true, true);
        long li = person("Li", SHANGHAI, true, true);
        Round round = round(false, ana, li);
        sweepAt("2026-01-09T13:00:00Z");
        jdbi.useExtension(
                AskDao.class,
                asks -> asks.markAnswered(orgId, askOf(round, ana), Instant.parse("2026-01-09T15:00:00Z")));

        AskSweepJob.Swept atLisDeadline = sweepAt("2026-01-13T06:00:00Z");

        assertThat(atLisDeadline.closed()).isEqualTo(1);
        assertThat(closed).containsExactly(round.id() + " " + new AskCounts(0, 1, 0, 1));
    }

    @Test
    void aRoundClosesAsSoonAsEveryoneHasAnswered() {
        long ana = person("Ana", BERLIN, true, true);
        Round round = round(true, ana);
        sweepAt("2026-01-09T13:00:00Z");
        jdbi.useExtension(AskDao.class, asks -> asks.markAnswered(orgId, askOf(round, ana), null));

        assertThat(sweepAt("2026-01-09T13:01:00Z").closed()).isEqualTo(1);
        assertThat(closed).containsExactly(round.id() + " " + new AskCounts(0, 1, 0, 0));
    }

    @Test
    void skipsPeopleWhoLeftOrCantBeReachedAndWaitsForSomeoneNoLongerInWorkingTime() {
        long left = person("Left", BERLIN, false, true);
        long unreachable = person("Nobody", BERLIN, true, false);
        long moved = person("Mo", BERLIN, true, true);
        Round round = round(false, left, unreachable, moved);
        // Mo moved to Shanghai after the round was planned: 13:00 UTC is 21:00 there.
        times.put(moved, WorkingTime.defaults(SHANGHAI));

        assertThat(sweepAt("2026-01-09T13:00:00Z").asked()).isZero();

        Map<Long, NewAskState> states = states(round);
        assertThat(states.get(left)).isEqualTo(new NewAskState(AskState.SKIPPED, SkipReason.LEFT));
        assertThat(states.get(unreachable)).isEqualTo(new NewAskState(AskState.SKIPPED, SkipReason.UNREACHABLE));
        assertThat(states.get(moved)).isEqualTo(new NewAskState(AskState.PENDING, null));
        assertThat(jdbi.onDemand(AskDao.class)
                        .find(orgId, askOf(round, moved))
                        .orElseThrow()
                        .opensAt())
                .isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThat(sweepAt("2026-01-12T00:00:00Z").asked()).isEqualTo(1);
    }

    @Test
    void movesEachPersonNoLongerInWorkingTimeToTheirOwnNextMorning() {
        long toShanghai = person("Shu", BERLIN, true, true);
        long toTokyo = person("Tomo", BERLIN, true, true);
        long stays = person("Sten", BERLIN, true, true);
        Round round = round(false, toShanghai, toTokyo, stays);
        times.put(toShanghai, WorkingTime.defaults(SHANGHAI));
        times.put(toTokyo, WorkingTime.defaults(ZoneId.of("Asia/Tokyo")));

        assertThat(sweepAt("2026-01-09T13:00:00Z").asked()).isEqualTo(1);

        AskDao asks = jdbi.onDemand(AskDao.class);
        assertThat(asks.find(orgId, askOf(round, toShanghai)).orElseThrow().opensAt())
                .as("Monday 08:00 in Shanghai")
                .isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThat(asks.find(orgId, askOf(round, toTokyo)).orElseThrow().opensAt())
                .as("Monday 08:00 in Tokyo")
                .isEqualTo(Instant.parse("2026-01-11T23:00:00Z"));
        assertThat(asks.find(orgId, askOf(round, stays)).orElseThrow().sentAt())
                .isEqualTo(Instant.parse("2026-01-09T13:00:00Z"));
    }

    @Test
    void sendsEveryAskOfABigRoundInBatches() {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(person("P" + i, BERLIN, true, true));
        }
        Round round = round(false, people.stream().mapToLong(Long::longValue).toArray());
        RoundPlanner planner = new RoundPlanner();
        AskOpener opener = new AskOpener(jdbi, this::workingTimes, planner, this::record, 2);

        assertThat(opener.openDue(round.id(), Instant.parse("2026-01-09T13:00:00Z")))
                .isEqualTo(5);
        assertThat(queued).hasSize(5).doesNotHaveDuplicates();
    }

    private record NewAskState(AskState state, SkipReason reason) {}

    private Map<Long, NewAskState> states(Round round) {
        Map<Long, NewAskState> states = new LinkedHashMap<>();
        jdbi.onDemand(AskDao.class)
                .listByRound(orgId, round.id())
                .forEach(ask -> states.put(ask.personId(), new NewAskState(ask.state(), ask.skipReason())));
        return states;
    }

    private AskSweepJob.Swept sweepAt(String utc) {
        Clock clock = Clock.fixed(Instant.parse(utc), ZoneOffset.UTC);
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

    private long person(String name, ZoneId zone, boolean active, boolean reachable) {
        long id = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, timezone, active) VALUES (?, ?, ?, ?) RETURNING id",
                        orgId,
                        name,
                        zone.getId(),
                        active)
                .mapTo(Long.class)
                .one());
        if (reachable) {
            jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    "U" + id));
        }
        times.put(id, WorkingTime.defaults(zone));
        return id;
    }

    private Round round(boolean anonymous, long... people) {
        QuestionnaireVersion questionnaire =
                jdbi.onDemand(QuestionnaireDao.class).insert(orgId, "test", "[]", null);
        Map<Long, WorkingTime> planned = new LinkedHashMap<>();
        for (long person : people) {
            planned.put(person, times.get(person));
        }
        List<NewAsk> asks = new RoundPlanner().plan(WEEKLY, planned, Instant.parse("2026-01-09T00:00:00Z"));
        Instant closes =
                asks.stream().map(NewAsk::dueAt).max(Instant::compareTo).orElseThrow();
        return jdbi.inTransaction(handle -> {
            Round round = handle.attach(RoundDao.class)
                    .insert(new NewRound(
                            orgId,
                            "test",
                            "test:1",
                            "2026-W02",
                            questionnaire.questionnaireId(),
                            1,
                            LocalDateTime.parse("2026-01-09T14:00"),
                            2,
                            null,
                            anonymous,
                            WEEKLY.reminders().tokens(),
                            closes,
                            null))
                    .orElseThrow();
            handle.attach(AskDao.class).insertAll(orgId, round.id(), asks);
            return round;
        });
    }

    private long askOf(Round round, long personId) {
        return jdbi.onDemand(AskDao.class).listByRound(orgId, round.id()).stream()
                .filter(ask -> ask.personId() == personId)
                .findFirst()
                .orElseThrow()
                .id();
    }
}
