package dev.candor.storage.goal;

import java.time.Instant;
import java.time.LocalDate;

/** A period goals are set for: a quarter unless HR sets others. */
public record GoalCycle(long id, long orgId, String name, LocalDate startsOn, LocalDate endsOn, Instant closedAt) {}
