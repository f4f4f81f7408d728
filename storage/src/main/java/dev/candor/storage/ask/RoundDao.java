package dev.candor.storage.ask;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rounds: opened once per (organisation, feature, subject, period), closed by the sweep. */
@RegisterConstructorMapper(Round.class)
@RegisterConstructorMapper(AskCounts.class)
public interface RoundDao {
    String COLUMNS =
            """
            id, org_id, feature, subject, period, questionnaire_id, version, opens_local, deadline_working_days,
            due_local, anonymous, ARRAY(SELECT jsonb_array_elements_text(reminder_plan)) AS reminder_plan, state,
            closes_at, closed_at, created_by, created_at, opens_at, due_at
            """;

    /** Stores a round; empty when this (organisation, feature, subject, period) was opened before. */
    @SqlQuery(
            """
            INSERT INTO rounds (org_id, feature, subject, period, questionnaire_id, version, opens_local,
                                deadline_working_days, due_local, anonymous, reminder_plan, closes_at, created_by,
                                opens_at, due_at)
            VALUES (:orgId, :feature, :subject, :period, :questionnaireId, :version, :opensLocal,
                    :deadlineWorkingDays, :dueLocal, :anonymous, to_jsonb(CAST(:reminderTokens AS text[])),
                    :closesAt, :createdBy, :opensAt, :dueAt)
            ON CONFLICT (org_id, feature, subject, period) DO NOTHING
            RETURNING\s"""
                    + COLUMNS)
    Optional<Round> insert(@BindMethods NewRound round);

    @SqlQuery("SELECT " + COLUMNS + " FROM rounds WHERE org_id = :orgId AND id = :id")
    Optional<Round> find(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS
            + " FROM rounds WHERE org_id = :orgId AND feature = :feature AND subject = :subject"
            + " AND period = :period")
    Optional<Round> findByKey(
            @Bind("orgId") long orgId,
            @Bind("feature") String feature,
            @Bind("subject") String subject,
            @Bind("period") String period);

    /** The rounds of a sweep's asks, whatever their organisations. */
    @SqlQuery("SELECT " + COLUMNS + " FROM rounds WHERE id = ANY(:ids)")
    List<Round> listByIds(@Bind("ids") long[] ids);

    default List<Round> listByIds(Collection<Long> ids) {
        return listByIds(ids.stream().mapToLong(Long::longValue).toArray());
    }

    /** The round's deadline moved to the latest of its asks' (people added later). */
    @SqlUpdate("UPDATE rounds SET closes_at = GREATEST(closes_at, :closesAt) WHERE org_id = :orgId AND id = :id")
    void extendClosing(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("closesAt") Instant closesAt);

    /**
     * Opens the round again until at least {@code closesAt}, if the sweep closed it: some of its asks were reopened
     * for late answers, and the sweep closes it again once they are answered or expired. A cancelled round stays
     * cancelled; false then.
     */
    @SqlUpdate(
            """
            UPDATE rounds SET state = 'open', closed_at = NULL, closes_at = GREATEST(closes_at, :closesAt)
            WHERE org_id = :orgId AND id = :id AND state IN ('open', 'closed')
            """)
    boolean reopen(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("closesAt") Instant closesAt);

    /**
     * Locks one open round that may close at {@code now}: its deadline passed, or nobody is left to answer. Other
     * nodes skip it while this transaction holds it; it no longer qualifies once closed.
     */
    @SqlQuery(
            "SELECT " + COLUMNS
                    + """
                     FROM rounds r WHERE r.state = 'open'
                      AND (r.closes_at <= :now
                           OR NOT EXISTS (SELECT 1 FROM asks a WHERE a.round_id = r.id AND a.state = 'pending'))
                    ORDER BY r.closes_at, r.id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
    Optional<Round> claimClosable(@Bind("now") Instant now);

    @SqlUpdate("UPDATE rounds SET state = 'closed', closed_at = :now WHERE id = :id AND state = 'open'")
    boolean markClosed(@Bind("id") long id, @Bind("now") Instant now);

    /**
     * Cancels an open round (its feature stopped, e.g. a 1:1 series cancelled or moved): people who have not answered
     * are taken out of it ({@code cancelled}) and get no more reminders, and the round closes without its feature
     * being told. False when it was not open.
     */
    default boolean cancel(long orgId, long roundId, Instant now) {
        if (!markCancelled(orgId, roundId, now)) {
            return false;
        }
        skipPending(orgId, roundId);
        return true;
    }

    @SqlUpdate(
            """
            UPDATE rounds SET state = 'cancelled', closed_at = :now
            WHERE org_id = :orgId AND id = :id AND state = 'open'
            """)
    boolean markCancelled(@Bind("orgId") long orgId, @Bind("id") long roundId, @Bind("now") Instant now);

    @SqlUpdate(
            """
            UPDATE asks SET state = 'skipped', skip_reason = 'cancelled', next_reminder_at = NULL
            WHERE org_id = :orgId AND round_id = :id AND state = 'pending'
            """)
    int skipPending(@Bind("orgId") long orgId, @Bind("id") long roundId);

    /**
     * Holds the reminders of the round's pending asks (its feature paused): their planned reminders are dropped, so
     * that neither asks sent already nor those still to be sent are reminded until {@link #replanReminders} plans
     * them again. Returns how many asks had a reminder to come.
     */
    @SqlUpdate(
            """
            UPDATE asks SET next_reminder_at = NULL, reminder_times = '{}'
            WHERE org_id = :orgId AND round_id = :id AND state = 'pending' AND cardinality(reminder_times) > 0
            """)
    int holdReminders(@Bind("orgId") long orgId, @Bind("id") long roundId);

    /**
     * Gives pending asks these reminder times ({@code times[i]} for {@code askIds[i]}, ISO instants still to come):
     * a sent ask's next reminder is its first; an ask not sent yet gets it when it is sent.
     */
    @SqlBatch(
            """
            UPDATE asks SET reminder_times = CAST(:times AS timestamptz[]),
                   next_reminder_at = CASE WHEN sent_at IS NULL THEN NULL
                                           ELSE (SELECT min(t) FROM unnest(CAST(:times AS timestamptz[])) t) END
            WHERE org_id = :orgId AND id = :id AND state = 'pending'
            """)
    int[] replanReminders(
            @Bind("orgId") long orgId, @Bind("id") List<Long> askIds, @Bind("times") List<String[]> times);

    /** The open rounds of a feature's subject (a 1:1's current meeting), the latest first. */
    @SqlQuery("SELECT " + COLUMNS
            + " FROM rounds WHERE org_id = :orgId AND feature = :feature AND subject = :subject AND state = 'open'"
            + " ORDER BY id DESC")
    List<Round> listOpenOf(@Bind("orgId") long orgId, @Bind("feature") String feature, @Bind("subject") String subject);

    @SqlQuery(
            """
            SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
                   count(*) FILTER (WHERE state = 'answered') AS answered,
                   count(*) FILTER (WHERE state = 'skipped') AS skipped,
                   count(*) FILTER (WHERE state = 'expired') AS expired
            FROM asks WHERE org_id = :orgId AND round_id = :id
            """)
    AskCounts countAsks(@Bind("orgId") long orgId, @Bind("id") long roundId);
}
