package dev.candor.scheduler.goal;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Where due-day reminders become DMs: the bot renders them and queues them through the outbox. */
public interface GoalReminderOutbox {

    /** Queues each reminder as a DM to its recipient with the key {@link GoalReminder#key()}; returns how many were new. */
    int queue(Handle handle, List<GoalReminder> reminders);

    /** Queues each weekly update ask as a DM to its owner with the key {@link GoalUpdateAsk#key()}; how many were new. */
    int queueUpdateAsks(Handle handle, List<GoalUpdateAsk> asks);
}
