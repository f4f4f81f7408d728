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
        Instant createdAt) {

    public Round {
        reminderPlan = List.copyOf(reminderPlan);
    }

    /** True when each person's deadline counts from their own opening rather than being one local time. */
    public boolean relativeDeadline() {
        return deadlineWorkingDays != null;
    }
}
