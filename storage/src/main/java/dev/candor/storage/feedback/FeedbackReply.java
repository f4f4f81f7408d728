package dev.candor.storage.feedback;

import java.time.Instant;

/** One message of the conversation under a piece of feedback. */
public record FeedbackReply(
        long feedbackId, int seq, long senderId, String senderName, String body, Instant createdAt) {}
