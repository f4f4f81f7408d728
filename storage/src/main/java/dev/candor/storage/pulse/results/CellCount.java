package dev.candor.storage.pulse.results;

/**
 * How many answers of a round share one combination of breakdown groups (null = not stored for them). The engine
 * stores only combinations that at least the minimum group of the round's audience share.
 */
public record CellCount(String department, String manager, String tenure, String location, int answers) {}
