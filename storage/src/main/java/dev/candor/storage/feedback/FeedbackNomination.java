package dev.candor.storage.feedback;

import java.time.Instant;

/** Peers someone proposed for their manager to ask about them; {@code state} is pending, approved or declined. */
public record FeedbackNomination(
        long id,
        long orgId,
        long subjectId,
        long managerId,
        String topic,
        String state,
        Long requestId,
        Instant createdAt) {
    public boolean pending() {
        return state.equals("pending");
    }
}
