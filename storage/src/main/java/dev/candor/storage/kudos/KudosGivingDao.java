package dev.candor.storage.kudos;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of giving a kudos, apart from the rest of {@link KudosDao}: attaching a JDBI SqlObject prepares
 * every method of its type, and giving is the busiest transaction Candor has.
 */
@RegisterConstructorMapper(Kudos.class)
@RegisterConstructorMapper(KudosGivingDao.Spent.class)
public interface KudosGivingDao {

    /** Stores a kudos; empty when the same submission (source key, or reaction on a message) was stored already. */
    @SqlQuery(
            """
            INSERT INTO kudos (org_id, giver_id, message, platform, conversation_id, source_key, via,
                               source_message_id, source_url, parent_kudos_id)
            VALUES (:orgId, :giverId, :message, :platform, :conversationId, :sourceKey, :via,
                    :sourceMessageId, :sourceUrl, :parentKudosId)
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
    Optional<Kudos> insert(@BindMethods NewKudos kudos);

    /** What a giver has spent since a moment (kudos, one per recipient) and the organisation's time zone. */
    record Spent(int kudos, String timezone) {}

    /**
     * Locks the giver's row and takes the organisation's tally lock (shared; see {@link KudosTallyDao}) until the
     * transaction ends, in one round trip; the tally lock first. The giver's row serialises everything that spends
     * their allowance. NO KEY UPDATE, not UPDATE: it must not block the key-share locks that rows pointing at the
     * person take (a kudos to them), or two people thanking each other at the same moment would deadlock.
     */
    @SqlQuery("SELECT (SELECT id FROM people WHERE org_id = :orgId AND id = :giverId FOR NO KEY UPDATE)"
            + " FROM pg_advisory_xact_lock_shared(" + KudosTallyDao.LOCK_KEY + ")")
    Optional<Long> lockGiver(@Bind("orgId") long orgId, @Bind("giverId") long giverId);

    /**
     * {@link #countSpentSince}, and the organisation's time zone in the same round trip. Call after {@link #lockGiver}:
     * concurrent requests then can't both see room for the last kudos, and the zone is the one the tallies are
     * counted in until this transaction ends (a zone change waits for it to recount).
     */
    @SqlQuery(
            """
            SELECT (SELECT count(*) FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
                    WHERE k.org_id = :orgId AND k.giver_id = :giverId AND k.created_at >= :since) AS kudos,
                   timezone
            FROM organisations WHERE id = :orgId
            """)
    Spent countSpentAndZone(@Bind("orgId") long orgId, @Bind("giverId") long giverId, @Bind("since") Instant since);

    /** How many kudos a giver has spent since a moment: one per recipient. */
    @SqlQuery(
            """
            SELECT count(*) FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
            WHERE k.org_id = :orgId AND k.giver_id = :giverId AND k.created_at >= :since
            """)
    int countSpentSince(@Bind("orgId") long orgId, @Bind("giverId") long giverId, @Bind("since") Instant since);

    @SqlBatch("INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (:kudosId, :orgId, :personId)")
    void insertRecipients(
            @Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("personId") List<Long> personIds);

    @SqlBatch("INSERT INTO kudos_values (kudos_id, org_id, tag) VALUES (:kudosId, :orgId, :tag)")
    void insertValues(@Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("tag") List<String> tags);

    /** The kudos a giver gave by reacting to a message, if any. */
    @SqlQuery(
            """
            SELECT * FROM kudos WHERE org_id = :orgId AND giver_id = :giverId AND source_message_id = :messageId
                AND via IN ('reaction', 'plus_one')
            """)
    Optional<Kudos> findReaction(
            @Bind("orgId") long orgId, @Bind("giverId") long giverId, @Bind("messageId") String messageId);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId AND source_key = :sourceKey")
    Optional<Kudos> findBySourceKey(@Bind("orgId") long orgId, @Bind("sourceKey") String sourceKey);

    /**
     * Stores a new kudos' recipients and value tags and counts it in the tallies (as {@link KudosTallyDao#count} does),
     * in one statement: the busiest transaction saves two round trips. {@code timezone} is the organisation's, which
     * decides the periods the kudos falls in: read under the tally lock ({@link #countSpentAndZone}).
     */
    default void insertRecipientsAndValuesCounted(
            long orgId,
            long kudosId,
            long giverId,
            List<Long> recipientIds,
            List<String> tags,
            Instant createdAt,
            String timezone) {
        LocalDate day = createdAt.atZone(TallyPeriod.zone(timezone)).toLocalDate();
        insertCounted(
                orgId,
                kudosId,
                giverId,
                recipientIds.stream().mapToLong(Long::longValue).toArray(),
                tags.toArray(String[]::new),
                TallyPeriod.WEEK.start(day),
                TallyPeriod.MONTH.start(day),
                TallyPeriod.QUARTER.start(day),
                TallyPeriod.YEAR.start(day),
                TallyPeriod.ALL_TIME);
    }

    /**
     * The statement behind {@link #insertRecipientsAndValuesCounted}. The tallies are counted from what the two
     * inserts return (a statement doesn't see its own inserts in the tables): one row per person × period × tag,
     * as {@link KudosTallyDao#add} counts them.
     */
    @SqlUpdate(
            """
            WITH recipients AS (
                INSERT INTO kudos_recipients (kudos_id, org_id, person_id)
                SELECT :kudosId, :orgId, person_id FROM unnest(CAST(:recipientIds AS bigint[])) AS r (person_id)
                RETURNING person_id
            ), tags AS (
                INSERT INTO kudos_values (kudos_id, org_id, tag)
                SELECT :kudosId, :orgId, tag FROM unnest(CAST(:tags AS text[])) AS v (tag)
                RETURNING tag
            )
            INSERT INTO kudos_tallies AS t (org_id, person_id, period_kind, period_start, tag, received, given)
            SELECT :orgId, x.person_id, p.kind, p.start, v.tag, sum(x.received), sum(x.given)
            FROM (SELECT person_id, 1 AS received, 0 AS given FROM recipients
                  UNION ALL
                  SELECT :giverId, 0, (SELECT count(*) FROM recipients)) x
            CROSS JOIN (VALUES ('week', CAST(:week AS date)), ('month', CAST(:month AS date)),
                               ('quarter', CAST(:quarter AS date)), ('year', CAST(:year AS date)),
                               ('all', CAST(:allTime AS date))) p (kind, start)
            CROSS JOIN (SELECT '' UNION ALL SELECT tag FROM tags) v (tag)
            GROUP BY x.person_id, p.kind, p.start, v.tag
            ORDER BY x.person_id, p.kind, p.start, v.tag
            ON CONFLICT (org_id, person_id, period_kind, period_start, tag) DO UPDATE
                SET received = t.received + EXCLUDED.received, given = t.given + EXCLUDED.given
            """)
    void insertCounted(
            @Bind("orgId") long orgId,
            @Bind("kudosId") long kudosId,
            @Bind("giverId") long giverId,
            @Bind("recipientIds") long[] recipientIds,
            @Bind("tags") String[] tags,
            @Bind("week") LocalDate week,
            @Bind("month") LocalDate month,
            @Bind("quarter") LocalDate quarter,
            @Bind("year") LocalDate year,
            @Bind("allTime") LocalDate allTime);
}
