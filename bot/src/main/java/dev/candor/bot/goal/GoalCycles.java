package dev.candor.bot.goal;

import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalCycleDao;
import java.time.LocalDate;
import java.time.Month;
import org.jdbi.v3.core.Handle;

/** The cycle goals are set for on a day: HR's when one holds the day, else that day's quarter, made on first use. */
final class GoalCycles {
    private GoalCycles() {}

    static GoalCycle on(Handle handle, long orgId, LocalDate day) {
        GoalCycleDao cycles = handle.attach(GoalCycleDao.class);
        return cycles.findOn(orgId, day).orElseGet(() -> {
            int quarter = (day.getMonthValue() - 1) / 3;
            LocalDate start = LocalDate.of(day.getYear(), Month.of(quarter * 3 + 1), 1);
            cycles.insertIfAbsent(
                    orgId,
                    "Q" + (quarter + 1) + " " + day.getYear(),
                    start,
                    start.plusMonths(3).minusDays(1));
            return cycles.findOn(orgId, day).orElseThrow();
        });
    }
}
