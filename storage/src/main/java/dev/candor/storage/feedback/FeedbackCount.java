package dev.candor.storage.feedback;

/** How much feedback a person received and gave in a period (counts, not texts). */
public record FeedbackCount(long personId, String name, int received, int given) {}
