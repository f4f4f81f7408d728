package dev.candor.storage.ask;

import dev.candor.storage.Platform;
import java.time.Instant;

/**
 * An ask whose DM (reminder 0) or reminder is due, as a sweep claims it: how to reach the person, or null platform and
 * user id when Candor can't.
 *
 * @param reminder 0 for the ask itself, n for its n-th reminder
 * @param relativeDeadline true when the round's deadline counts from each person's opening
 * @param agreedTime true when the round opens at a moment its people agreed to (quiet hours don't move it)
 */
public record AskDelivery(
        long askId,
        long orgId,
        long roundId,
        long personId,
        Instant dueAt,
        boolean active,
        Platform platform,
        String platformUserId,
        boolean relativeDeadline,
        int reminder,
        boolean agreedTime) {

    public boolean reachable() {
        return platform != null && platformUserId != null;
    }
}
