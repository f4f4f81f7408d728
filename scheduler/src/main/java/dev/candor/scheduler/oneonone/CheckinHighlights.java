package dev.candor.scheduler.oneonone;

/**
 * What a 1:1's agenda shows from the report's latest check-in.
 *
 * @param mood 1 (awful) to 5 (great), or null when not answered
 * @param blockers what they said blocks them, or null
 * @param period which check-in it was, e.g. {@code 2026-W49}
 */
public record CheckinHighlights(Integer mood, String blockers, String period) {}
