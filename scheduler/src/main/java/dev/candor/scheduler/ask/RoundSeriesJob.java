package dev.candor.scheduler.ask;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.ask.RoundDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the due period's round of every active series of every {@link RoundSeries} feature, through the feature,
 * which opens it through {@link Rounds}: the engine then plans each person's ask in their own working time and sends
 * it. Idempotent: a period whose round exists is skipped before the feature is asked who it would ask (a channel's
 * members cost a call to the platform), and the round's unique key refuses a second one anyway.
 */
@DisallowConcurrentExecution
public final class RoundSeriesJob implements Job {
    public static final String NAME = "round-series";
    private static final Logger log = LoggerFactory.getLogger(RoundSeriesJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<RoundSeries> features;

    public RoundSeriesJob(Jdbi jdbi, Clock clock, List<RoundSeries> features) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.features = List.copyOf(features);
    }

    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, List<RoundSeries> features) {
        return new ScheduledJob(
                NAME, new RoundSeriesJob(jdbi, clock, features), Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Opens every due period's round not opened yet; returns how many were opened. */
    public int sweep() {
        Instant now = clock.instant();
        int opened = 0;
        for (RoundSeries feature : features) {
            for (RoundSeries.Entry entry : feature.active(jdbi)) {
                Optional<RoundCalendar.Occurrence> due = entry.due().latestDue(now);
                if (due.isPresent() && !exists(feature, entry, due.get()) && open(feature, entry, due.get(), now)) {
                    opened++;
                }
            }
        }
        return opened;
    }

    private boolean open(RoundSeries feature, RoundSeries.Entry entry, RoundCalendar.Occurrence due, Instant now) {
        try {
            boolean fresh = feature.open(jdbi, entry, due, now);
            if (fresh) {
                log.info("opened {} {} round {} of org {}", feature.feature(), entry.id(), due.period(), entry.orgId());
            }
            return fresh;
        } catch (RuntimeException e) {
            // One series' problem must not hold back the others; the next sweep tries again. Type only: no content.
            log.warn(
                    "{} {} of org {} failed to open: {}",
                    feature.feature(),
                    entry.id(),
                    entry.orgId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean exists(RoundSeries feature, RoundSeries.Entry entry, RoundCalendar.Occurrence due) {
        return jdbi.withExtension(RoundDao.class, rounds -> rounds.findByKey(
                        entry.orgId(), feature.feature(), entry.subject(), due.period())
                .isPresent());
    }
}
