package dev.candor.scheduler.recognition;

import dev.candor.storage.Platform;
import java.util.List;

/**
 * A DM to a manager listing the active reports who received no kudos in the last {@code gapWeeks} weeks.
 *
 * @param platform where the manager is reached
 * @param platformUserId the manager's user id there
 * @param reports never empty: without a gap there is no nudge
 */
public record GapNudge(
        long orgId,
        long managerId,
        String managerName,
        Platform platform,
        String platformUserId,
        IsoWeek week,
        int gapWeeks,
        List<Report> reports) {

    public GapNudge {
        reports = List.copyOf(reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a nudge needs at least one report");
        }
    }

    /** At most one nudge per manager and ISO week. */
    public String key() {
        return "gap-nudge:" + managerId + ":" + week;
    }

    public record Report(long personId, String name) {}
}
