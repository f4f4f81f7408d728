package dev.candor.scheduler.events;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.events.ProcessedEventDao;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets inbound event ids once no platform will retry them (Slack retries within an hour), so the dedupe table
 * stays small. One DELETE, safe to run twice.
 */
@DisallowConcurrentExecution
public final class PruneProcessedEventsJob implements Job {
    public static final String NAME = "prune-processed-events";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);
    private static final Logger log = LoggerFactory.getLogger(PruneProcessedEventsJob.class);

    private final ProcessedEventDao events;
    private final Clock clock;
    private final Duration retention;

    public PruneProcessedEventsJob(Jdbi jdbi, Clock clock, Duration retention) {
        this.events = jdbi.onDemand(ProcessedEventDao.class);
        this.clock = clock;
        this.retention = retention;
    }

    /** The job as Candor runs it: hourly, keeping three days. */
    public static ScheduledJob hourly(Jdbi jdbi) {
        return new ScheduledJob(
                NAME,
                new PruneProcessedEventsJob(jdbi, Clock.systemUTC(), DEFAULT_RETENTION),
                Schedule.every(Duration.ofHours(1)));
    }

    @Override
    public void execute(JobExecutionContext context) {
        prune();
    }

    /** Deletes the ids received before the retention window; returns how many. */
    public int prune() {
        int deleted = events.pruneOlderThan(clock.instant().minus(retention));
        log.info("pruned {} processed event id(s) older than {}", deleted, retention);
        return deleted;
    }
}
