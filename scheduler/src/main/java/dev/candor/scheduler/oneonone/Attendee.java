package dev.candor.scheduler.oneonone;

import dev.candor.storage.Platform;
import java.time.ZoneId;

/** One of the two people of a 1:1, as a message to them needs them: how to reach them and their own zone. */
public record Attendee(long personId, String name, ZoneId zone, Platform platform, String platformUserId) {

    public boolean reachable() {
        return platform != null && platformUserId != null;
    }
}
