package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundPlannerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Friday 9 January 2026, 14:00 in each person's zone; answers due two working days later. */
    private static final RoundTiming WEEKLY = new RoundTiming(
            Opening.at(LocalDateTime.parse("2026-01-09T14:00")), Deadline.workingDays(2), ReminderPlan.defaults());

    private final RoundPlanner planner = new RoundPlanner();

    private static Instant at(ZoneId zone, String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
    }

    private static Instant clock(String utc) {
        return Clock.fixed(Instant.parse(utc), ZoneOffset.UTC).instant();
    }

    private static WorkingTime away(WorkingTime person, String lastDay) {
        return new WorkingTime(
                person.zone(),
                person.quietFrom(),
                person.quietUntil(),
                person.workingDays(),
                Optional.of(LocalDate.parse(lastDay)));
    }

    private NewAsk plan(RoundTiming timing, WorkingTime person, String nowUtc) {
        return planner.plan(timing, 1L, person, clock(nowUtc));
    }

    @Test
    void opensAtTheRoundsLocalTimeInEachPersonsZone() {
        Map<Long, WorkingTime> people = new LinkedHashMap<>();
        people.put(1L, WorkingTime.defaults(BERLIN));
        people.put(2L, WorkingTime.defaults(NEW_YORK));
        people.put(3L, WorkingTime.defaults(SHANGHAI));

        List<NewAsk> asks = planner.plan(WEEKLY, people, clock("2026-01-09T00:00:00Z"));

        assertThat(asks)
                .extracting(NewAsk::opensAt)
                .containsExactly(
                        at(BERLIN, "2026-01-09T14:00"),
                        at(NEW_YORK, "2026-01-09T14:00"),
                        at(SHANGHAI, "2026-01-09T14:00"));
        assertThat(asks)
                .extracting(NewAsk::dueAt)
                .containsExactly(
                        at(BERLIN, "2026-01-13T14:00"),
                        at(NEW_YORK, "2026-01-13T14:00"),
                        at(SHANGHAI, "2026-01-13T14:00"));
        assertThat(asks).extracting(NewAsk::state).containsOnly(AskState.PENDING);
    }

    @Test
    void someoneWhoseLocalTimeHasPassedIsAskedAtOnceWhileStillWorking() {
        // 10:00 UTC is 18:00 in Shanghai: four hours after the round's 14:00 there, two before the quiet hours.
        NewAsk li = plan(WEEKLY, WorkingTime.defaults(SHANGHAI), "2026-01-09T10:00:00Z");

        assertThat(li.opensAt()).isEqualTo(Instant.parse("2026-01-09T10:00:00Z"));
    }

    @Test
    void anOpeningInTheQuietHoursWaitsForTheNextWorkingMorningAndTheDeadlineCountsFromThere() {
        // 12:30 UTC is 20:30 on Friday in Shanghai: Li gets it on Monday at 08:00 her time.
        NewAsk li = plan(WEEKLY, WorkingTime.defaults(SHANGHAI), "2026-01-09T12:30:00Z");

        assertThat(li.opensAt()).isEqualTo(at(SHANGHAI, "2026-01-12T08:00"));
        assertThat(li.dueAt()).isEqualTo(at(SHANGHAI, "2026-01-14T08:00"));
    }

    @Test
    void aRoundOpeningOnASaturdayOpensOnMondayMorning() {
        RoundTiming saturday = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-10T10:00")), Deadline.workingDays(2), ReminderPlan.none());

        NewAsk ana = plan(saturday, WorkingTime.defaults(BERLIN), "2026-01-09T00:00:00Z");

        assertThat(ana.opensAt()).isEqualTo(at(BERLIN, "2026-01-12T08:00"));
    }

    @Test
    void keepsToTheOrganisationsOwnWorkingDaysAndQuietHours() {
        WorkingTime sundayToThursday = new WorkingTime(
                ZoneId.of("Asia/Jerusalem"),
                LocalTime.of(19, 0),
                LocalTime.of(9, 0),
                EnumSet.of(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                Optional.empty());

        NewAsk dana = plan(WEEKLY, sundayToThursday, "2026-01-09T00:00:00Z");

        assertThat(dana.opensAt()).isEqualTo(at(ZoneId.of("Asia/Jerusalem"), "2026-01-11T09:00"));
        assertThat(dana.dueAt()).isEqualTo(at(ZoneId.of("Asia/Jerusalem"), "2026-01-13T09:00"));
    }

    @Test
    void remindsTheNextWorkingMorningAndTwoHoursBeforeTheDeadline() {
        NewAsk ana = plan(WEEKLY, WorkingTime.defaults(BERLIN), "2026-01-09T00:00:00Z");

        assertThat(ana.reminders()).containsExactly(at(BERLIN, "2026-01-12T08:00"), at(BERLIN, "2026-01-13T12:00"));
    }

    @Test
    void remindsAtEightLocalTimeAcrossTheChangeToSummerTime() {
        // Berlin moves its clocks forward in the night to Sunday 29 March 2026: Monday's 08:00 is 06:00 UTC, not 07:00.
        RoundTiming acrossDst = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-03-27T14:00")), Deadline.workingDays(2), ReminderPlan.defaults());

        NewAsk ana = plan(acrossDst, WorkingTime.defaults(BERLIN), "2026-03-27T00:00:00Z");

        assertThat(ana.opensAt()).isEqualTo(Instant.parse("2026-03-27T13:00:00Z"));
        assertThat(ana.reminders())
                .containsExactly(Instant.parse("2026-03-30T06:00:00Z"), Instant.parse("2026-03-31T10:00:00Z"));
        assertThat(ana.dueAt()).isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
    }

    @Test
    void neverRemindsAtOrAfterTheDeadlineNorTwiceWithinAnHour() {
        RoundTiming shortWindow = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-09T14:00")),
                Deadline.at(LocalDateTime.parse("2026-01-09T16:30")),
                new ReminderPlan(List.of(
                        new Reminder.NextWorkingMorning(),
                        new Reminder.BeforeDeadline(Duration.ofHours(2)),
                        new Reminder.BeforeDeadline(Duration.ofMinutes(30)),
                        new Reminder.BeforeDeadline(Duration.ofMinutes(10)))));

        NewAsk ana = plan(shortWindow, WorkingTime.defaults(BERLIN), "2026-01-09T00:00:00Z");

        // 14:30 is within an hour of the opening, 16:20 within an hour of 16:00, Monday after the deadline.
        assertThat(ana.reminders()).containsExactly(at(BERLIN, "2026-01-09T16:00"));
    }

    @Test
    void aReminderDueInTheQuietHoursMovesToTheMorningOnlyIfThatIsBeforeTheDeadline() {
        RoundTiming dueMondayNine = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-09T14:00")),
                Deadline.at(LocalDateTime.parse("2026-01-12T09:00")),
                new ReminderPlan(List.of(new Reminder.BeforeDeadline(Duration.ofHours(3)))));

        NewAsk ana = plan(dueMondayNine, WorkingTime.defaults(BERLIN), "2026-01-09T00:00:00Z");

        assertThat(ana.reminders()).containsExactly(at(BERLIN, "2026-01-12T08:00"));
    }

    @Test
    void skipsSomeoneAwayWhenTheDeadlineCountsFromTheirOpening() {
        WorkingTime away = away(WorkingTime.defaults(BERLIN), "2026-01-16");

        NewAsk ana = plan(WEEKLY, away, "2026-01-09T00:00:00Z");

        assertThat(ana.state()).isEqualTo(AskState.SKIPPED);
        assertThat(ana.skipReason()).isEqualTo(SkipReason.AWAY);
        assertThat(ana.reminders()).isEmpty();
    }

    @Test
    void asksSomeoneAwayWhenTheyAreBackIfTheyCanStillMeetAFixedDeadline() {
        RoundTiming reviewPhase = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-09T14:00")),
                Deadline.at(LocalDateTime.parse("2026-01-30T17:00")),
                ReminderPlan.none());
        WorkingTime backOnMonday = away(WorkingTime.defaults(BERLIN), "2026-01-11");
        WorkingTime backTooLate = away(WorkingTime.defaults(BERLIN), "2026-02-27");

        NewAsk ana = plan(reviewPhase, backOnMonday, "2026-01-09T00:00:00Z");
        NewAsk bo = plan(reviewPhase, backTooLate, "2026-01-09T00:00:00Z");

        assertThat(ana.state()).isEqualTo(AskState.PENDING);
        assertThat(ana.opensAt()).isEqualTo(at(BERLIN, "2026-01-12T08:00"));
        assertThat(bo.state()).isEqualTo(AskState.SKIPPED);
        assertThat(bo.skipReason()).isEqualTo(SkipReason.AWAY);
    }

    @Test
    void skipsSomeoneWhoseFirstWorkingMomentIsAfterAFixedDeadline() {
        RoundTiming dueTonight = new RoundTiming(
                Opening.at(LocalDateTime.parse("2026-01-09T14:00")),
                Deadline.at(LocalDateTime.parse("2026-01-09T18:00")),
                ReminderPlan.none());

        NewAsk li = plan(dueTonight, WorkingTime.defaults(SHANGHAI), "2026-01-09T12:30:00Z");

        assertThat(li.state()).isEqualTo(AskState.SKIPPED);
        assertThat(li.skipReason()).isEqualTo(SkipReason.AFTER_DEADLINE);
    }

    @Test
    void openingNowAsksThoseAtWorkAtOnceAndTheOthersAtTheirNextMorning() {
        RoundTiming now = new RoundTiming(Opening.now(), Deadline.workingDays(2), ReminderPlan.defaults());
        Instant tuesdayNoonUtc = Instant.parse("2026-01-13T12:00:00Z");

        NewAsk ana = planner.plan(now, 1L, WorkingTime.defaults(BERLIN), tuesdayNoonUtc);
        NewAsk li = planner.plan(now, 2L, WorkingTime.defaults(SHANGHAI), tuesdayNoonUtc);

        assertThat(ana.opensAt()).isEqualTo(tuesdayNoonUtc);
        assertThat(li.opensAt()).isEqualTo(at(SHANGHAI, "2026-01-14T08:00"));
    }

    @Test
    void atSendingPostponesSomeoneNoLongerInWorkingTimeAndSkipsSomeoneNowAway() {
        Instant fridayNight = at(BERLIN, "2026-01-09T22:00");
        Instant due = at(BERLIN, "2026-01-13T14:00");
        WorkingTime ana = WorkingTime.defaults(BERLIN);

        assertThat(planner.atSending(ana, fridayNight, due, true))
                .isEqualTo(new RoundPlanner.Sending.Postpone(at(BERLIN, "2026-01-12T08:00")));
        assertThat(planner.atSending(ana, at(BERLIN, "2026-01-09T20:03"), due, true))
                .as("a sweep a few minutes late still sends")
                .isEqualTo(new RoundPlanner.Sending.Send());
        assertThat(planner.atSending(away(ana, "2026-01-20"), at(BERLIN, "2026-01-09T14:00"), due, true))
                .isEqualTo(new RoundPlanner.Sending.Skip(SkipReason.AWAY));
        assertThat(planner.atSending(away(ana, "2026-01-11"), at(BERLIN, "2026-01-09T14:00"), due, false))
                .isEqualTo(new RoundPlanner.Sending.Postpone(at(BERLIN, "2026-01-12T08:00")));
        assertThat(planner.mayRemind(away(ana, "2026-01-12"), at(BERLIN, "2026-01-12T08:00")))
                .isFalse();
    }

    @Test
    void aReminderPlanIsStoredAsTokensAndReadBack() {
        ReminderPlan plan = new ReminderPlan(List.of(
                new Reminder.NextWorkingMorning(),
                new Reminder.BeforeDeadline(Duration.ofHours(2)),
                new Reminder.WorkingDaysAfterOpening(3)));

        assertThat(plan.tokens())
                .containsExactly("next_working_morning", "before_deadline:PT2H", "working_days_after_opening:3");
        assertThat(ReminderPlan.parse(plan.tokens())).isEqualTo(plan);
    }
}
