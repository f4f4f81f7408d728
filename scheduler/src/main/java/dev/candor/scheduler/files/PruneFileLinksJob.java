package dev.candor.scheduler.files;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.pulse.results.ChartLinkDao;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the files whose links have expired (chart pictures, exports): an expired link already answers 404, and
 * the picture or the aggregated results need not stay in the database. One DELETE, safe to run twice.
 */
@DisallowConcurrentExecution
public final class PruneFileLinksJob implements Job {
    public static final String NAME = "prune-file-links";
    private static final Logger log = LoggerFactory.getLogger(PruneFileLinksJob.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public PruneFileLinksJob(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The job as Candor runs it: hourly. */
    public static ScheduledJob hourly(Jdbi jdbi, Clock clock) {
        return new ScheduledJob(NAME, new PruneFileLinksJob(jdbi, clock), Schedule.every(Duration.ofHours(1)));
    }

    @Override
    public void execute(JobExecutionContext context) {
        prune();
    }

    /** Deletes the expired files; returns how many. */
    public int prune() {
        int deleted = jdbi.withExtension(ChartLinkDao.class, dao -> dao.deleteExpired(clock.instant()));
        log.info("pruned {} expired file link(s)", deleted);
        return deleted;
    }
}
