package dev.candor.storage.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement plan for one employee, with the people who may read it: the employee, their manager (the
 * directory's, now) and HR admins.
 *
 * @param managerId the employee's manager in the directory now, or null
 * @param createdBy who wrote the plan: the manager then, or an HR admin
 */
public record Plan(
        long id,
        long orgId,
        long employeeId,
        String employeeName,
        Long managerId,
        String managerName,
        long createdBy,
        String createdByName,
        LocalDate startsOn,
        LocalDate endsOn,
        PlanState state,
        Instant acknowledgedAt,
        Instant createdAt,
        Instant closedAt) {

    public boolean isOpen() {
        return state == PlanState.OPEN;
    }

    /** Who runs the plan: the follow-up notes and the reminders are theirs (the manager, else who wrote it). */
    public long ownerId() {
        return managerId != null ? managerId : createdBy;
    }
}
