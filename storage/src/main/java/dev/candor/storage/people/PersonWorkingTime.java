package dev.candor.storage.people;

import dev.candor.storage.org.WorkingTimeSettings;

/**
 * What decides when one person may be asked, as stored: their zone, their organisation's working time, and whether
 * they are away.
 *
 * @param zone the platform profile's zone, else the directory's, else the organisation's (as stored: may be invalid)
 * @param organisationZone the organisation's zone, for when {@code zone} is not one Java knows
 */
public record PersonWorkingTime(
        long personId, String zone, String organisationZone, WorkingTimeSettings settings, Away away) {}
