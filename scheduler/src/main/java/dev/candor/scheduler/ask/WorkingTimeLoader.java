package dev.candor.scheduler.ask;

import dev.candor.storage.org.WorkingTimeSettings;
import dev.candor.storage.people.Away;
import dev.candor.storage.people.PersonWorkingTime;
import dev.candor.storage.people.WorkingTimeDao;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads people's working time from the database in one statement for any number of them: their zone (the platform
 * profile's, else the directory's, else the organisation's), the organisation's quiet hours and working days, and
 * the last day they are away, whether they said so with {@code /candor away} or their chat status says it.
 */
public final class WorkingTimeLoader implements WorkingTimes {
    /**
     * How far ahead a status without an expiry (🌴 "Vacationing", until changed) counts as away, from the day it is
     * read: {@link WorkingTime} needs a last day, and a status that is still set is read again at the next load.
     */
    static final int OPEN_ENDED_AWAY_DAYS = 365;

    private final Jdbi jdbi;
    private final Clock clock;

    public WorkingTimeLoader(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Map<Long, WorkingTime> of(long orgId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        long[] ids = personIds.stream().mapToLong(Long::longValue).distinct().toArray();
        List<PersonWorkingTime> rows = jdbi.withExtension(WorkingTimeDao.class, dao -> dao.list(orgId, ids));
        Instant now = clock.instant();
        Map<String, ZoneId> zones = new HashMap<>();
        Map<Long, WorkingTime> times = new HashMap<>(rows.size() * 2);
        for (PersonWorkingTime row : rows) {
            ZoneId zone = zones.computeIfAbsent(row.zone(), text -> zone(text, row.organisationZone()));
            times.put(row.personId(), workingTime(zone, row.settings(), row.away(), now));
        }
        return times;
    }

    static WorkingTime workingTime(ZoneId zone, WorkingTimeSettings settings, Away away, Instant now) {
        return new WorkingTime(
                zone,
                settings.quietFrom(),
                settings.quietUntil(),
                settings.workingDays(),
                lastDayAway(zone, away, now));
    }

    /** The later of the day the person gave and the last day their status says, if either is today or later. */
    static Optional<LocalDate> lastDayAway(ZoneId zone, Away away, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = away.until();
        if (away.isStatusAway(now)) {
            // A status that expires at midnight (Slack's "today", or a date) covers the day before it.
            LocalDate statusLast = away.statusUntil() == null
                    ? today.plusDays(OPEN_ENDED_AWAY_DAYS)
                    : LocalDate.ofInstant(away.statusUntil().minusSeconds(1), zone);
            last = last == null || statusLast.isAfter(last) ? statusLast : last;
        }
        return last == null || last.isBefore(today) ? Optional.empty() : Optional.of(last);
    }

    /** A zone that is stored but unknown to Java falls back to the organisation's, then UTC: one bad row stops nobody. */
    private static ZoneId zone(String zone, String organisationZone) {
        for (String candidate : new String[] {zone, organisationZone}) {
            try {
                if (candidate != null && !candidate.isBlank()) {
                    return ZoneId.of(candidate);
                }
            } catch (DateTimeException e) {
                // the next candidate
            }
        }
        return ZoneOffset.UTC;
    }
}
