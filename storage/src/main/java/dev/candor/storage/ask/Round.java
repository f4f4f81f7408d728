package dev.candor.storage.ask;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One sending of a questionnaire version to a set of people.
 *
 * @param subject what the round belongs to in its feature, e.g. {@code checkin:42}
 * @param period which occurrence, e.g. {@code 2026-W49}; (org, feature, subject, period) is opened once
 * @param opensLocal the local opening time, the same wall clock in every person's zone; null when opened at once
 * @param deadlineWorkingDays the deadline as working days after each person's opening, or null
 * @param dueLocal the deadline as a local date and time in each person's zone, or null
 * @param reminderPlan the reminder rules as tokens (see the scheduler's {@code ReminderPlan})
 * @param closesAt the latest deadline of its asks
 * @param opensAt the agreed moment it opens for everyone, never moved by working time (a 1:1), or null
 * @param dueAt the deadline as one moment for everyone (with {@code opensAt}), or null
 */
public record Round(
        long id,
        long orgId,
        String feature,
        String subject,
        String period,
        long questionnaireId,
        int version,
        LocalDateTime opensLocal,
        Integer deadlineWorkingDays,
        LocalDateTime dueLocal,
        boolean anonymous,
        List<String> reminderPlan,
        RoundState state,
        Instant closesAt,
        Instant closedAt,
        Long createdBy,
        Instant createdAt,
        Instant opensAt,
        Instant dueAt) {

    public Round {
        reminderPlan = List.copyOf(reminderPlan);
    }

    /** True when each person's deadline counts from their own opening rather than being one local time. */
    public boolean relativeDeadline() {
        return deadlineWorkingDays != null;
    }

    /** True when the round opens at a moment its people agreed to, which their working time must not move. */
    public boolean agreedTime() {
        return opensAt != null;
    }
}
