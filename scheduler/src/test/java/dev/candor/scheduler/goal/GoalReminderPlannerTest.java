package dev.candor.scheduler.goal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.goal.GoalDue;
import dev.candor.storage.goal.GoalStale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Due-day reminders with a fixed clock, for owners and managers in different zones. */
class GoalReminderPlannerTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long ANA = 1;
    private static final long MO = 2;
    private final GoalReminderPlanner planner = new GoalReminderPlanner();

    private static GoalDue due(LocalDate day) {
        return new GoalDue(7, 42, "Ship the billing migration", day, ANA, "Ana", MO);
    }

    private List<GoalReminder> at(String instant, LocalDate dueOn, ZoneId ana, ZoneId mo) {
        return planner.due(
                List.of(due(dueOn)),
                Map.of(ANA, WorkingTime.defaults(ana), MO, WorkingTime.defaults(mo)),
                Instant.parse(instant));
    }

    @Test
    void aWeekBeforeTheOwnerIsRemindedFromNineInTheirOwnZone() {
        LocalDate due = LocalDate.of(2026, 12, 18); // a Friday
        // Friday 11 December, 08:30 in Tokyo: before nine there
        assertThat(at("2026-12-10T23:30:00Z", due, TOKYO, TOKYO)).isEmpty();
        // 09:30 in Tokyo, 19:30 on Thursday in New York: Ana in Tokyo gets it, seven days ahead
        assertThat(at("2026-12-11T00:30:00Z", due, TOKYO, NEW_YORK))
                .singleElement()
                .satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(GoalReminder.Kind.DUE_IN_A_WEEK);
                    assertThat(reminder.days()).isEqualTo(7);
                    assertThat(reminder.recipientId()).isEqualTo(ANA);
                    assertThat(reminder.key()).isEqualTo("goal:42:due_in_a_week:2026-12-18:1");
                });
        // the same moment with Ana in New York: Thursday evening there, eight days ahead
        assertThat(at("2026-12-11T00:30:00Z", due, NEW_YORK, NEW_YORK)).isEmpty();
    }

    @Test
    void theDayBeforeAndTheDayItselfSayTomorrowAndTodayButNotOnAWeekend() {
        LocalDate due = LocalDate.of(2026, 12, 18);
        assertThat(at("2026-12-17T14:00:00Z", due, NEW_YORK, NEW_YORK))
                .extracting(GoalReminder::kind, GoalReminder::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GoalReminder.Kind.DUE_TOMORROW, 1L));
        assertThat(at("2026-12-18T14:00:00Z", due, NEW_YORK, NEW_YORK))
                .extracting(GoalReminder::days)
                .containsExactly(0L);
        LocalDate sunday = LocalDate.of(2026, 12, 20);
        assertThat(at("2026-12-19T14:00:00Z", sunday, NEW_YORK, NEW_YORK))
                .as("Saturday is no working day")
                .isEmpty();
    }

    @Test
    void overdueGoesToTheOwnerThenAWeekLaterToTheManagerAndStopsAfterTwoWeeks() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        assertThat(at("2026-12-02T14:00:00Z", due, NEW_YORK, NEW_YORK))
                .extracting(GoalReminder::kind, GoalReminder::recipientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GoalReminder.Kind.OVERDUE, ANA));
        assertThat(at("2026-12-09T14:00:00Z", due, NEW_YORK, NEW_YORK))
                .extracting(GoalReminder::kind, GoalReminder::recipientId, GoalReminder::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GoalReminder.Kind.OVERDUE_TO_MANAGER, MO, -8L));
        assertThat(at("2026-12-16T14:00:00Z", due, NEW_YORK, NEW_YORK)).isEmpty();
    }

    @Test
    void theWeeklyUpdateAskListsAllOfAnOwnersStaleGoalsKeyedByTheirOwnWeek() {
        List<GoalStale> stale = List.of(new GoalStale(7, 42, ANA), new GoalStale(7, 43, ANA), new GoalStale(7, 44, MO));
        // Monday 09:30 in Tokyo, still Sunday evening in New York
        Instant now = Instant.parse("2026-12-07T00:30:00Z");

        List<GoalUpdateAsk> asks = planner.updateAsks(
                stale, Map.of(ANA, WorkingTime.defaults(TOKYO), MO, WorkingTime.defaults(NEW_YORK)), now);

        assertThat(asks).singleElement().satisfies(ask -> {
            assertThat(ask.ownerId()).isEqualTo(ANA);
            assertThat(ask.goalIds()).containsExactly(42L, 43L);
            assertThat(ask.key()).isEqualTo("goal-stale:1:2026-W50");
        });
    }

    @Test
    void someoneAwayIsNotRemindedAndAGoalFarAheadNeedsNothing() {
        LocalDate due = LocalDate.of(2026, 12, 18);
        WorkingTime away = new WorkingTime(
                NEW_YORK,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                WorkingTime.DEFAULT_WORKING_DAYS,
                Optional.of(LocalDate.of(2026, 12, 31)));
        assertThat(planner.due(List.of(due(due)), Map.of(ANA, away), Instant.parse("2026-12-17T14:00:00Z")))
                .isEmpty();
        assertThat(at("2026-12-01T14:00:00Z", due, NEW_YORK, NEW_YORK)).isEmpty();
    }

    @Test
    void askedNowTheWeeklyAskGoesAtAnyHourWithTheSameWeeksKeyButNotToSomeoneAway() {
        List<GoalStale> stale = List.of(new GoalStale(7, 42, ANA), new GoalStale(7, 44, MO));
        // Sunday evening in New York, Monday 09:30 in Tokyo: the sweep would ask only Ana
        Instant now = Instant.parse("2026-12-07T00:30:00Z");
        WorkingTime away = new WorkingTime(
                NEW_YORK,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                WorkingTime.DEFAULT_WORKING_DAYS,
                Optional.of(LocalDate.of(2026, 12, 31)));

        assertThat(planner
                        .updateAsksNow(
                                stale,
                                Map.of(ANA, WorkingTime.defaults(TOKYO), MO, WorkingTime.defaults(NEW_YORK)),
                                now)
                        .stream()
                        .map(GoalUpdateAsk::key))
                .containsExactly("goal-stale:1:2026-W50", "goal-stale:2:2026-W49");
        assertThat(planner.updateAsksNow(stale, Map.of(ANA, WorkingTime.defaults(TOKYO), MO, away), now).stream()
                        .map(GoalUpdateAsk::ownerId))
                .containsExactly(ANA);
    }
}
