package dev.candor.scheduler.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.checkin.CheckinCalendar.Occurrence;
import dev.candor.storage.checkin.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CheckinCalendarTest {
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);
    private static final LocalDate START = LocalDate.of(2026, 11, 2); // a Monday

    private static CheckinCalendar calendar(Cadence cadence) {
        return new CheckinCalendar(cadence, DayOfWeek.FRIDAY, TWO_PM, START);
    }

    @Test
    void aWeeklyPeriodIsItsIsoWeekOpeningOnItsDay() {
        assertThat(calendar(Cadence.WEEKLY).containing(LocalDate.of(2026, 12, 2)))
                .isEqualTo(new Occurrence("2026-W49", LocalDateTime.of(2026, 12, 4, 14, 0)));
    }

    @Test
    void aWeekIsDueOnceItsLocalTimeHasComeInTheEarliestZone() {
        // Friday 14:00 at UTC+18 is Thursday 20:00 UTC.
        assertThat(calendar(Cadence.WEEKLY).latestDue(Instant.parse("2026-12-03T19:59:00Z")))
                .map(Occurrence::period)
                .contains("2026-W48");
        assertThat(calendar(Cadence.WEEKLY).latestDue(Instant.parse("2026-12-03T20:00:00Z")))
                .map(Occurrence::period)
                .contains("2026-W49");
    }

    @Test
    void nothingIsDueBeforeTheCheckinStarts() {
        CheckinCalendar startsSaturday =
                new CheckinCalendar(Cadence.WEEKLY, DayOfWeek.FRIDAY, TWO_PM, LocalDate.of(2026, 12, 5));

        assertThat(startsSaturday.latestDue(Instant.parse("2026-12-06T12:00:00Z")))
                .isEmpty();
        assertThat(startsSaturday.next(LocalDate.of(2026, 12, 5)).period()).isEqualTo("2026-W50");
    }

    @Test
    void everyTwoWeeksCountsPairsFromTheStartWeek() {
        CheckinCalendar biweekly = calendar(Cadence.BIWEEKLY);

        assertThat(biweekly.containing(LocalDate.of(2026, 11, 11)).period()).isEqualTo("2026-W45");
        assertThat(biweekly.containing(LocalDate.of(2026, 11, 18)).period()).isEqualTo("2026-W47");
        assertThat(biweekly.containing(LocalDate.of(2026, 11, 18)).opensLocal())
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 0));
        assertThat(biweekly.next(LocalDate.of(2026, 11, 21)).opensLocal())
                .isEqualTo(LocalDateTime.of(2026, 12, 4, 14, 0));
    }

    @Test
    void monthlyOpensOnTheFirstChosenWeekdayOfTheMonth() {
        CheckinCalendar monthly = calendar(Cadence.MONTHLY);

        assertThat(monthly.containing(LocalDate.of(2026, 12, 20)))
                .isEqualTo(new Occurrence("2026-12", LocalDateTime.of(2026, 12, 4, 14, 0)));
        assertThat(monthly.latestDue(Instant.parse("2026-12-02T00:00:00Z")))
                .map(Occurrence::period)
                .contains("2026-11");
        assertThat(monthly.next(LocalDate.of(2026, 12, 5)).opensLocal()).isEqualTo(LocalDateTime.of(2027, 1, 1, 14, 0));
    }

    @Test
    void theIsoWeekYearNamesWeeksAroundNewYear() {
        assertThat(calendar(Cadence.WEEKLY)
                        .containing(LocalDate.of(2026, 12, 31))
                        .period())
                .isEqualTo("2026-W53");
        assertThat(calendar(Cadence.WEEKLY).containing(LocalDate.of(2027, 1, 4)).period())
                .isEqualTo("2027-W01");
    }
}
