package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.RoundCalendar.Occurrence;
import dev.candor.storage.ask.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RoundCalendarTest {
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);
    private static final LocalDate START = LocalDate.of(2026, 11, 2); // a Monday

    private static RoundCalendar calendar(Cadence cadence) {
        return new RoundCalendar(cadence, DayOfWeek.FRIDAY, TWO_PM, START);
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
        RoundCalendar startsSaturday =
                new RoundCalendar(Cadence.WEEKLY, DayOfWeek.FRIDAY, TWO_PM, LocalDate.of(2026, 12, 5));

        assertThat(startsSaturday.latestDue(Instant.parse("2026-12-06T12:00:00Z")))
                .isEmpty();
        assertThat(startsSaturday.next(LocalDate.of(2026, 12, 5)).period()).isEqualTo("2026-W50");
    }

    @Test
    void everyTwoWeeksCountsPairsFromTheStartWeek() {
        RoundCalendar biweekly = calendar(Cadence.BIWEEKLY);

        assertThat(biweekly.containing(LocalDate.of(2026, 11, 11)).period()).isEqualTo("2026-W45");
        assertThat(biweekly.containing(LocalDate.of(2026, 11, 18)).period()).isEqualTo("2026-W47");
        assertThat(biweekly.containing(LocalDate.of(2026, 11, 18)).opensLocal())
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 0));
        assertThat(biweekly.next(LocalDate.of(2026, 11, 21)).opensLocal())
                .isEqualTo(LocalDateTime.of(2026, 12, 4, 14, 0));
    }

    @Test
    void monthlyOpensOnTheFirstChosenWeekdayOfTheMonth() {
        RoundCalendar monthly = calendar(Cadence.MONTHLY);

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

    @Test
    void aQuarterOpensOnItsFirstChosenDayAndTheNextOneThreeMonthsLater() {
        RoundCalendar quarterly = calendar(Cadence.QUARTERLY);

        assertThat(quarterly.containing(LocalDate.of(2026, 11, 20)))
                .isEqualTo(new Occurrence("2026-Q4", LocalDateTime.of(2026, 10, 2, 14, 0)));
        assertThat(quarterly.next(LocalDate.of(2026, 11, 20)))
                .isEqualTo(new Occurrence("2027-Q1", LocalDateTime.of(2027, 1, 1, 14, 0)));
        assertThat(quarterly.latestDue(Instant.parse("2026-12-31T19:59:00Z")))
                .map(Occurrence::period)
                .as("not before its start (2 Nov), so Q4's 2 Oct opening is not due")
                .isEmpty();
        assertThat(quarterly.latestDue(Instant.parse("2026-12-31T20:00:00Z")))
                .map(Occurrence::period)
                .contains("2027-Q1");
        assertThat(quarterly.describe()).isEqualTo("the first Friday of each quarter");
    }

    @Test
    void aOneOffSeriesHasOnePeriodDueFromItsLocalOpeningInTheEarliestZone() {
        RoundSeries.Due once = RoundCalendar.once(LocalDateTime.of(2026, 12, 10, 9, 0));

        assertThat(once.latestDue(Instant.parse("2026-12-09T14:59:00Z"))).isEmpty();
        assertThat(once.latestDue(Instant.parse("2026-12-09T15:00:00Z")))
                .contains(new Occurrence(RoundCalendar.ONCE, LocalDateTime.of(2026, 12, 10, 9, 0)));
        assertThat(once.latestDue(Instant.parse("2027-03-01T00:00:00Z")))
                .map(Occurrence::period)
                .contains(RoundCalendar.ONCE);
    }
}
