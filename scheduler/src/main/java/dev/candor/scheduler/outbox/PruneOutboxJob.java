package dev.candor.scheduler.outbox;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.outbox.OutboxRetentionDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets finished outbox messages (sent, or failed for good): their payloads and reply URLs after
 * {@link OutboxRetention#payloadDays()}, the rows after {@link OutboxRetention#retentionDays()}. Each statement
 * handles one batch and commits, and the job repeats it until a batch comes back short, so a large backlog is cleared
 * in one run without holding many locks for long. Safe to run twice, and on any node.
 *
 * <p>Deleting a row frees its idempotency key. That never lets a message go out twice, because no key Candor queues
 * is queued again once its row is {@link OutboxRetention#MIN_DAYS} days old:
 *
 * <ul>
 *   <li>{@code kudos:{kudos}:post} and {@code kudos:{kudos}:{person}} are queued in the transaction that creates the
 *       kudos, whose id comes from a sequence;
 *   <li>{@code reply:slack:{event}} answers a Slack event, whose id is unique and which Slack retries within an hour
 *       (and processed_events remembers for three days);
 *   <li>{@code digest:{org}:{platform}:{week}} is due from the ISO week's slot until three hours later, and
 *       {@code gap-nudge:{manager}:{week}} during that ISO week only.
 * </ul>
 *
 * A new kind of key must be alike: a unique id, or a period shorter than {@link OutboxRetention#MIN_DAYS}.
 */
@DisallowConcurrentExecution
public final class PruneOutboxJob implements Job {
    public static final String NAME = "prune-outbox";
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(PruneOutboxJob.class);

    private final OutboxRetentionDao outbox;
    private final Clock clock;
    private final OutboxRetention retention;
    private final int batchSize;

    public PruneOutboxJob(Jdbi jdbi, Clock clock, OutboxRetention retention, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.outbox = jdbi.onDemand(OutboxRetentionDao.class);
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    /** The job as Candor runs it: hourly, in batches of {@value #DEFAULT_BATCH_SIZE} rows. */
    public static ScheduledJob hourly(Jdbi jdbi, OutboxRetention retention) {
        return new ScheduledJob(
                NAME,
                new PruneOutboxJob(jdbi, Clock.systemUTC(), retention, DEFAULT_BATCH_SIZE),
                Schedule.every(Duration.ofHours(1)));
    }

    @Override
    public void execute(JobExecutionContext context) {
        prune();
    }

    /** What one run did. */
    public record Pruned(int deleted, int payloadsDropped) {}

    /** Deletes the rows past the retention first, so that their payloads are not dropped only to be deleted. */
    public Pruned prune() {
        Instant now = clock.instant();
        Instant deleteBefore = now.minus(retention.retentionAge());
        Instant dropBefore = now.minus(retention.payloadAge());
        int deleted = inBatches(() -> outbox.deleteFinished(deleteBefore, batchSize));
        int dropped = inBatches(() -> outbox.dropPayloads(dropBefore, batchSize));
        log.info(
                "outbox retention: deleted {} finished message(s) older than {} days, dropped {} payload(s) older than"
                        + " {} days",
                deleted,
                retention.retentionDays(),
                dropped,
                retention.payloadDays());
        return new Pruned(deleted, dropped);
    }

    private int inBatches(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == batchSize);
        return total;
    }
}
