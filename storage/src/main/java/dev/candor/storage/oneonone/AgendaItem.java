package dev.candor.storage.oneonone;

import java.time.LocalDateTime;

/**
 * A talking point or an open action item of a 1:1.
 *
 * @param kind {@code point} or {@code action}
 * @param ownerId an action item's owner (one of the two), null for a talking point
 * @param occurrence an action item's meeting, null for a talking point
 */
public record AgendaItem(
        long id,
        long oneOnOneId,
        String kind,
        String text,
        Long ownerId,
        String ownerName,
        long addedBy,
        LocalDateTime occurrence) {

    public boolean isAction() {
        return "action".equals(kind);
    }
}
