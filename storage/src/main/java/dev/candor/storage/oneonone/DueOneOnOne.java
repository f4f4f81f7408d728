package dev.candor.storage.oneonone;

import dev.candor.storage.Platform;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A 1:1 claimed by the sweep, with how both people are reached and their own zones (to show each the meeting in
 * their local time). A platform or user id is null for someone Candor can't reach.
 */
public record DueOneOnOne(
        long id,
        long orgId,
        int everyWeeks,
        int weekday,
        LocalTime localTime,
        String zone,
        LocalDateTime occurrence,
        String stage,
        Instant nextEventAt,
        long managerId,
        String managerName,
        String managerTimezone,
        Platform managerPlatform,
        String managerUserId,
        long reportId,
        String reportName,
        String reportTimezone,
        Platform reportPlatform,
        String reportUserId) {}
