package dev.candor.scheduler.recognition;

import dev.candor.storage.recognition.RecognitionGap;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When managers hear about reports nobody has recognised lately. Pure: time zones, rows and {@code now} in, what is
 * due out.
 *
 * <p>The nudge belongs to Monday 09:00 in the manager's zone. A sweep that finds a zone between Monday 09:00 and
 * 18:00, or on Tuesday to Friday between 09:00 and 18:00, treats it as due: a sweeper that missed Monday catches up
 * on the next working day, never at night and never on Saturday or Sunday. The idempotency key per manager and ISO
 * week keeps it to one a week.
 */
public final class GapNudgePlanner {
    public static final LocalTime NUDGE_TIME = LocalTime.of(9, 0);
    /** From here until 09:00 the next working day, a late nudge waits. */
    public static final LocalTime QUIET_FROM = LocalTime.of(18, 0);

    /** This week's slot in {@code zone} when a nudge may go out there at {@code now}; empty otherwise. */
    public Optional<NudgeSlot> slot(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (day == DayOfWeek.SATURDAY
                || day == DayOfWeek.SUNDAY
                || time.isBefore(NUDGE_TIME)
                || !time.isBefore(QUIET_FROM)) {
            return Optional.empty();
        }
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Optional.of(new NudgeSlot(
                IsoWeek.of(monday), monday.atTime(NUDGE_TIME).atZone(zone).toInstant()));
    }

    /**
     * The stored zones (invalid ones read as UTC) where nudges may go out at {@code now}, keyed by the stored text
     * so the gap query can match people rows on it.
     */
    public Map<String, NudgeSlot> dueZones(Collection<String> zones, Instant now) {
        Map<String, NudgeSlot> due = new LinkedHashMap<>();
        for (String zone : zones) {
            slot(Zones.parse(zone), now).ifPresent(slot -> due.put(zone, slot));
        }
        return due;
    }

    /**
     * One nudge per manager from the gap rows (ordered by manager, as the query returns them), for the managers
     * whose zone is due. Managers without rows have nobody to mention and get nothing.
     */
    public List<GapNudge> nudges(List<RecognitionGap> rows, Map<String, NudgeSlot> due) {
        Map<Long, List<RecognitionGap>> byManager = new LinkedHashMap<>();
        for (RecognitionGap row : rows) {
            if (due.containsKey(row.managerTimezone())) {
                byManager
                        .computeIfAbsent(row.managerId(), id -> new ArrayList<>())
                        .add(row);
            }
        }
        List<GapNudge> nudges = new ArrayList<>();
        for (List<RecognitionGap> gaps : byManager.values()) {
            RecognitionGap first = gaps.get(0);
            List<GapNudge.Report> reports = gaps.stream()
                    .map(gap -> new GapNudge.Report(gap.reportId(), gap.reportName()))
                    .toList();
            nudges.add(new GapNudge(
                    first.orgId(),
                    first.managerId(),
                    first.managerName(),
                    first.platform(),
                    first.platformUserId(),
                    due.get(first.managerTimezone()).week(),
                    first.gapWeeks(),
                    reports));
        }
        return nudges;
    }
}
