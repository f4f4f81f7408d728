package dev.candor.storage.feedback;

import java.time.Instant;

/**
 * A request for feedback, with its requester's name; a 360 also names its subject, and whether the subject reads the
 * answers as the ask promised ({@code subjectSees}); both are null for a request about the requester.
 */
public record FeedbackRequest(
        long id,
        long orgId,
        long requesterId,
        String requesterName,
        String topic,
        Instant createdAt,
        Long subjectId,
        String subjectName,
        SubjectSees subjectSees) {
    /** The subject of its round in the asking engine. */
    public String subject() {
        return "request:" + id;
    }

    /** Whether it is a 360: feedback about someone else than the requester. */
    public boolean about() {
        return subjectId != null;
    }
}
