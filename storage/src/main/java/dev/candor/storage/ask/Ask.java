package dev.candor.storage.ask;

import java.time.Instant;

/**
 * One person's part in a round.
 *
 * @param sentAt when the ask's DM was queued, or null while it waits for its opening
 * @param answeredAt when it was answered; always null in an anonymous round
 * @param nextReminderAt the next reminder still to send, or null
 */
public record Ask(
        long id,
        long orgId,
        long roundId,
        long personId,
        AskState state,
        SkipReason skipReason,
        Instant opensAt,
        Instant sentAt,
        Instant dueAt,
        Instant answeredAt,
        Instant nextReminderAt,
        int remindersSent) {

    /** True when answers may still be given or changed at {@code now}. */
    public boolean acceptsAnswersAt(Instant now) {
        return (state == AskState.PENDING || state == AskState.ANSWERED) && now.isBefore(dueAt);
    }
}
