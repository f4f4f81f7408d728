package dev.candor.storage.kudos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Keeps {@code kudos_tallies} in step with the kudos: {@link #count} right after a kudos, its recipients and values
 * are stored, {@link #uncount} right before one is deleted, both in that transaction. Rows are written in key
 * order, so two transactions counting for the same people can't deadlock.
 *
 * <p>Every transaction that writes an organisation's tallies holds that organisation's tally lock (a PostgreSQL
 * advisory lock, {@link #LOCK_KEY}) until it ends: shared while counting, so gives never wait for each other,
 * exclusive while {@link #rebuild recounting}. A recount therefore waits for the gives in progress, and gives
 * that arrive meanwhile wait for it and then read the time zone it committed; other organisations never wait.
 * Read the organisation's time zone only after taking the lock, in a later statement (a statement sees what was
 * committed when it started, not what committed while it waited).
 */
@RegisterConstructorMapper(KudosTallyDao.Moment.class)
public interface KudosTallyDao {

    /**
     * The arguments of PostgreSQL's two-key advisory lock functions that name one organisation's tallies: a class of
     * its own (the two-key space is apart from the one-key space) and the organisation's id. Ids past 2^31 wrap onto
     * a smaller one's: those two organisations would wait for each other's recounts, never count wrong.
     */
    String LOCK_KEY = "7301, CAST(:orgId & 2147483647 AS integer)";

    /** When a kudos was given, and the organisation's time zone setting. */
    record Moment(Instant createdAt, String timezone) {}

    /** Counts a stored kudos: once per recipient received, as many given as it has recipients. */
    default void count(long orgId, long kudosId) {
        lockShared(orgId);
        tally(orgId, kudosId, 1);
    }

    /** Takes a kudos, and the +1s that joined it (deleted with it), out of the tallies. Call before deleting. */
    default void uncount(long orgId, long kudosId) {
        lockShared(orgId);
        for (long id : listWithJoined(orgId, kudosId)) {
            tally(orgId, id, -1);
        }
    }

    /**
     * Adds ({@code sign} 1) or subtracts (-1) one kudos in the periods it was given in, in the organisation's time
     * zone. Call with the organisation's tally lock held ({@link #lockShared}).
     */
    default void tally(long orgId, long kudosId, int sign) {
        tally(orgId, kudosId, sign, findMoment(orgId, kudosId));
    }

    /** Takes the organisation's tally lock, shared with other counting transactions, until the transaction ends. */
    @SqlUpdate("SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY + ")")
    void lockShared(@Bind("orgId") long orgId);

    /** Takes the organisation's tally lock alone, until the transaction ends: for a recount. */
    @SqlUpdate("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
    void lockExclusive(@Bind("orgId") long orgId);

    private void tally(long orgId, long kudosId, int sign, Moment moment) {
        LocalDate day =
                moment.createdAt().atZone(TallyPeriod.zone(moment.timezone())).toLocalDate();
        add(
                orgId,
                kudosId,
                sign,
                TallyPeriod.WEEK.start(day),
                TallyPeriod.MONTH.start(day),
                TallyPeriod.QUARTER.start(day),
                TallyPeriod.YEAR.start(day),
                TallyPeriod.ALL_TIME);
    }

    @SqlQuery(
            """
            SELECT k.created_at, o.timezone FROM kudos k JOIN organisations o ON o.id = k.org_id
            WHERE k.org_id = :orgId AND k.id = :kudosId
            """)
    Moment findMoment(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    /**
     * The kudos and its +1s, locked: when two transactions take the same kudos back, the second waits, finds it
     * deleted and uncounts nothing.
     */
    @SqlQuery(
            """
            SELECT id FROM kudos WHERE org_id = :orgId AND (id = :kudosId OR parent_kudos_id = :kudosId)
            ORDER BY id FOR UPDATE
            """)
    List<Long> listWithJoined(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    /**
     * One row per person (recipients and giver) × period × tag ('' and each value of the kudos), added to or
     * subtracted from ({@code sign} -1) what is there.
     */
    @SqlUpdate(
            """
            INSERT INTO kudos_tallies AS t (org_id, person_id, period_kind, period_start, tag, received, given)
            SELECT :orgId, x.person_id, p.kind, p.start, v.tag, :sign * sum(x.received), :sign * sum(x.given)
            FROM (SELECT r.person_id, 1 AS received, 0 AS given
                  FROM kudos_recipients r WHERE r.org_id = :orgId AND r.kudos_id = :kudosId
                  UNION ALL
                  SELECT k.giver_id, 0, (SELECT count(*) FROM kudos_recipients r
                                         WHERE r.org_id = :orgId AND r.kudos_id = :kudosId)
                  FROM kudos k WHERE k.org_id = :orgId AND k.id = :kudosId) x
            CROSS JOIN (VALUES ('week', CAST(:week AS date)), ('month', CAST(:month AS date)),
                               ('quarter', CAST(:quarter AS date)), ('year', CAST(:year AS date)),
                               ('all', CAST(:allTime AS date))) p (kind, start)
            CROSS JOIN (SELECT '' UNION ALL
                        SELECT tag FROM kudos_values WHERE org_id = :orgId AND kudos_id = :kudosId) v (tag)
            GROUP BY x.person_id, p.kind, p.start, v.tag
            ORDER BY x.person_id, p.kind, p.start, v.tag
            ON CONFLICT (org_id, person_id, period_kind, period_start, tag) DO UPDATE
                SET received = t.received + EXCLUDED.received, given = t.given + EXCLUDED.given
            """)
    void add(
            @Bind("orgId") long orgId,
            @Bind("kudosId") long kudosId,
            @Bind("sign") int sign,
            @Bind("week") LocalDate week,
            @Bind("month") LocalDate month,
            @Bind("quarter") LocalDate quarter,
            @Bind("year") LocalDate year,
            @Bind("allTime") LocalDate allTime);

    /**
     * Counts an organisation's kudos from scratch in its current time zone: after the zone changed, to repair, or
     * to fill a database loaded in bulk. Run it in a transaction: it holds the organisation's tally lock alone until
     * that ends, so gives of the organisation wait for it (and count in the zone it commits), and it waits for the
     * gives in progress; other organisations are not held up.
     */
    default void rebuild(long orgId, ZoneId zone) {
        lockExclusive(orgId);
        deleteAll(orgId);
        insertAll(orgId, postgresZone(zone));
    }

    /**
     * A zone name PostgreSQL reads the way Java does. Region ids are the same IANA names on both sides; PostgreSQL
     * reads a bare offset like {@code +02:00} as a POSIX zone, west-positive, so offsets become a POSIX spec.
     */
    static String postgresZone(ZoneId zone) {
        if (!zone.getRules().isFixedOffset() || zone.getId().startsWith("Etc/")) {
            return zone.getId();
        }
        int east = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        if (east == 0) {
            return "UTC";
        }
        String name = ZoneOffset.ofTotalSeconds(east).getId().replace(":", "");
        return "<" + name + ">" + (east > 0 ? "-" : "") + Math.abs(east) / 3600 + ":"
                + "%02d".formatted(Math.abs(east) / 60 % 60);
    }

    @SqlUpdate("DELETE FROM kudos_tallies WHERE org_id = :orgId")
    void deleteAll(@Bind("orgId") long orgId);

    /** Weeks and months from the kudos in one pass; quarters, years and all time from the months. */
    @SqlUpdate(
            """
            INSERT INTO kudos_tallies (org_id, person_id, period_kind, period_start, tag, received, given)
            WITH events AS (
                SELECT k.id, k.created_at AT TIME ZONE :zone AS local_time, r.person_id, 1 AS received, 0 AS given
                FROM kudos k JOIN kudos_recipients r ON r.org_id = k.org_id AND r.kudos_id = k.id
                WHERE k.org_id = :orgId
                UNION ALL
                SELECT k.id, k.created_at AT TIME ZONE :zone, k.giver_id, 0, count(*)
                FROM kudos k JOIN kudos_recipients r ON r.org_id = k.org_id AND r.kudos_id = k.id
                WHERE k.org_id = :orgId
                GROUP BY k.id
            ), tagged AS (
                SELECT person_id, local_time, '' AS tag, received, given FROM events
                UNION ALL
                SELECT e.person_id, e.local_time, v.tag, e.received, e.given
                FROM events e JOIN kudos_values v ON v.org_id = :orgId AND v.kudos_id = e.id
            ), periods AS MATERIALIZED (
                SELECT person_id, tag, date_trunc('week', local_time)::date AS week,
                       date_trunc('month', local_time)::date AS month, sum(received) AS received, sum(given) AS given
                FROM tagged
                GROUP BY GROUPING SETS ((person_id, tag, date_trunc('week', local_time)::date),
                                        (person_id, tag, date_trunc('month', local_time)::date))
            )
            SELECT :orgId, person_id, 'week', week, tag, received, given FROM periods WHERE week IS NOT NULL
            UNION ALL
            SELECT :orgId, person_id, 'month', month, tag, received, given FROM periods WHERE month IS NOT NULL
            UNION ALL
            SELECT :orgId, person_id, 'quarter', date_trunc('quarter', month)::date, tag, sum(received), sum(given)
            FROM periods WHERE month IS NOT NULL GROUP BY person_id, date_trunc('quarter', month), tag
            UNION ALL
            SELECT :orgId, person_id, 'year', date_trunc('year', month)::date, tag, sum(received), sum(given)
            FROM periods WHERE month IS NOT NULL GROUP BY person_id, date_trunc('year', month), tag
            UNION ALL
            SELECT :orgId, person_id, 'all', DATE '1970-01-01', tag, sum(received), sum(given)
            FROM periods WHERE month IS NOT NULL GROUP BY person_id, tag
            """)
    void insertAll(@Bind("orgId") long orgId, @Bind("zone") String postgresZone);
}
