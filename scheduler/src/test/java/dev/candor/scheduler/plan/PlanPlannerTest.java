package dev.candor.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.plan.PlanDue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Improvement-plan reminders and asks with a fixed clock, in the manager's own zone and working days. */
class PlanPlannerTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long MO = 2;
    /** A Monday. */
    private static final LocalDate CHECKIN = LocalDate.of(2027, 3, 15);

    private final PlanPlanner planner = new PlanPlanner();

    private static PlanDue checkin(boolean reminded, boolean notesAsked, int notes) {
        return new PlanDue(7, 12, "Ana", MO, CHECKIN, LocalDate.of(2027, 4, 30), reminded, notesAsked, notes);
    }

    private static PlanDue end(LocalDate endsOn) {
        return new PlanDue(7, 12, "Ana", MO, null, endsOn, false, false, 0);
    }

    private List<PlanNudge.Kind> at(String instant, PlanDue plan, WorkingTime mo) {
        return planner.due(List.of(plan), Map.of(MO, mo), Instant.parse(instant)).stream()
                .map(PlanNudge::kind)
                .toList();
    }

    @Test
    void remindsOnTheWorkingDayBeforeTheCheckinFromNineInTheManagersZone() {
        WorkingTime tokyo = WorkingTime.defaults(TOKYO);
        // Friday 12 March, 08:30 in Tokyo: the working day before Monday's check-in, before nine
        assertThat(at("2027-03-11T23:30:00Z", checkin(false, false, 0), tokyo)).isEmpty();
        assertThat(at("2027-03-12T00:30:00Z", checkin(false, false, 0), tokyo))
                .containsExactly(PlanNudge.Kind.REMINDER);
        // the same moment is Thursday evening in New York: not yet
        assertThat(at("2027-03-12T00:30:00Z", checkin(false, false, 0), WorkingTime.defaults(NEW_YORK)))
                .isEmpty();
        // Saturday in Tokyo: not a working day
        assertThat(at("2027-03-13T01:00:00Z", checkin(false, false, 0), tokyo)).isEmpty();
        // a missed Friday is caught up on the morning of the check-in, and never twice
        assertThat(at("2027-03-15T00:30:00Z", checkin(false, false, 0), tokyo))
                .containsExactly(PlanNudge.Kind.REMINDER);
        assertThat(at("2027-03-15T00:30:00Z", checkin(true, false, 0), tokyo)).isEmpty();
    }

    @Test
    void theWorkingDayBeforeFollowsTheOrganisationsWorkingDays() {
        WorkingTime sundayToThursday = new WorkingTime(
                TOKYO,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                EnumSet.of(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                Optional.empty());
        assertThat(sundayToThursday.workingDayBefore(CHECKIN)).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(WorkingTime.defaults(TOKYO).workingDayBefore(CHECKIN)).isEqualTo(LocalDate.of(2027, 3, 12));
        // Sunday 14 March, 10:00 in Tokyo: a working day for them
        assertThat(at("2027-03-14T01:00:00Z", checkin(false, false, 0), sundayToThursday))
                .containsExactly(PlanNudge.Kind.REMINDER);
    }

    @Test
    void asksForNotesFromTheMorningAfterForTwoWeeksUnlessWrittenOrAway() {
        WorkingTime newYork = WorkingTime.defaults(NEW_YORK);
        // Tuesday 16 March, 09:05 in New York (daylight saving time since Sunday 14 March)
        assertThat(at("2027-03-16T13:05:00Z", checkin(true, false, 0), newYork)).containsExactly(PlanNudge.Kind.NOTES);
        assertThat(at("2027-03-16T12:55:00Z", checkin(true, false, 0), newYork)).isEmpty();
        assertThat(at("2027-03-16T13:05:00Z", checkin(true, false, 1), newYork))
                .as("notes written")
                .isEmpty();
        assertThat(at("2027-03-16T13:05:00Z", checkin(true, true, 0), newYork))
                .as("asked")
                .isEmpty();
        assertThat(at("2027-03-29T13:05:00Z", checkin(true, false, 0), newYork)).containsExactly(PlanNudge.Kind.NOTES);
        assertThat(at("2027-03-30T13:05:00Z", checkin(true, false, 0), newYork))
                .as("too late")
                .isEmpty();
        WorkingTime away = new WorkingTime(
                NEW_YORK,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                WorkingTime.DEFAULT_WORKING_DAYS,
                Optional.of(LocalDate.of(2027, 3, 19)));
        assertThat(at("2027-03-16T13:05:00Z", checkin(true, false, 0), away)).isEmpty();
    }

    @Test
    void asksForTheOutcomeFromTheEndDayOnItsFirstWorkingMorning() {
        WorkingTime tokyo = WorkingTime.defaults(TOKYO);
        LocalDate sunday = LocalDate.of(2027, 4, 4);
        assertThat(at("2027-04-03T01:00:00Z", end(sunday), tokyo)).isEmpty();
        assertThat(at("2027-04-04T01:00:00Z", end(sunday), tokyo)).as("Sunday").isEmpty();
        assertThat(at("2027-04-05T00:05:00Z", end(sunday), tokyo)).containsExactly(PlanNudge.Kind.OUTCOME);
        assertThat(new PlanNudge(PlanNudge.Kind.OUTCOME, end(sunday), tokyo).key())
                .isEqualTo("plan-outcome:12:2027-04-04");
        assertThat(new PlanNudge(PlanNudge.Kind.REMINDER, checkin(false, false, 0), tokyo).key())
                .isEqualTo("plan-reminder:12:2027-03-15");
        assertThat(LocalTime.of(9, 0)).isEqualTo(PlanPlanner.FROM);
    }
}
