package dev.candor.storage.feedback;

/**
 * A person's own feedback figures for a period: what they received and may read, what they gave, and whether they
 * manage anyone.
 */
public record FeedbackTally(int received, int given, boolean managesPeople) {}
