package dev.candor.storage.pulse.results;

/** A person's name by the id that {@code cell.manager} holds: how a manager's team is titled. */
public record GroupName(String id, String name) {}
