package dev.candor.storage.recognition;

import dev.candor.storage.Platform;

/**
 * One active report of a manager who received no kudos in the manager's organisation's gap period, with how to
 * reach the manager: one row per (manager, report).
 *
 * @param managerTimezone the manager's zone as stored, the key the planner decided on
 * @param platform the platform the manager is reached on (Slack when they have both)
 * @param platformUserId the manager's user id on that platform
 * @param gapWeeks the organisation's gap period in weeks
 */
public record RecognitionGap(
        long orgId,
        long managerId,
        String managerName,
        String managerTimezone,
        Platform platform,
        String platformUserId,
        int gapWeeks,
        long reportId,
        String reportName) {}
