package dev.candor.bot.kudos.stats;

import dev.candor.storage.kudos.KudosStatsDao;
import dev.candor.storage.kudos.TallyPeriod;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationDao;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Top receivers and givers of the current calendar period in the organisation's time zone, read from the tallies:
 * a dozen index rows per list whatever the number of kudos.
 */
public final class Leaderboards {
    /** Places per list. */
    static final int SIZE = 10;

    private final Jdbi jdbi;
    private final Clock clock;

    public Leaderboards(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * @param start the first day of the period (weeks start on Monday)
     * @param tag the value it is filtered by, or null
     */
    record Leaderboard(
            TallyPeriod period,
            LocalDate start,
            ZoneId zone,
            String tag,
            Ranking.Board receivers,
            Ranking.Board givers) {}

    /** @param tag a value tag in lower case, or null for every kudos */
    Leaderboard load(long orgId, TallyPeriod period, String tag) {
        return jdbi.withHandle(handle -> load(handle, orgId, period, tag));
    }

    private Leaderboard load(Handle handle, long orgId, TallyPeriod period, String tag) {
        ZoneId zone = zoneOf(handle, orgId);
        LocalDate start = period.start(clock.instant().atZone(zone).toLocalDate());
        String key = tag == null ? "" : tag;
        KudosStatsDao stats = handle.attach(KudosStatsDao.class);
        Ranking.Board receivers = Ranking.rank(
                stats.listTopReceivers(orgId, period, start, key, SIZE + 1),
                SIZE,
                count -> stats.countReceiversWith(orgId, period, start, key, count));
        Ranking.Board givers = Ranking.rank(
                stats.listTopGivers(orgId, period, start, key, SIZE + 1),
                SIZE,
                count -> stats.countGiversWith(orgId, period, start, key, count));
        return new Leaderboard(period, start, zone, tag, receivers, givers);
    }

    /** The zone the organisation's calendar runs in, read the way the tallies were counted. */
    static ZoneId zoneOf(Handle handle, long orgId) {
        String timezone = handle.attach(OrganisationDao.class)
                .findById(orgId)
                .map(Organisation::timezone)
                .orElse(null);
        return TallyPeriod.zone(timezone);
    }
}
