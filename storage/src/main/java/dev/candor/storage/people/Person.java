package dev.candor.storage.people;

import java.time.LocalDate;

/**
 * Someone in an organisation's directory, provisioned on first contact or imported from CSV.
 *
 * @param timezone the zone recognition counts in: whichever chat or the directory told Candor last
 * @param profileTimezone the zone the platform's profile says (Slack users.info, Teams clientInfo), or null
 * @param directoryTimezone the zone the people import says, or null
 * @param location where the person works, from the people import (pulse breakdowns), or null
 * @param startDate the day the person joined, from the people import (tenure bands, review cut-offs), or null
 */
public record Person(
        long id,
        long orgId,
        String name,
        String email,
        String timezone,
        String locale,
        Long managerId,
        String department,
        Role role,
        boolean isBot,
        boolean active,
        boolean profileSynced,
        String profileTimezone,
        String directoryTimezone,
        String location,
        LocalDate startDate) {}
