package dev.candor.storage.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A recurring 1:1 as stored, with both people's names.
 *
 * @param weekday ISO day of week, 1 = Monday
 * @param zone the manager's zone when it was scheduled; the meeting's wall clock is read there
 * @param occurrence the meeting whose round (the asking engine's) is current, local to {@code zone}
 * @param nextEventAt when that round opens: an hour before the meeting
 * @param revision how many times the schedule was changed; the meetings' rounds are keyed by it
 */
public record OneOnOne(
        long id,
        long orgId,
        long managerId,
        String managerName,
        long reportId,
        String reportName,
        int everyWeeks,
        int weekday,
        LocalTime localTime,
        String zone,
        LocalDateTime occurrence,
        Instant nextEventAt,
        int revision) {}
