package dev.candor.scheduler.recognition;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.recognition.RecognitionDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps for weekly recognition digests that are due and queues each in the outbox. One query for the settings,
 * then, per due digest not yet queued, a few aggregate queries for its organisation. Safe to run on any node and
 * any number of times: the outbox key allows one digest per organisation, platform and ISO week.
 */
@DisallowConcurrentExecution
public final class WeeklyDigestJob implements Job {
    public static final String NAME = "weekly-recognition-digest";
    static final int TOP_VALUES = 3;
    static final int HIGHLIGHTS = 3;
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigestJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final DigestPlanner planner;
    private final RecognitionOutbox outbox;

    public WeeklyDigestJob(Jdbi jdbi, Clock clock, DigestPlanner planner, RecognitionOutbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.planner = planner;
        this.outbox = outbox;
    }

    /** The job as Candor runs it: every five minutes on the clock (:00, :05, …), with the default grace. */
    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, RecognitionOutbox outbox) {
        return new ScheduledJob(
                NAME,
                new WeeklyDigestJob(jdbi, clock, new DigestPlanner(), outbox),
                Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Queues the digests due now; returns how many were queued by this run. */
    public int sweep() {
        Instant now = clock.instant();
        List<DueDigest> due =
                planner.due(jdbi.withExtension(RecognitionDao.class, RecognitionDao::listDigestCandidates), now);
        int queued = 0;
        for (DueDigest digest : due) {
            try {
                if (jdbi.inTransaction(handle -> queue(handle, digest))) {
                    queued++;
                    log.info("queued the weekly digest {} for org {}", digest.key(), digest.orgId());
                }
            } catch (RuntimeException e) {
                // One organisation's problem must not hold back the others; the next sweep tries again.
                // The type only: an exception message may quote a statement's values.
                log.warn(
                        "weekly digest {} for org {} failed: {}",
                        digest.key(),
                        digest.orgId(),
                        e.getClass().getSimpleName());
            }
        }
        return queued;
    }

    private boolean queue(Handle handle, DueDigest digest) {
        // Sweeps repeat during the grace window: skip the aggregates when this week's digest is queued already.
        if (handle.attach(OutboxDao.class)
                .findByKey(digest.orgId(), digest.key())
                .isPresent()) {
            return false;
        }
        RecognitionDao recognition = handle.attach(RecognitionDao.class);
        WeekInReview week = new WeekInReview(
                recognition.weekTotals(digest.orgId(), digest.from(), digest.to()),
                recognition.listTopValues(digest.orgId(), digest.from(), digest.to(), TOP_VALUES),
                recognition.listHighlights(digest.orgId(), digest.from(), digest.to(), HIGHLIGHTS));
        return outbox.queueDigest(handle, digest, week);
    }
}
