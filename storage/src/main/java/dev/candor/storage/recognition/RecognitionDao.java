package dev.candor.storage.recognition;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the weekly digest and the recognition-gap nudges read: set-based queries, never one per person. */
@RegisterConstructorMapper(DigestCandidate.class)
@RegisterConstructorMapper(WeekTotals.class)
@RegisterConstructorMapper(ValueCount.class)
@RegisterConstructorMapper(Highlight.class)
@RegisterConstructorMapper(RecognitionGap.class)
public interface RecognitionDao {

    /** Every organisation that has kudos settings, with its time zone (without settings there is no channel). */
    @SqlQuery(
            """
            SELECT s.org_id, o.timezone, s.digest_enabled, s.digest_day, s.digest_time, s.slack_kudos_channel,
                   s.teams_kudos_channel
            FROM kudos_settings s JOIN organisations o ON o.id = s.org_id
            ORDER BY s.org_id
            """)
    List<DigestCandidate> listDigestCandidates();

    @SqlQuery(
            """
            SELECT count(DISTINCT k.id) AS kudos, count(DISTINCT r.person_id) AS people_recognised
            FROM kudos k LEFT JOIN kudos_recipients r ON r.org_id = k.org_id AND r.kudos_id = k.id
            WHERE k.org_id = :orgId AND k.created_at >= :from AND k.created_at < :to
            """)
    WeekTotals weekTotals(@Bind("orgId") long orgId, @Bind("from") Instant from, @Bind("to") Instant to);

    /** The values most kudos carried in the period, most first, ties by tag. */
    @SqlQuery(
            """
            SELECT v.tag, cv.name, cv.emoji, count(*) AS kudos
            FROM kudos k
            JOIN kudos_values v ON v.org_id = k.org_id AND v.kudos_id = k.id
            LEFT JOIN company_values cv ON cv.org_id = v.org_id AND cv.tag = v.tag
            WHERE k.org_id = :orgId AND k.created_at >= :from AND k.created_at < :to
            GROUP BY v.tag, cv.name, cv.emoji
            ORDER BY count(*) DESC, v.tag
            LIMIT :limit
            """)
    List<ValueCount> listTopValues(
            @Bind("orgId") long orgId, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);

    /**
     * The period's most +1'd public kudos, then the most recent. Public means its recognition post went to a
     * conversation everyone may read: the organisation's kudos channel on that platform, or a conversation Candor
     * knows to be a (public) channel. A kudos given in a DM, a group or a private channel is posted there and
     * nowhere else, so it never qualifies; +1s are counted, not shown.
     */
    @SqlQuery(
            """
            WITH plus_ones AS (
                SELECT parent_kudos_id AS kudos_id, count(*) AS n FROM kudos
                WHERE org_id = :orgId AND via = 'plus_one' AND created_at >= :from AND created_at < :to
                GROUP BY parent_kudos_id
            )
            SELECT k.id AS kudos_id, g.name AS giver_name, k.message, k.created_at,
                   COALESCE(p.n, 0) AS plus_ones,
                   ARRAY(SELECT person.name FROM kudos_recipients r
                         JOIN people person ON person.org_id = r.org_id AND person.id = r.person_id
                         WHERE r.org_id = k.org_id AND r.kudos_id = k.id
                         ORDER BY person.name, person.id) AS recipient_names
            FROM kudos k
            JOIN people g ON g.org_id = k.org_id AND g.id = k.giver_id
            JOIN outbox post ON post.org_id = k.org_id AND post.idempotency_key = 'kudos:' || k.id || ':post'
            LEFT JOIN kudos_settings s ON s.org_id = k.org_id
            LEFT JOIN plus_ones p ON p.kudos_id = k.id
            WHERE k.org_id = :orgId AND k.created_at >= :from AND k.created_at < :to AND k.via <> 'plus_one'
              AND (post.target = CASE post.platform WHEN 'slack' THEN s.slack_kudos_channel
                                                    ELSE s.teams_kudos_channel END
                   OR EXISTS (SELECT 1 FROM conversation_refs c
                              WHERE c.org_id = post.org_id AND c.platform = post.platform
                                AND c.conversation_id = post.target AND c.kind = 'channel'))
            ORDER BY plus_ones DESC, k.created_at DESC, k.id DESC
            LIMIT :limit
            """)
    List<Highlight> listHighlights(
            @Bind("orgId") long orgId, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);

    /** The time zones of everyone who manages at least one active person, as stored. */
    @SqlQuery(
            """
            SELECT DISTINCT m.timezone FROM people m
            WHERE m.active AND NOT m.is_bot
              AND EXISTS (SELECT 1 FROM people r WHERE r.org_id = m.org_id AND r.manager_id = m.id AND r.active)
            ORDER BY m.timezone
            """)
    List<String> listManagerTimezones();

    /**
     * For every manager in one of the given time zones who was not nudged in that zone's current week yet: their
     * active reports who received no kudos since the zone's nudge slot minus the organisation's gap weeks (counted
     * as 168-hour weeks, whatever the session time zone). One statement for all organisations and managers; the
     * three arrays are parallel (zone as stored, ISO week like {@code 2025-W14}, slot instant as ISO-8601 text). A
     * manager is reached on Slack when they have both platforms.
     *
     * <p>Costs one outbox key lookup per candidate manager and one index probe per report
     * ({@code kudos_recipients_person_time}, V8). The candidates are materialised so that the planner knows how
     * few they are and looks their keys up one by one, even while the outbox statistics still describe the table
     * before the last sweep filled it.
     */
    @SqlQuery(
            """
            WITH due AS (
                SELECT * FROM unnest(CAST(:zones AS text[]), CAST(:weeks AS text[]), CAST(:slots AS timestamptz[]))
                    AS d(zone, week, slot)
            ),
            candidates AS MATERIALIZED (
                SELECT m.org_id, m.id, m.name, m.timezone, COALESCE(s.gap_weeks, 6) AS gap_weeks,
                       d.slot - make_interval(hours => 168 * COALESCE(s.gap_weeks, 6)) AS since,
                       'gap-nudge:' || m.id || ':' || d.week AS nudge_key
                FROM people m
                JOIN due d ON d.zone = m.timezone
                LEFT JOIN kudos_settings s ON s.org_id = m.org_id
                WHERE m.active AND NOT m.is_bot
                  AND EXISTS (SELECT 1 FROM people r WHERE r.org_id = m.org_id AND r.manager_id = m.id AND r.active)
            ),
            managers AS (
                SELECT c.* FROM candidates c
                LEFT JOIN outbox o ON o.org_id = c.org_id AND o.idempotency_key = c.nudge_key
                WHERE o.id IS NULL
            )
            SELECT m.org_id, m.id AS manager_id, m.name AS manager_name, m.timezone AS manager_timezone,
                   i.platform, i.platform_user_id, m.gap_weeks, r.id AS report_id, r.name AS report_name
            FROM managers m
            JOIN LATERAL (SELECT platform, platform_user_id FROM platform_identities
                          WHERE org_id = m.org_id AND person_id = m.id
                          ORDER BY platform = 'slack' DESC, platform_user_id
                          LIMIT 1) i ON true
            JOIN people r ON r.org_id = m.org_id AND r.manager_id = m.id AND r.active AND NOT r.is_bot
            WHERE NOT EXISTS (SELECT 1 FROM kudos_recipients kr
                              WHERE kr.org_id = r.org_id AND kr.person_id = r.id
                                AND kr.created_at >= m.since)
            ORDER BY m.org_id, m.id, r.name, r.id
            """)
    List<RecognitionGap> listRecognitionGaps(
            @Bind("zones") String[] zones, @Bind("weeks") String[] weeks, @Bind("slots") String[] slots);
}
