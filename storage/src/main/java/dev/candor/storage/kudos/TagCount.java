package dev.candor.storage.kudos;

/** How many kudos tagged with one value. */
public record TagCount(String tag, int count) {}
