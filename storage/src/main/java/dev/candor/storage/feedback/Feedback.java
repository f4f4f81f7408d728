package dev.candor.storage.feedback;

import java.time.Instant;

/**
 * One piece of feedback with the names of the people it concerns.
 *
 * @param managerId the recipient's manager when it was given, who reads it unless it is private; null when private
 */
public record Feedback(
        long id,
        long orgId,
        long giverId,
        String giverName,
        long recipientId,
        String recipientName,
        Long managerId,
        Visibility visibility,
        String body,
        Instant createdAt,
        Instant thankedAt) {

    /** Whether this person may read the text: the giver, and whoever the visibility names. */
    public boolean readableBy(long personId) {
        return personId == giverId
                || (personId == recipientId && visibility.recipientReads())
                || (managerId != null && personId == managerId && visibility.managerReads());
    }
}
