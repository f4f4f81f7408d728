package dev.candor.scheduler.goal;

import java.time.LocalDate;

/**
 * A due-day reminder to send: to an owner 7 days and 1 day before the due day and once it is overdue, to the owner's
 * manager a week after that.
 *
 * @param recipientId who gets it: the owner, or for {@link Kind#OVERDUE_TO_MANAGER} their manager
 * @param days how many days until the due day (negative: overdue by that many), in the recipient's zone
 */
public record GoalReminder(
        Kind kind,
        long orgId,
        long goalId,
        String title,
        LocalDate dueOn,
        long recipientId,
        String ownerName,
        long days) {

    public enum Kind {
        DUE_IN_A_WEEK,
        DUE_TOMORROW,
        OVERDUE,
        OVERDUE_TO_MANAGER
    }

    /** Once per goal, kind, due day and recipient: a new due day arms the reminders again. */
    public String key() {
        return "goal:" + goalId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + dueOn + ":"
                + recipientId;
    }
}
