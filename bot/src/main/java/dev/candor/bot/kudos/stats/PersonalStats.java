package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.kudos.Allowance;
import dev.candor.bot.kudos.KudosService;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.KudosStatsDao;
import dev.candor.storage.kudos.ReceivedKudos;
import dev.candor.storage.kudos.SinceCounts;
import dev.candor.storage.kudos.TagTotals;
import dev.candor.storage.kudos.Totals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * One person's recognition: what they received and gave in their allowance period and this month (both in their
 * own time zone, like the allowance), what is left to give, the values they were recognised for and the latest
 * kudos they received. Everything is read from indexes bounded by the person, not by the organisation.
 */
public final class PersonalStats {
    static final int LATEST = 5;

    private final Jdbi jdbi;
    private final KudosService kudos;
    private final Clock clock;

    public PersonalStats(Jdbi jdbi, KudosService kudos, Clock clock) {
        this.jdbi = jdbi;
        this.kudos = kudos;
        this.clock = clock;
    }

    /**
     * @param asOf when the view was read
     * @param month this month's figures, or null when the allowance period is the month already
     * @param values the values they were recognised for, all time, most first
     */
    record PersonalView(
            Actor viewer,
            Instant asOf,
            Allowance allowance,
            Totals period,
            Totals month,
            Totals allTime,
            List<TagTotals> values,
            List<ReceivedKudos> latest) {}

    PersonalView load(Actor viewer) {
        Allowance allowance = kudos.allowanceOf(viewer);
        Instant now = clock.instant();
        Instant periodStart = Allowance.periodStart(allowance.period(), viewer.zone(), now);
        Instant monthStart = Allowance.periodStart(AllowancePeriod.MONTH, viewer.zone(), now);
        long orgId = viewer.orgId();
        long personId = viewer.personId();
        return jdbi.withHandle(handle -> {
            KudosStatsDao stats = handle.attach(KudosStatsDao.class);
            SinceCounts received = stats.countReceivedSince(orgId, personId, periodStart, monthStart);
            Totals period = new Totals(received.sinceFirst(), allowance.spent());
            Totals month = allowance.period() == AllowancePeriod.MONTH
                    ? null
                    : new Totals(
                            received.sinceSecond(),
                            handle.attach(KudosDao.class).countSpentSince(orgId, personId, monthStart));
            List<TagTotals> allTime = stats.listAllTime(orgId, personId);
            return new PersonalView(
                    viewer,
                    now,
                    allowance,
                    period,
                    month,
                    totals(allTime),
                    allTime.stream()
                            .filter(row -> !row.tag().isEmpty() && row.received() > 0)
                            .toList(),
                    stats.listLatestReceived(orgId, personId, LATEST));
        });
    }

    private static Totals totals(List<TagTotals> allTime) {
        return allTime.stream()
                .filter(row -> row.tag().isEmpty())
                .findFirst()
                .map(row -> new Totals(row.received(), row.given()))
                .orElse(Totals.NONE);
    }
}
