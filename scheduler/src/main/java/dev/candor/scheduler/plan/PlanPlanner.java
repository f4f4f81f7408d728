package dev.candor.scheduler.plan;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.plan.PlanDue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which improvement-plan DMs are due now, in the recipient's own working time (from 09:00 on a working day they are
 * not away, by {@link WorkingTime#mayNudgeAt}): the reminder from their working day before a check-in day through
 * the day itself; the ask for notes from the day after it, for two weeks, unless notes of it were written; the ask for
 * the outcome from the end day on. A sweep that finds one due sends it once, so a missed morning is caught up.
 */
public final class PlanPlanner {
    static final LocalTime FROM = LocalTime.of(9, 0);
    /** How long after a check-in day its notes are asked for, if the ask could not go before. */
    static final int NOTES_DAYS = 14;

    public List<PlanNudge> due(List<PlanDue> plans, Map<Long, WorkingTime> times, Instant now) {
        List<PlanNudge> due = new ArrayList<>();
        for (PlanDue plan : plans) {
            WorkingTime owner = times.get(plan.ownerId());
            if (owner == null || !owner.mayNudgeAt(now, FROM)) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(now, owner.zone());
            if (plan.checkinOn() == null) {
                if (!today.isBefore(plan.endsOn())) {
                    due.add(new PlanNudge(PlanNudge.Kind.OUTCOME, plan, owner));
                }
                continue;
            }
            LocalDate day = plan.checkinOn();
            if (!plan.reminded() && !today.isBefore(owner.workingDayBefore(day)) && !today.isAfter(day)) {
                due.add(new PlanNudge(PlanNudge.Kind.REMINDER, plan, owner));
            }
            if (!plan.notesAsked()
                    && plan.notes() == 0
                    && today.isAfter(day)
                    && !today.isAfter(day.plusDays(NOTES_DAYS))) {
                due.add(new PlanNudge(PlanNudge.Kind.NOTES, plan, owner));
            }
        }
        return due;
    }
}
