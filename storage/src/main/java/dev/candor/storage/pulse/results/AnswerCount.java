package dev.candor.storage.pulse.results;

/**
 * How many answers of a round (or of one group of it) gave {@code answer} to a question: a number, {@code true} /
 * {@code false}, or one chosen option. {@code groupName} is the breakdown's group, or null without one.
 */
public record AnswerCount(long roundId, String groupName, String questionId, String answer, int answers) {}
