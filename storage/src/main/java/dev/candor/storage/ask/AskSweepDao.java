package dev.candor.storage.ask;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What the sweeps do with asks. Each claim is one statement over one partial index, locking the rows it returns
 * ({@code SKIP LOCKED}: another node's sweep takes the next ones), and run inside the transaction that queues their
 * messages and records that they went out.
 */
public interface AskSweepDao {
    /**
     * The claimed asks ({@code claimed}: locked, at most a batch) with how each person is reached: Slack first when
     * they have both, as everywhere else in Candor. The claim is a materialized CTE and the accounts are read for the
     * claimed people only, by person id, so the plan stays a handful of index probes per ask whatever the planner
     * believes about the tables. Right after a round's 100,000 asks are stored, before autovacuum has analysed them,
     * a lateral lookup by organisation and person was planned as a bitmap AND with the organisation's whole primary
     * key index, once per ask, and the first sweep ran for minutes. A person id belongs to one organisation (the
     * foreign keys say so); the organisation is compared anyway.
     */
    String DELIVERY_OF_CLAIMED =
            """
            SELECT a.id AS ask_id, a.org_id, a.round_id, a.person_id, a.due_at, p.active, i.platform,
                   i.platform_user_id, r.deadline_working_days IS NOT NULL AS relative_deadline, a.reminder,
                   r.opens_at IS NOT NULL AS agreed_time
            FROM claimed a
            JOIN rounds r ON r.id = a.round_id
            JOIN people p ON p.org_id = a.org_id AND p.id = a.person_id
            LEFT JOIN (SELECT DISTINCT ON (person_id) org_id, person_id, platform, platform_user_id
                       FROM platform_identities WHERE person_id IN (SELECT person_id FROM claimed)
                       ORDER BY person_id, platform = 'slack' DESC, platform_user_id) i
                   ON i.org_id = a.org_id AND i.person_id = a.person_id
            ORDER BY a.at, a.id
            """;

    /** A batch's ask ids as a table to join ({@code batch.id}), bound as {@code :ids}; see {@link #markSent}. */
    String BATCH = "unnest(CAST(:ids AS bigint[])) AS batch(id)\n";

    /** Claims up to {@code limit} asks whose opening has come and whose DM has not gone out, the earliest first. */
    @SqlQuery(
            """
            WITH claimed AS MATERIALIZED (
                SELECT id, org_id, round_id, person_id, due_at, opens_at AS at, 0 AS reminder FROM asks
                WHERE state = 'pending' AND sent_at IS NULL AND opens_at <= :now
                ORDER BY opens_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            """
                    + DELIVERY_OF_CLAIMED)
    List<AskDelivery> claimDueAsks(@Bind("now") Instant now, @Bind("limit") int limit);

    /** The same for one round only ("open now": its due asks are queued in the request, not at the next sweep). */
    @SqlQuery(
            """
            WITH claimed AS MATERIALIZED (
                SELECT id, org_id, round_id, person_id, due_at, opens_at AS at, 0 AS reminder FROM asks
                WHERE round_id = :roundId AND state = 'pending' AND sent_at IS NULL AND opens_at <= :now
                ORDER BY opens_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            """
                    + DELIVERY_OF_CLAIMED)
    List<AskDelivery> claimDueAsksOf(@Bind("roundId") long roundId, @Bind("now") Instant now, @Bind("limit") int limit);

    /** The same for several rounds opened together, so that one person's asks of them are queued in one batch. */
    @SqlQuery(
            """
            WITH claimed AS MATERIALIZED (
                SELECT id, org_id, round_id, person_id, due_at, opens_at AS at, 0 AS reminder FROM asks
                WHERE round_id = ANY(:roundIds) AND state = 'pending' AND sent_at IS NULL AND opens_at <= :now
                ORDER BY person_id, opens_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            """
                    + DELIVERY_OF_CLAIMED)
    List<AskDelivery> claimDueAsksOfRounds(
            @Bind("roundIds") long[] roundIds, @Bind("now") Instant now, @Bind("limit") int limit);

    /** Claims up to {@code limit} asks whose next reminder is due; {@code reminder} is that reminder's number. */
    @SqlQuery(
            """
            WITH claimed AS MATERIALIZED (
                SELECT id, org_id, round_id, person_id, due_at, next_reminder_at AS at,
                       reminders_sent + 1 AS reminder FROM asks
                WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= :now
                ORDER BY next_reminder_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            """
                    + DELIVERY_OF_CLAIMED)
    List<AskDelivery> claimDueReminders(@Bind("now") Instant now, @Bind("limit") int limit);

    /**
     * The asks' DMs went out at {@code now}: their first reminder still ahead (and before the deadline) becomes the
     * next one. Reminders planned for before a late sending are dropped rather than sent at once.
     *
     * <p>The batch's ids are joined as a table ({@link #BATCH}), not matched with {@code id = ANY(:ids)}: once the
     * driver prepares the statement, PostgreSQL's generic plan compares every candidate row with every element of the
     * array, and before autovacuum has analysed a new round it took the whole open-ask index as candidates: 80,000
     * rows times a batch of 2,000 ids, over a second per batch and three quarters of the time queueing 100,000 asks.
     */
    @SqlUpdate(
            """
            UPDATE asks a SET sent_at = :now,
                   next_reminder_at = (SELECT min(t) FROM unnest(a.reminder_times) t WHERE t > :now AND t < a.due_at)
            FROM\s"""
                    + BATCH
                    + """
            WHERE a.id = batch.id AND a.state = 'pending' AND a.sent_at IS NULL
            """)
    int markSent(@Bind("ids") long[] askIds, @Bind("now") Instant now);

    /** The asks' due reminders went out (or were passed over when {@code counted} is false): on to the next. */
    @SqlUpdate(
            """
            UPDATE asks a SET reminders_sent = a.reminders_sent + CASE WHEN :counted THEN 1 ELSE 0 END,
                   next_reminder_at = (SELECT min(t) FROM unnest(a.reminder_times) t
                                       WHERE t > GREATEST(a.next_reminder_at, :now) AND t < a.due_at)
            FROM\s"""
                    + BATCH + """
            WHERE a.id = batch.id AND a.next_reminder_at IS NOT NULL
            """)
    int markReminded(@Bind("ids") long[] askIds, @Bind("now") Instant now, @Bind("counted") boolean counted);

    /** Pending asks that won't be sent: skipped with a reason. */
    @SqlUpdate(
            """
            UPDATE asks a SET state = 'skipped', skip_reason = :reason, next_reminder_at = NULL
            FROM\s"""
                    + BATCH + """
            WHERE a.id = batch.id AND a.state = 'pending'
            """)
    int skipAll(@Bind("ids") long[] askIds, @Bind("reason") SkipReason reason);

    /**
     * Asks whose people are not in working time after all (their zone or HR's settings changed since planning): each
     * waits until its new opening, {@code opensAt[i]} for {@code askIds[i]}. One statement for a whole batch: a
     * changed setting can move thousands of asks in one sweep.
     */
    default int postponeAll(List<Long> askIds, List<Instant> opensAt) {
        if (askIds.isEmpty()) {
            return 0;
        }
        return postponeEach(
                askIds.stream().mapToLong(Long::longValue).toArray(),
                opensAt.stream().map(Instant::toString).toArray(String[]::new));
    }

    @SqlUpdate(
            """
            UPDATE asks a SET opens_at = later.opens_at
            FROM unnest(CAST(:ids AS bigint[]), CAST(:opensAt AS timestamptz[])) AS later(id, opens_at)
            WHERE a.id = later.id AND a.state = 'pending' AND a.sent_at IS NULL
            """)
    int postponeEach(@Bind("ids") long[] askIds, @Bind("opensAt") String[] opensAt);

    /** Every pending ask whose deadline passed is expired; returns how many. */
    @SqlUpdate(
            """
            UPDATE asks SET state = 'expired', next_reminder_at = NULL
            WHERE state = 'pending' AND due_at <= :now
            """)
    int expireDue(@Bind("now") Instant now);
}
