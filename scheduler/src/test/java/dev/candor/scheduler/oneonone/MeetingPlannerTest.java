package dev.candor.scheduler.oneonone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.ask.NewAsk;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** 1:1 meetings as engine rounds, with fixed instants across zones and daylight-saving changes. */
class MeetingPlannerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final MeetingPlanner planner = new MeetingPlanner();

    private static Cadence biweeklyTuesdayTen(ZoneId zone) {
        return new Cadence(2, DayOfWeek.TUESDAY, LocalTime.of(10, 0), zone);
    }

    @Test
    void firstMeetingIsTheNextChosenWeekdayInTheManagersZone() {
        // Monday 2 March 2026, 12:00 in Berlin.
        LocalDateTime first = biweeklyTuesdayTen(BERLIN).first(Instant.parse("2026-03-02T11:00:00Z"));

        assertThat(first).isEqualTo(LocalDateTime.parse("2026-03-03T10:00"));
        assertThat(biweeklyTuesdayTen(BERLIN).remindAt(first)).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void firstMeetingSkipsTodayWhenItsReminderHourHasPassed() {
        // Tuesday 3 March 2026, 09:30 in Berlin: today's 10:00 is too close for a reminder an hour before.
        assertThat(new Cadence(1, DayOfWeek.TUESDAY, LocalTime.of(10, 0), BERLIN)
                        .first(Instant.parse("2026-03-03T08:30:00Z")))
                .isEqualTo(LocalDateTime.parse("2026-03-10T10:00"));
    }

    @Test
    void opensAnHourBeforeRemindsHalfAnHourAfterTheStartAndIsDueWhenTheNextMeetingOpens() {
        RoundTiming timing = planner.timing(biweeklyTuesdayTen(BERLIN), LocalDateTime.parse("2026-03-03T10:00"));

        assertThat(timing.opening()).isEqualTo(new Opening.AtInstant(Instant.parse("2026-03-03T08:00:00Z")));
        assertThat(timing.deadline()).isEqualTo(new Deadline.AtInstant(Instant.parse("2026-03-17T08:00:00Z")));
        assertThat(timing.reminders().tokens()).containsExactly("after_opening:PT1H30M");
    }

    @Test
    void theReminderAndNotesComeAtTheMeetingsMomentsEvenInTheOthersNight() {
        // Gil's 10:00 in Berlin is 04:00 in New York: Ana agreed to it, so her ask isn't moved to 08:00.
        RoundTiming timing = planner.timing(biweeklyTuesdayTen(BERLIN), LocalDateTime.parse("2026-03-03T10:00"));

        NewAsk ana = new RoundPlanner()
                .plan(timing, 2L, WorkingTime.defaults(NEW_YORK), Instant.parse("2026-03-02T11:00:00Z"));

        assertThat(ana.opensAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(ana.reminders()).containsExactly(Instant.parse("2026-03-03T09:30:00Z"));
        assertThat(ana.dueAt()).isEqualTo(Instant.parse("2026-03-17T08:00:00Z"));
    }

    @Test
    void keepsTheLocalMeetingTimeAcrossTheSpringDaylightSavingChange() {
        // Berlin moves to summer time on Sunday 29 March 2026: 10:00 is 09:00 UTC before and 08:00 UTC after.
        Cadence cadence = biweeklyTuesdayTen(BERLIN);
        LocalDateTime before = LocalDateTime.parse("2026-03-17T10:00");

        LocalDateTime next = planner.following(cadence, before, Instant.parse("2026-03-31T07:00:00Z"));

        assertThat(cadence.at(before)).isEqualTo(Instant.parse("2026-03-17T09:00:00Z"));
        assertThat(next).isEqualTo(LocalDateTime.parse("2026-03-31T10:00"));
        assertThat(planner.timing(cadence, before).deadline())
                .isEqualTo(new Deadline.AtInstant(Instant.parse("2026-03-31T07:00:00Z")));
    }

    @Test
    void aSweeperDownForWeeksPicksUpWithTheNextMeetingToComeNeverOneThatStarted() {
        Cadence cadence = new Cadence(1, DayOfWeek.TUESDAY, LocalTime.of(10, 0), NEW_YORK);

        // Five weeks later, Tuesday 7 April at 10:30 in New York: that day's meeting has started.
        LocalDateTime next = planner.following(
                cadence, LocalDateTime.parse("2026-03-03T10:00"), Instant.parse("2026-04-07T14:30:00Z"));

        assertThat(next).isEqualTo(LocalDateTime.parse("2026-04-14T10:00"));
    }

    @Test
    void aMeetingWhoseRoundShouldHaveOpenedButHasNotStartedIsStillOpened() {
        Cadence cadence = new Cadence(1, DayOfWeek.TUESDAY, LocalTime.of(10, 0), ZoneOffset.UTC);

        LocalDateTime next = planner.following(
                cadence, LocalDateTime.parse("2026-03-03T10:00"), Instant.parse("2026-03-10T09:01:00Z"));

        assertThat(next).isEqualTo(LocalDateTime.parse("2026-03-10T10:00"));
    }

    @Test
    void aRoundIsKeyedByItsMeetingAndTheSchedulesRevision() {
        LocalDateTime meeting = LocalDateTime.parse("2026-03-03T10:00");

        assertThat(MeetingPlanner.period(meeting, 0)).isEqualTo("2026-03-03T10:00");
        assertThat(MeetingPlanner.meeting(MeetingPlanner.period(meeting, 3))).isEqualTo(meeting);
        assertThat(MeetingPlanner.oneOnOneId(MeetingPlanner.subject(42))).isEqualTo(42);
        assertThat(MeetingPlanner.oneOnOneId("checkin:42")).isEqualTo(-1);
        assertThat(MeetingPlanner.meeting("garbage")).isNull();
    }

    @Test
    void monthlyMeansEveryFourWeeks() {
        Cadence cadence = new Cadence(4, DayOfWeek.FRIDAY, LocalTime.of(15, 30), BERLIN);

        assertThat(cadence.next(LocalDateTime.parse("2026-01-02T15:30")))
                .isEqualTo(LocalDateTime.parse("2026-01-30T15:30"));
    }

    @Test
    void aTimeSkippedByTheDaylightSavingChangeMovesForward() {
        // 02:30 doesn't exist in Berlin on 29 March 2026; the meeting is at 03:30 summer time, 01:30 UTC.
        Cadence cadence = new Cadence(1, DayOfWeek.SUNDAY, LocalTime.of(2, 30), BERLIN);

        assertThat(cadence.at(LocalDateTime.parse("2026-03-29T02:30")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aStoredZoneThatIsNotOneReadsAsUtc() {
        assertThat(Cadence.zone("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(Cadence.zone("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }
}
