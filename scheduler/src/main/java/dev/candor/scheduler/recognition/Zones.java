package dev.candor.scheduler.recognition;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Time zones as people and organisations store them. */
final class Zones {
    private Zones() {}

    /**
     * The zone, or UTC when the stored text is not one: a bad value in one row must not stop everyone's
     * messages, and UTC is also what a person gets before their profile says otherwise.
     */
    static ZoneId parse(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
