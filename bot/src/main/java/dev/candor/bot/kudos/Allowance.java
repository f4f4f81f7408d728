package dev.candor.bot.kudos;

import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.people.Role;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A giver's kudos budget for the current period. Periods start at midnight in the giver's own time zone: a day,
 * a week from Monday, or a calendar month. One kudos to three people costs three.
 */
public record Allowance(int amount, AllowancePeriod period, boolean unlimited, int spent) {

    static Allowance of(KudosSettings settings, Role role, int spent) {
        boolean unlimited = settings.hrAdminsExempt() && role == Role.HR_ADMIN;
        return new Allowance(settings.allowanceAmount(), settings.allowancePeriod(), unlimited, spent);
    }

    public int remaining() {
        return unlimited ? Integer.MAX_VALUE : Math.max(0, amount - spent);
    }

    boolean allows(int cost) {
        return unlimited || cost <= remaining();
    }

    Allowance afterSpending(int cost) {
        return new Allowance(amount, period, unlimited, spent + cost);
    }

    /** "today", "this week", "this month". */
    public String periodName() {
        return switch (period) {
            case DAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
        };
    }

    /** When the current period began, for a giver in {@code zone}. */
    public static Instant periodStart(AllowancePeriod period, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first =
                switch (period) {
                    case DAY -> today;
                    case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case MONTH -> today.withDayOfMonth(1);
                };
        return first.atStartOfDay(zone).toInstant();
    }

    /** When the next period begins: the allowance resets then. */
    static Instant nextReset(AllowancePeriod period, ZoneId zone, Instant now) {
        LocalDate start = periodStart(period, zone, now).atZone(zone).toLocalDate();
        LocalDate next =
                switch (period) {
                    case DAY -> start.plusDays(1);
                    case WEEK -> start.plusWeeks(1);
                    case MONTH -> start.plusMonths(1);
                };
        return next.atStartOfDay(zone).toInstant();
    }
}
