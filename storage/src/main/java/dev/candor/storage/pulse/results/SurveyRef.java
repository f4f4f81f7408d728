package dev.candor.storage.pulse.results;

/** What results need of a pulse survey: its name, whether it is anonymous and its minimum group size. */
public record SurveyRef(long id, String name, boolean anonymous, int minGroup) {}
