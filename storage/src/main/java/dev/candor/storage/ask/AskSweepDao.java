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
    /** How a person is reached: Slack first when they have both, as everywhere else in Candor. */
    String DELIVERY =
            """
            a.id AS ask_id, a.org_id, a.round_id, a.person_id, a.due_at, p.active, i.platform, i.platform_user_id,
            r.deadline_working_days IS NOT NULL AS relative_deadline
            """;

    String JOINS =
            """
            JOIN rounds r ON r.id = a.round_id
            JOIN people p ON p.org_id = a.org_id AND p.id = a.person_id
            LEFT JOIN LATERAL (SELECT platform, platform_user_id FROM platform_identities
                               WHERE org_id = a.org_id AND person_id = a.person_id
                               ORDER BY platform = 'slack' DESC, platform_user_id LIMIT 1) i ON true
            """;

    /** Claims up to {@code limit} asks whose opening has come and whose DM has not gone out, the earliest first. */
    @SqlQuery(
            "SELECT " + DELIVERY + ", 0 AS reminder FROM asks a " + JOINS
                    + """
            WHERE a.state = 'pending' AND a.sent_at IS NULL AND a.opens_at <= :now
            ORDER BY a.opens_at, a.id
            LIMIT :limit
            FOR UPDATE OF a SKIP LOCKED
            """)
    List<AskDelivery> claimDueAsks(@Bind("now") Instant now, @Bind("limit") int limit);

    /** The same for one round only ("open now": its due asks are queued in the request, not at the next sweep). */
    @SqlQuery(
            "SELECT " + DELIVERY + ", 0 AS reminder FROM asks a " + JOINS
                    + """
            WHERE a.round_id = :roundId AND a.state = 'pending' AND a.sent_at IS NULL AND a.opens_at <= :now
            ORDER BY a.opens_at, a.id
            LIMIT :limit
            FOR UPDATE OF a SKIP LOCKED
            """)
    List<AskDelivery> claimDueAsksOf(@Bind("roundId") long roundId, @Bind("now") Instant now, @Bind("limit") int limit);

    /** Claims up to {@code limit} asks whose next reminder is due; {@code reminder} is that reminder's number. */
    @SqlQuery(
            "SELECT " + DELIVERY + ", a.reminders_sent + 1 AS reminder FROM asks a " + JOINS
                    + """
            WHERE a.next_reminder_at IS NOT NULL AND a.next_reminder_at <= :now
            ORDER BY a.next_reminder_at, a.id
            LIMIT :limit
            FOR UPDATE OF a SKIP LOCKED
            """)
    List<AskDelivery> claimDueReminders(@Bind("now") Instant now, @Bind("limit") int limit);

    /**
     * The asks' DMs went out at {@code now}: their first reminder still ahead (and before the deadline) becomes the
     * next one. Reminders planned for before a late sending are dropped rather than sent at once.
     */
    @SqlUpdate(
            """
            UPDATE asks SET sent_at = :now,
                   next_reminder_at = (SELECT min(t) FROM unnest(reminder_times) t WHERE t > :now AND t < due_at)
            WHERE id = ANY(:ids) AND state = 'pending' AND sent_at IS NULL
            """)
    int markSent(@Bind("ids") long[] askIds, @Bind("now") Instant now);

    /** The asks' due reminders went out (or were passed over when {@code counted} is false): on to the next. */
    @SqlUpdate(
            """
            UPDATE asks SET reminders_sent = reminders_sent + CASE WHEN :counted THEN 1 ELSE 0 END,
                   next_reminder_at = (SELECT min(t) FROM unnest(reminder_times) t
                                       WHERE t > GREATEST(next_reminder_at, :now) AND t < due_at)
            WHERE id = ANY(:ids) AND next_reminder_at IS NOT NULL
            """)
    int markReminded(@Bind("ids") long[] askIds, @Bind("now") Instant now, @Bind("counted") boolean counted);

    /** Pending asks that won't be sent: skipped with a reason. */
    @SqlUpdate(
            """
            UPDATE asks SET state = 'skipped', skip_reason = :reason, next_reminder_at = NULL
            WHERE id = ANY(:ids) AND state = 'pending'
            """)
    int skipAll(@Bind("ids") long[] askIds, @Bind("reason") SkipReason reason);

    /** An ask whose person is not in working time after all (their zone changed): it waits until {@code opensAt}. */
    @SqlUpdate("UPDATE asks SET opens_at = :opensAt WHERE id = :id AND state = 'pending' AND sent_at IS NULL")
    int postpone(@Bind("id") long askId, @Bind("opensAt") Instant opensAt);

    /** Every pending ask whose deadline passed is expired; returns how many. */
    @SqlUpdate(
            """
            UPDATE asks SET state = 'expired', next_reminder_at = NULL
            WHERE state = 'pending' AND due_at <= :now
            """)
    int expireDue(@Bind("now") Instant now);
}
