package dev.candor.storage.oneonone;

/**
 * A 1:1 report's latest answer to a check-in of the 1:1's manager, as the asking engine stored it.
 *
 * @param period which round it was, e.g. {@code 2026-W49}
 * @param questionsJson the questionnaire version answered (the engine's question list)
 * @param valuesJson the answer per question id
 */
public record LatestCheckinAnswer(long oneOnOneId, String period, String questionsJson, String valuesJson) {}
