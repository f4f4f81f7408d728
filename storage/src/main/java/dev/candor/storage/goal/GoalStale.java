package dev.candor.storage.goal;

/** An owner of an unfinished goal nobody updated within the organisation's stale period. */
public record GoalStale(long orgId, long goalId, long ownerId) {}
