package dev.candor.scheduler.plan;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.plan.PlanDue;

/**
 * A DM the sweep sends to whoever runs an improvement plan: the reminder the working day before a check-in, the ask
 * for follow-up notes after it, or the ask for the outcome at the plan's end.
 *
 * @param owner the recipient's working time (their zone words the message)
 */
public record PlanNudge(Kind kind, PlanDue plan, WorkingTime owner) {

    public enum Kind {
        REMINDER,
        NOTES,
        OUTCOME
    }

    /** The outbox key: once per plan and check-in day, or per plan and end day (an extension asks again). */
    public String key() {
        return switch (kind) {
            case REMINDER -> "plan-reminder:" + plan.planId() + ":" + plan.checkinOn();
            case NOTES -> "plan-notes:" + plan.planId() + ":" + plan.checkinOn();
            case OUTCOME -> "plan-outcome:" + plan.planId() + ":" + plan.endsOn();
        };
    }
}
