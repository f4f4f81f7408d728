package dev.candor.storage.plan;

import java.time.LocalDate;

/** A check-in day of a plan, and how many follow-up notes were written of it. */
public record PlanCheckin(LocalDate onDate, int notes) {}
