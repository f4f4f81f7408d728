package dev.candor.scheduler.goal;

import java.util.List;

/**
 * The weekly ask to update stale goals: one DM to an owner listing all their goals nobody updated within the stale
 * period, sent once per week of theirs.
 *
 * @param week the owner's ISO week, e.g. {@code 2026-W49}
 */
public record GoalUpdateAsk(long orgId, long ownerId, List<Long> goalIds, String week) {

    public GoalUpdateAsk {
        goalIds = List.copyOf(goalIds);
    }

    public String key() {
        return "goal-stale:" + ownerId + ":" + week;
    }
}
