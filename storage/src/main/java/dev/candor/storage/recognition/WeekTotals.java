package dev.candor.storage.recognition;

/** How much recognition happened in a period: kudos given and distinct people who received at least one. */
public record WeekTotals(int kudos, int peopleRecognised) {}
