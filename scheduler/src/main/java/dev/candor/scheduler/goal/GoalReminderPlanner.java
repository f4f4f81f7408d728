package dev.candor.scheduler.goal;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.goal.GoalDue;
import dev.candor.storage.goal.GoalStale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which due-day reminders are due now, in each recipient's own working time: from 09:00 on a working day they are not
 * away, on a day of the reminder's window (a week before: 7 to 2 days before; tomorrow: the day before and the day
 * itself; overdue: 1 to 7 days after; to the manager: 8 to 14 days after). A sweep that finds a reminder due sends
 * it once (its key), so a missed morning is caught up within its window, and never after.
 */
public final class GoalReminderPlanner {
    static final LocalTime FROM = LocalTime.of(9, 0);

    /** The reminders due at {@code now} for these owners, with each person's working time. */
    public List<GoalReminder> due(List<GoalDue> goals, Map<Long, WorkingTime> times, Instant now) {
        List<GoalReminder> due = new ArrayList<>();
        for (GoalDue goal : goals) {
            WorkingTime owner = times.get(goal.ownerId());
            if (owner != null && owner.mayNudgeAt(now, FROM)) {
                long days = daysUntil(goal.dueOn(), owner, now);
                kindForOwner(days).ifPresent(kind -> due.add(reminder(kind, goal, goal.ownerId(), days)));
            }
            WorkingTime manager = goal.managerId() == null ? null : times.get(goal.managerId());
            if (manager != null && manager.mayNudgeAt(now, FROM)) {
                long days = daysUntil(goal.dueOn(), manager, now);
                if (days <= -8 && days >= -14) {
                    due.add(reminder(GoalReminder.Kind.OVERDUE_TO_MANAGER, goal, goal.managerId(), days));
                }
            }
        }
        return due;
    }

    /**
     * The weekly update asks due at {@code now}: one per owner with stale goals who is in working time from 09:00,
     * keyed by their own ISO week, so that it goes on the first working morning of the week the sweep finds them.
     */
    public List<GoalUpdateAsk> updateAsks(List<GoalStale> stale, Map<Long, WorkingTime> times, Instant now) {
        return updateAsks(stale, times, now, false);
    }

    /** The weekly asks someone asked for now: whatever the hour, but not to people away. */
    public List<GoalUpdateAsk> updateAsksNow(List<GoalStale> stale, Map<Long, WorkingTime> times, Instant now) {
        return updateAsks(stale, times, now, true);
    }

    private List<GoalUpdateAsk> updateAsks(
            List<GoalStale> stale, Map<Long, WorkingTime> times, Instant now, boolean asked) {
        Map<Long, List<Long>> byOwner = new java.util.LinkedHashMap<>();
        Map<Long, Long> orgs = new java.util.HashMap<>();
        for (GoalStale goal : stale) {
            byOwner.computeIfAbsent(goal.ownerId(), owner -> new ArrayList<>()).add(goal.goalId());
            orgs.put(goal.ownerId(), goal.orgId());
        }
        List<GoalUpdateAsk> asks = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> owner : byOwner.entrySet()) {
            WorkingTime time = times.get(owner.getKey());
            if (time != null && (asked ? !time.isAway(now) : time.mayNudgeAt(now, FROM))) {
                String week = time.week(now);
                asks.add(new GoalUpdateAsk(orgs.get(owner.getKey()), owner.getKey(), owner.getValue(), week));
            }
        }
        return asks;
    }

    static Optional<GoalReminder.Kind> kindForOwner(long days) {
        if (days >= 2 && days <= 7) {
            return Optional.of(GoalReminder.Kind.DUE_IN_A_WEEK);
        }
        if (days == 0 || days == 1) {
            return Optional.of(GoalReminder.Kind.DUE_TOMORROW);
        }
        if (days <= -1 && days >= -7) {
            return Optional.of(GoalReminder.Kind.OVERDUE);
        }
        return Optional.empty();
    }

    private static long daysUntil(LocalDate due, WorkingTime time, Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, time.zone()), due);
    }

    private static GoalReminder reminder(GoalReminder.Kind kind, GoalDue goal, long recipient, long days) {
        return new GoalReminder(
                kind, goal.orgId(), goal.goalId(), goal.title(), goal.dueOn(), recipient, goal.ownerName(), days);
    }
}
