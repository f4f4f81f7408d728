package dev.candor.storage.kudos;

/** A person on a leaderboard: how many kudos they received or gave in the period. */
public record PersonCount(long personId, String name, int count) {}
