package dev.candor.storage.goal;

import java.math.BigDecimal;
import java.time.Instant;

/** One update of a goal, kept as its history: who, when, old → new value and status, and why. */
public record GoalUpdate(
        long id,
        long goalId,
        long personId,
        String personName,
        BigDecimal oldValue,
        BigDecimal newValue,
        GoalStatus oldStatus,
        GoalStatus newStatus,
        String comment,
        Instant createdAt) {}
