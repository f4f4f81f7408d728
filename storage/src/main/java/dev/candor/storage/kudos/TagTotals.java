package dev.candor.storage.kudos;

/** Kudos received and given with one value tag ('' for every kudos). */
public record TagTotals(String tag, int received, int given) {}
