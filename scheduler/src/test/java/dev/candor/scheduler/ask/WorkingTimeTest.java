package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone)
                .toInstant();
    }

    @Test
    void keepsAMomentInsideWorkingHours() {
        WorkingTime ana = WorkingTime.defaults(LISBON);
        Instant friday2pm = at(LISBON, "2026-12-04T14:00");

        assertThat(ana.earliestAt(friday2pm)).isEqualTo(friday2pm);
        assertThat(ana.isWorking(friday2pm)).isTrue();
    }

    @Test
    void movesAnEveningToTheNextWorkingMorningInThePersonsZone() {
        WorkingTime li = WorkingTime.defaults(SHANGHAI);
        // Friday 14:00 in Lisbon is 22:00 in Shanghai: Li gets it on Monday at 08:00 her time.
        Instant wanted = at(LISBON, "2026-12-04T14:00");

        assertThat(li.earliestAt(wanted)).isEqualTo(at(SHANGHAI, "2026-12-07T08:00"));
    }

    @Test
    void waitsForThisMorningWhenAskedBeforeDawnOnAWorkingDay() {
        WorkingTime mo = WorkingTime.defaults(NEW_YORK);

        assertThat(mo.earliestAt(at(NEW_YORK, "2026-12-08T05:30"))).isEqualTo(at(NEW_YORK, "2026-12-08T08:00"));
    }

    @Test
    void skipsWeekendsAndTheOrganisationsOwnDaysOff() {
        WorkingTime sundayToThursday = new WorkingTime(
                ZoneId.of("Asia/Jerusalem"),
                LocalTime.of(19, 0),
                LocalTime.of(9, 0),
                EnumSet.of(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                Optional.empty());
        Instant fridayNoon = at(ZoneId.of("Asia/Jerusalem"), "2026-12-04T12:00");

        assertThat(sundayToThursday.earliestAt(fridayNoon))
                .isEqualTo(at(ZoneId.of("Asia/Jerusalem"), "2026-12-06T09:00"));
    }

    @Test
    void waitsForTheDayAfterAnAbsence() {
        WorkingTime away = new WorkingTime(
                LISBON,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                WorkingTime.DEFAULT_WORKING_DAYS,
                Optional.of(LocalDate.of(2026, 12, 24)));

        assertThat(away.isAway(at(LISBON, "2026-12-24T10:00"))).isTrue();
        assertThat(away.isAway(at(LISBON, "2026-12-25T10:00"))).isFalse();
        assertThat(away.earliestAt(at(LISBON, "2026-12-21T10:00"))).isEqualTo(at(LISBON, "2026-12-25T08:00"));
    }

    @Test
    void findsTheMorningAcrossTheSpringForwardGap() {
        WorkingTime mo = new WorkingTime(
                NEW_YORK, LocalTime.of(20, 0), LocalTime.of(2, 30), EnumSet.allOf(DayOfWeek.class), Optional.empty());
        // 2027-03-14 02:30 does not exist in New York: the morning is just after the gap, 03:30 EDT.
        Instant wanted = at(NEW_YORK, "2027-03-13T21:00");

        assertThat(mo.earliestAt(wanted)).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
    }

    @Test
    void countsDeadlinesInWorkingDaysAtTheSameLocalTimeAcrossDst() {
        WorkingTime ana = WorkingTime.defaults(LISBON);
        // Friday 23 Oct 2026 14:00 WEST; two working days later is Tuesday 27 Oct 14:00 WET (clocks went back).
        Instant opened = at(LISBON, "2026-10-23T14:00");

        assertThat(ana.workingDaysAfter(opened, 2)).isEqualTo(Instant.parse("2026-10-27T14:00:00Z"));
    }

    @Test
    void supportsQuietHoursWithinOneDay() {
        WorkingTime lunch = new WorkingTime(
                LISBON, LocalTime.of(12, 0), LocalTime.of(13, 0), WorkingTime.DEFAULT_WORKING_DAYS, Optional.empty());

        assertThat(lunch.earliestAt(at(LISBON, "2026-12-07T12:15"))).isEqualTo(at(LISBON, "2026-12-07T13:00"));
        assertThat(lunch.isWorking(at(LISBON, "2026-12-07T21:00"))).isTrue();
    }

    @Test
    void aDeadlineAtTheEndOfADayThatIsNotWorkedFallsOnTheLastWorkingDayBeforeIt() {
        Deadline sunday = new Deadline.EndOfWorkingDay(LocalDate.of(2026, 12, 13), LocalTime.of(17, 0));
        WorkingTime ana = WorkingTime.defaults(LISBON);
        WorkingTime sundayToThursday = new WorkingTime(
                SHANGHAI,
                WorkingTime.DEFAULT_QUIET_FROM,
                WorkingTime.DEFAULT_QUIET_UNTIL,
                EnumSet.of(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                Optional.empty());
        Instant opened = at(LISBON, "2026-12-04T14:00");

        assertThat(sunday.dueAt(ana, opened)).isEqualTo(at(LISBON, "2026-12-11T17:00"));
        assertThat(sunday.dueAt(sundayToThursday, opened)).isEqualTo(at(SHANGHAI, "2026-12-13T17:00"));
        assertThat(new Deadline.EndOfWorkingDay(LocalDate.of(2026, 12, 12), LocalTime.of(17, 0))
                        .dueAt(sundayToThursday, opened))
                .as("Saturday: Thursday for someone working Sunday to Thursday")
                .isEqualTo(at(SHANGHAI, "2026-12-10T17:00"));
    }
}
