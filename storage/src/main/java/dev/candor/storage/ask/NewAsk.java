package dev.candor.storage.ask;

import java.time.Instant;
import java.util.List;

/**
 * An ask as planned, for {@link AskDao#insertAll}: pending with its opening, deadline and reminder times, or skipped
 * with a reason.
 */
public record NewAsk(
        long personId, AskState state, SkipReason skipReason, Instant opensAt, Instant dueAt, List<Instant> reminders) {

    public NewAsk {
        reminders = List.copyOf(reminders);
        if ((state == AskState.SKIPPED) != (skipReason != null)) {
            throw new IllegalArgumentException("a skipped ask, and only a skipped one, has a reason");
        }
    }
}
