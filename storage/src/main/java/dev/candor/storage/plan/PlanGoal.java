package dev.candor.storage.plan;

/** One goal of a plan and how its success is measured. */
public record PlanGoal(int position, String goal, String measure) {}
