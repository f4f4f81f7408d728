package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.people.Role;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AllowanceTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dayStartsAtMidnightInTheGiversZone() {
        Instant now = Instant.parse("2026-03-10T16:30:00Z");

        assertThat(Allowance.periodStart(AllowancePeriod.DAY, TOKYO, now)).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(Allowance.periodStart(AllowancePeriod.DAY, NEW_YORK, now)).isEqualTo("2026-03-10T04:00:00Z");
        assertThat(Allowance.nextReset(AllowancePeriod.DAY, TOKYO, now)).isEqualTo("2026-03-11T15:00:00Z");
    }

    @Test
    void weekStartsOnMondayAndMonthOnTheFirst() {
        Instant sunday = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(Allowance.periodStart(AllowancePeriod.WEEK, BERLIN, sunday)).isEqualTo("2026-11-15T23:00:00Z");
        assertThat(Allowance.periodStart(AllowancePeriod.MONTH, BERLIN, sunday)).isEqualTo("2026-10-31T23:00:00Z");
        assertThat(Allowance.nextReset(AllowancePeriod.MONTH, BERLIN, sunday)).isEqualTo("2026-11-30T23:00:00Z");
    }

    @Test
    void aDayAcrossTheSpringDstChangeIsTwentyThreeHours() {
        Instant duringChange = Instant.parse("2026-03-29T12:00:00Z");

        Instant start = Allowance.periodStart(AllowancePeriod.DAY, BERLIN, duringChange);
        Instant reset = Allowance.nextReset(AllowancePeriod.DAY, BERLIN, duringChange);

        assertThat(start).isEqualTo("2026-03-28T23:00:00Z");
        assertThat(reset).isEqualTo("2026-03-29T22:00:00Z");
    }

    @Test
    void countsOnePerRecipientAndExemptsHrAdminsOnlyWhenConfigured() {
        KudosSettings settings = KudosSettings.defaults(1);
        KudosSettings exempting = settings.withHrAdminsExempt(true);

        Allowance employee = Allowance.of(settings, Role.EMPLOYEE, 3);
        assertThat(employee.remaining()).isEqualTo(2);
        assertThat(employee.allows(2)).isTrue();
        assertThat(employee.allows(3)).isFalse();
        assertThat(Allowance.of(settings, Role.HR_ADMIN, 5).allows(1)).isFalse();
        assertThat(Allowance.of(exempting, Role.HR_ADMIN, 50).allows(10)).isTrue();
        assertThat(Allowance.of(exempting, Role.MANAGER, 5).allows(1)).isFalse();
    }
}
