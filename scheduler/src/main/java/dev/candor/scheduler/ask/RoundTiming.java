package dev.candor.scheduler.ask;

import java.util.Objects;

/** When a round asks, is due and reminds, in each person's local terms. */
public record RoundTiming(Opening opening, Deadline deadline, ReminderPlan reminders) {

    public RoundTiming {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(reminders, "reminders");
    }
}
