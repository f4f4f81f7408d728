package dev.candor.storage.ask;

/**
 * A combination of breakdown groups, and how many people are in it; null where a person has no such group.
 *
 * @param tenure "&lt;1y", "1-2y", "2-5y" or "5y+" on the round's last deadline
 */
public record Cell(String department, Long managerId, String location, String tenure, long people) {}
