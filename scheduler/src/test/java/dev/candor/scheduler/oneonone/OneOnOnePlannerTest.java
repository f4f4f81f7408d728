package dev.candor.scheduler.oneonone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When 1:1 reminders and notes forms are due, with fixed clocks across zones and daylight-saving changes. */
class OneOnOnePlannerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final OneOnOnePlanner planner = new OneOnOnePlanner();

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Cadence biweeklyTuesdayTen(ZoneId zone) {
        return new Cadence(2, DayOfWeek.TUESDAY, LocalTime.of(10, 0), zone);
    }

    @Test
    void firstMeetingIsTheNextChosenWeekdayInTheManagersZone() {
        // Monday 2 March 2026, 12:00 in Berlin.
        Instant now = at("2026-03-02T11:00:00Z").instant();

        LocalDateTime first = biweeklyTuesdayTen(BERLIN).first(now);

        assertThat(first).isEqualTo(LocalDateTime.parse("2026-03-03T10:00"));
        assertThat(biweeklyTuesdayTen(BERLIN).remindAt(first)).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void firstMeetingSkipsTodayWhenItsReminderHourHasPassed() {
        // Tuesday 3 March 2026, 09:30 in Berlin: today's 10:00 is too close for a reminder an hour before.
        Instant now = at("2026-03-03T08:30:00Z").instant();

        assertThat(new Cadence(1, DayOfWeek.TUESDAY, LocalTime.of(10, 0), BERLIN).first(now))
                .isEqualTo(LocalDateTime.parse("2026-03-10T10:00"));
    }

    @Test
    void remindsAnHourBeforeThenAsksForNotesHalfAnHourAfterTheStart() {
        Cadence cadence = biweeklyTuesdayTen(BERLIN);
        LocalDateTime meeting = LocalDateTime.parse("2026-03-03T10:00");

        Step reminder = planner.step(cadence, meeting, Step.REMIND, Instant.parse("2026-03-03T08:00:00Z"));
        Step notes = planner.step(cadence, meeting, Step.NOTES, Instant.parse("2026-03-03T09:30:00Z"));

        assertThat(reminder.remind()).isTrue();
        assertThat(reminder.askNotes()).isFalse();
        assertThat(reminder.stage()).isEqualTo(Step.NOTES);
        assertThat(reminder.nextEventAt()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
        assertThat(notes.askNotes()).isTrue();
        assertThat(notes.meeting()).isEqualTo(meeting);
        assertThat(notes.occurrence()).isEqualTo(LocalDateTime.parse("2026-03-17T10:00"));
        assertThat(notes.stage()).isEqualTo(Step.REMIND);
    }

    @Test
    void keepsTheLocalMeetingTimeAcrossTheSpringDaylightSavingChange() {
        // Berlin moves to summer time on Sunday 29 March 2026: 10:00 is 09:00 UTC before and 08:00 UTC after.
        Cadence cadence = biweeklyTuesdayTen(BERLIN);
        LocalDateTime before = LocalDateTime.parse("2026-03-17T10:00");

        Step notes = planner.step(cadence, before, Step.NOTES, Instant.parse("2026-03-17T09:30:00Z"));

        assertThat(cadence.at(before)).isEqualTo(Instant.parse("2026-03-17T09:00:00Z"));
        assertThat(notes.occurrence()).isEqualTo(LocalDateTime.parse("2026-03-31T10:00"));
        assertThat(notes.nextEventAt()).isEqualTo(Instant.parse("2026-03-31T07:00:00Z"));
    }

    @Test
    void aReminderFoundAfterTheMeetingStartedIsSkippedNotSentLate() {
        Cadence cadence = biweeklyTuesdayTen(BERLIN);
        LocalDateTime meeting = LocalDateTime.parse("2026-03-03T10:00");

        Step late = planner.step(cadence, meeting, Step.REMIND, Instant.parse("2026-03-03T09:05:00Z"));

        assertThat(late.remind()).isFalse();
        assertThat(late.stage()).isEqualTo(Step.NOTES);
    }

    @Test
    void aSweeperDownForWeeksCatchesUpWithOneNotesFormAndTheNextFutureMeeting() {
        Cadence cadence = new Cadence(1, DayOfWeek.TUESDAY, LocalTime.of(10, 0), NEW_YORK);
        LocalDateTime meeting = LocalDateTime.parse("2026-03-03T10:00");

        // Five weeks later, Wednesday 8 April.
        Step notes = planner.step(cadence, meeting, Step.NOTES, Instant.parse("2026-04-08T15:00:00Z"));

        assertThat(notes.askNotes()).isTrue();
        assertThat(notes.meeting()).isEqualTo(meeting);
        assertThat(notes.occurrence()).isEqualTo(LocalDateTime.parse("2026-04-14T10:00"));
        // New York is on summer time (UTC-4) by then: 10:00 is 14:00 UTC, the reminder at 13:00 UTC.
        assertThat(notes.nextEventAt()).isEqualTo(Instant.parse("2026-04-14T13:00:00Z"));
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
