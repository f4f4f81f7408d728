package dev.candor.storage.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A recurring 1:1 as stored, with both people's names.
 *
 * @param weekday ISO day of week, 1 = Monday
 * @param zone the manager's zone when it was scheduled; the meeting's wall clock is read there
 * @param occurrence the current meeting, local to {@code zone}
 * @param stage what the sweep does next for it: {@code remind} before the meeting, {@code notes} after it
 * @param nextEventAt when the sweep does that
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
        String stage,
        Instant nextEventAt) {}
