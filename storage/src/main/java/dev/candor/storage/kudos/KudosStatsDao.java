package dev.candor.storage.kudos;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads for leaderboards and the personal view. Leaderboards read {@code kudos_tallies} in index order and stop
 * after {@code limit} rows; people who left and bots are never listed. Every query filters by organisation.
 */
@RegisterConstructorMapper(PersonCount.class)
@RegisterConstructorMapper(ReceivedKudos.class)
@RegisterConstructorMapper(TagTotals.class)
@RegisterConstructorMapper(SinceCounts.class)
public interface KudosStatsDao {

    /** Who received most in a period (tag '' = every kudos), most first, then by name. */
    @SqlQuery(
            """
            SELECT t.person_id, p.name, t.received AS count
            FROM kudos_tallies t JOIN people p ON p.org_id = t.org_id AND p.id = t.person_id
            WHERE t.org_id = :orgId AND t.period_kind = :period AND t.period_start = :start AND t.tag = :tag
                AND t.received > 0 AND p.active AND NOT p.is_bot
            ORDER BY t.received DESC, p.name, p.id
            LIMIT :limit
            """)
    List<PersonCount> listTopReceivers(
            @Bind("orgId") long orgId,
            @Bind("period") TallyPeriod period,
            @Bind("start") LocalDate start,
            @Bind("tag") String tag,
            @Bind("limit") int limit);

    /** Who gave most in a period (one per recipient), most first, then by name. */
    @SqlQuery(
            """
            SELECT t.person_id, p.name, t.given AS count
            FROM kudos_tallies t JOIN people p ON p.org_id = t.org_id AND p.id = t.person_id
            WHERE t.org_id = :orgId AND t.period_kind = :period AND t.period_start = :start AND t.tag = :tag
                AND t.given > 0 AND p.active AND NOT p.is_bot
            ORDER BY t.given DESC, p.name, p.id
            LIMIT :limit
            """)
    List<PersonCount> listTopGivers(
            @Bind("orgId") long orgId,
            @Bind("period") TallyPeriod period,
            @Bind("start") LocalDate start,
            @Bind("tag") String tag,
            @Bind("limit") int limit);

    /** How many listable people received exactly {@code count} in the period: the size of a tie. */
    @SqlQuery(
            """
            SELECT count(*) FROM kudos_tallies t JOIN people p ON p.org_id = t.org_id AND p.id = t.person_id
            WHERE t.org_id = :orgId AND t.period_kind = :period AND t.period_start = :start AND t.tag = :tag
                AND t.received = :count AND t.received > 0 AND p.active AND NOT p.is_bot
            """)
    int countReceiversWith(
            @Bind("orgId") long orgId,
            @Bind("period") TallyPeriod period,
            @Bind("start") LocalDate start,
            @Bind("tag") String tag,
            @Bind("count") int count);

    /** How many listable people gave exactly {@code count} in the period: the size of a tie. */
    @SqlQuery(
            """
            SELECT count(*) FROM kudos_tallies t JOIN people p ON p.org_id = t.org_id AND p.id = t.person_id
            WHERE t.org_id = :orgId AND t.period_kind = :period AND t.period_start = :start AND t.tag = :tag
                AND t.given = :count AND t.given > 0 AND p.active AND NOT p.is_bot
            """)
    int countGiversWith(
            @Bind("orgId") long orgId,
            @Bind("period") TallyPeriod period,
            @Bind("start") LocalDate start,
            @Bind("tag") String tag,
            @Bind("count") int count);

    /** A person's all-time rows: tag '' for every kudos, then the values they were recognised for, most first. */
    @SqlQuery(
            """
            SELECT tag, received, given FROM kudos_tallies
            WHERE org_id = :orgId AND person_id = :personId AND period_kind = 'all' AND period_start = DATE '1970-01-01'
            ORDER BY tag <> '', received DESC, tag
            """)
    List<TagTotals> listAllTime(@Bind("orgId") long orgId, @Bind("personId") long personId);

    /**
     * How many kudos a person received since each of two moments, in one pass: for periods in their own time zone,
     * which the tallies (kept in the organisation's) can't answer.
     */
    @SqlQuery(
            """
            SELECT count(*) FILTER (WHERE created_at >= :first) AS since_first,
                   count(*) FILTER (WHERE created_at >= :second) AS since_second
            FROM kudos_recipients
            WHERE org_id = :orgId AND person_id = :personId
                AND created_at >= LEAST(CAST(:first AS timestamptz), CAST(:second AS timestamptz))
            """)
    SinceCounts countReceivedSince(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("first") Instant first,
            @Bind("second") Instant second);

    /** The kudos a person received most recently, newest first. */
    @SqlQuery(
            """
            SELECT k.id AS kudos_id, k.created_at, k.message, k.giver_id, g.name AS giver_name
            FROM kudos_recipients r
            JOIN kudos k ON k.org_id = r.org_id AND k.id = r.kudos_id
            JOIN people g ON g.org_id = k.org_id AND g.id = k.giver_id
            WHERE r.org_id = :orgId AND r.person_id = :personId
            ORDER BY r.created_at DESC, r.kudos_id DESC
            LIMIT :limit
            """)
    List<ReceivedKudos> listLatestReceived(
            @Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("limit") int limit);
}
