package dev.candor.storage.kudos;

/** Counts since two moments, read in one pass. */
public record SinceCounts(int sinceFirst, int sinceSecond) {}
