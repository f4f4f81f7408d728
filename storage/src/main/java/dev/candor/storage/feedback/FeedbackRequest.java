package dev.candor.storage.feedback;

import java.time.Instant;

/** A request for feedback, with its requester's name. */
public record FeedbackRequest(
        long id, long orgId, long requesterId, String requesterName, String topic, Instant createdAt) {
    /** The subject of its round in the asking engine. */
    public String subject() {
        return "request:" + id;
    }
}
