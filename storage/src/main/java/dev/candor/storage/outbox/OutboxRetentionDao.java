package dev.candor.storage.outbox;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Forgets what finished outbox messages said, then the messages themselves (V11). Each call handles at most
 * {@code limit} rows in one short statement, so that a caller working through a large backlog never holds many row
 * locks for long; SKIP LOCKED keeps a sweep out of the way of anything else touching a row. A message's age is
 * counted from {@code sent_at}, or {@code created_at} for one that failed. Pending and sending rows are never
 * touched, so nothing that may still be delivered loses its payload.
 *
 * <p>The conditions repeat the partial indexes' predicates word for word: PostgreSQL uses a partial index only when
 * it can see that the query implies its predicate.
 */
public interface OutboxRetentionDao {

    /** Drops the payload and reply URL of up to {@code limit} finished messages older than {@code before}. */
    @SqlUpdate(
            """
            UPDATE outbox SET payload = NULL, reply_url = NULL, payload_dropped_at = now()
            WHERE id IN (SELECT id FROM outbox
                          WHERE status IN ('sent', 'failed') AND payload_dropped_at IS NULL
                            AND COALESCE(sent_at, created_at) < :before
                          LIMIT :limit
                          FOR UPDATE SKIP LOCKED)
            """)
    int dropPayloads(@Bind("before") Instant before, @Bind("limit") int limit);

    /**
     * Deletes up to {@code limit} finished messages older than {@code before}, except sent kudos posts: a +1
     * reaction finds its kudos through the post's platform message id.
     */
    @SqlUpdate(
            """
            DELETE FROM outbox
            WHERE id IN (SELECT id FROM outbox
                          WHERE status IN ('sent', 'failed')
                            AND (platform_message_id IS NULL OR idempotency_key NOT LIKE 'kudos:%:post')
                            AND COALESCE(sent_at, created_at) < :before
                          LIMIT :limit
                          FOR UPDATE SKIP LOCKED)
            """)
    int deleteFinished(@Bind("before") Instant before, @Bind("limit") int limit);
}
