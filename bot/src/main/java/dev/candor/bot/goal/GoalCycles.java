package dev.candor.bot.goal;

import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalCycleDao;
import java.time.LocalDate;
import java.time.Month;
import org.jdbi.v3.core.Handle;

/**
 * The cycle goals are set for on a day: HR's when one holds the day, else that day's quarter, made on first use. A
 * cycle HR closed early is over: its days belong to the next cycle from then on, so that no new goal lands in it.
 */
final class GoalCycles {
    /** More closed cycles in a row than anyone would set up: a guard, not a rule. */
    private static final int MOST_CLOSED = 12;

    private GoalCycles() {}

    static GoalCycle on(Handle handle, long orgId, LocalDate day) {
        GoalCycleDao cycles = handle.attach(GoalCycleDao.class);
        LocalDate from = day;
        for (int i = 0; i < MOST_CLOSED; i++) {
            GoalCycle cycle = holding(cycles, orgId, from);
            if (cycle.closedAt() == null) {
                return cycle;
            }
            from = cycle.endsOn().plusDays(1);
        }
        throw new IllegalStateException("more than " + MOST_CLOSED + " closed goal cycles in a row");
    }

    private static GoalCycle holding(GoalCycleDao cycles, long orgId, LocalDate day) {
        return cycles.findOn(orgId, day).orElseGet(() -> {
            int quarter = (day.getMonthValue() - 1) / 3;
            LocalDate start = LocalDate.of(day.getYear(), Month.of(quarter * 3 + 1), 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            String name = "Q" + (quarter + 1) + " " + day.getYear();
            cycles.insertIfAbsent(orgId, name, start, end);
            return cycles.findOn(orgId, day).orElseGet(() -> {
                // a cycle of HR's starts on the quarter's first day and ended before this one: the rest of the
                // quarter is its own cycle, from this day
                cycles.insertIfAbsent(orgId, name, day, end);
                return cycles.findOn(orgId, day).orElseThrow();
            });
        });
    }
}
