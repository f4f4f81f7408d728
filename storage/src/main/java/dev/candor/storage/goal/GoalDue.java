package dev.candor.storage.goal;

import java.time.LocalDate;

/** One owner of an unfinished goal with a due day, and that owner's manager (or null), for due-day reminders. */
public record GoalDue(
        long orgId, long goalId, String title, LocalDate dueOn, long ownerId, String ownerName, Long managerId) {}
