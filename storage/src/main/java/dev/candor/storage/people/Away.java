package dev.candor.storage.people;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a person said they are away, or their chat status says so.
 *
 * @param until the last day away (inclusive) the person gave with {@code /candor away until}, or null
 * @param statusAway true while the person's Slack status says they are away (🌴, 🤒, "vacation", "OOO", …)
 * @param statusUntil when that status expires, or null when it lasts until it changes
 */
public record Away(LocalDate until, boolean statusAway, Instant statusUntil) {
    public static final Away NOT_AWAY = new Away(null, false, null);

    /** True when the person set a date that hasn't passed on {@code today}, or their status says away now. */
    public boolean isAway(LocalDate today, Instant now) {
        return until != null && !until.isBefore(today) || isStatusAway(now);
    }

    /** True when the status says away at {@code now}: it has no expiry, or expires later. */
    public boolean isStatusAway(Instant now) {
        return statusAway && (statusUntil == null || statusUntil.isAfter(now));
    }
}
