package dev.candor.storage.pulse.results;

import java.util.UUID;

/** A text answer, without anything that says whose or when. */
public record Comment(UUID answerId, String questionId, String text) {}
