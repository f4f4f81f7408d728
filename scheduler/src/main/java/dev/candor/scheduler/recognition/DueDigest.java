package dev.candor.scheduler.recognition;

import dev.candor.storage.Platform;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A weekly digest that is due: where it goes and the week it covers.
 *
 * @param channel the organisation's kudos channel on {@code platform}
 * @param week the ISO week of the digest's slot in the organisation's zone, part of its idempotency key
 * @param from the start of the seven days it covers: the previous slot
 * @param to the slot itself (exclusive end)
 * @param zone the organisation's zone, for the dates the message shows
 */
public record DueDigest(
        long orgId, Platform platform, String channel, IsoWeek week, Instant from, Instant to, ZoneId zone) {

    /** At most one digest per organisation, platform and ISO week, whichever node and however often it runs. */
    public String key() {
        return "digest:" + orgId + ":" + platform.dbValue() + ":" + week;
    }
}
