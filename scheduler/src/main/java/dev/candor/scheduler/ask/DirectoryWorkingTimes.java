package dev.candor.scheduler.ask;

import dev.candor.storage.ask.PersonZone;
import dev.candor.storage.ask.PersonZoneDao;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Working time from what the directory has today: the person's zone, or the organisation's while the person's is
 * only the column's default (no profile read yet), with the default quiet hours and working days and nobody away.
 * The working-time settings (quiet hours, working days, {@code /candor away}) replace this with their own loader.
 */
public final class DirectoryWorkingTimes implements WorkingTimes {
    private final Jdbi jdbi;

    public DirectoryWorkingTimes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<Long, WorkingTime> of(long orgId, Collection<Long> personIds) {
        Map<Long, WorkingTime> times = new HashMap<>();
        if (personIds.isEmpty()) {
            return times;
        }
        for (PersonZone person : jdbi.onDemand(PersonZoneDao.class).list(orgId, personIds)) {
            times.put(person.personId(), WorkingTime.defaults(zone(person)));
        }
        return times;
    }

    static ZoneId zone(PersonZone person) {
        boolean unknown = !person.profileSynced() && "UTC".equals(person.timezone());
        ZoneId own = unknown ? null : parse(person.timezone());
        if (own != null) {
            return own;
        }
        ZoneId org = parse(person.orgTimezone());
        return org != null ? org : ZoneOffset.UTC;
    }

    /** The zone, or null when the stored text is not one: one bad row must not stop a round. */
    private static ZoneId parse(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
