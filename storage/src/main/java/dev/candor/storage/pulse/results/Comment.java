package dev.candor.storage.pulse.results;

/** A text answer, without anything that says whose or when. */
public record Comment(String questionId, String text) {}
