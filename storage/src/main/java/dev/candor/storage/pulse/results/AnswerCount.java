package dev.candor.storage.pulse.results;

/**
 * How many answers of a round gave {@code answer} to a question: a number, {@code true} / {@code false}, or one chosen
 * option.
 */
public record AnswerCount(long roundId, String questionId, String answer, int answers) {}
