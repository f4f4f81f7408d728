package dev.candor.scheduler.recognition;

import java.time.Instant;

/**
 * This week's recognition-gap nudge in one time zone.
 *
 * @param week the ISO week of the zone's local date, part of the nudge's idempotency key
 * @param slot Monday 09:00 of that week in the zone; the gap period is counted back from here
 */
public record NudgeSlot(IsoWeek week, Instant slot) {}
