package dev.candor.storage.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Recurring 1:1 schedules: one active per manager and report. */
@RegisterConstructorMapper(OneOnOne.class)
public interface OneOnOneDao {
    String COLUMNS =
            """
            o.id, o.org_id, o.manager_id, m.name AS manager_name, o.report_id, r.name AS report_name, o.every_weeks,
            o.weekday, o.local_time, o.zone, o.occurrence, o.next_event_at, o.revision
            """;
    String NAMES =
            """
            JOIN people m ON m.org_id = o.org_id AND m.id = o.manager_id
            JOIN people r ON r.org_id = o.org_id AND r.id = o.report_id
            """;

    /** Schedules a 1:1, or replaces the schedule of the pair's active one; returns it. */
    @SqlQuery(
            """
            WITH saved AS (
                INSERT INTO one_on_ones (org_id, manager_id, report_id, every_weeks, weekday, local_time, zone,
                                         occurrence, next_event_at)
                VALUES (:orgId, :managerId, :reportId, :everyWeeks, :weekday, :localTime, :zone, :occurrence,
                        :nextEventAt)
                ON CONFLICT (org_id, manager_id, report_id) WHERE active DO UPDATE
                    SET every_weeks = EXCLUDED.every_weeks, weekday = EXCLUDED.weekday,
                        local_time = EXCLUDED.local_time, zone = EXCLUDED.zone, occurrence = EXCLUDED.occurrence,
                        next_event_at = EXCLUDED.next_event_at, revision = one_on_ones.revision + 1
                RETURNING *
            )
            SELECT\s"""
                    + COLUMNS + " FROM saved o " + NAMES)
    OneOnOne save(
            @Bind("orgId") long orgId,
            @Bind("managerId") long managerId,
            @Bind("reportId") long reportId,
            @Bind("everyWeeks") int everyWeeks,
            @Bind("weekday") int weekday,
            @Bind("localTime") LocalTime localTime,
            @Bind("zone") String zone,
            @Bind("occurrence") LocalDateTime occurrence,
            @Bind("nextEventAt") Instant nextEventAt);

    /** The active 1:1 of two people, whichever of them is the manager. */
    @SqlQuery(
            "SELECT " + COLUMNS + " FROM one_on_ones o " + NAMES
                    + """
            WHERE o.org_id = :orgId AND o.active
              AND ((o.manager_id = :a AND o.report_id = :b) OR (o.manager_id = :b AND o.report_id = :a))
            """)
    Optional<OneOnOne> findBetween(@Bind("orgId") long orgId, @Bind("a") long personA, @Bind("b") long personB);

    @SqlQuery("SELECT " + COLUMNS + " FROM one_on_ones o " + NAMES
            + " WHERE o.org_id = :orgId AND o.id = :id AND o.active")
    Optional<OneOnOne> findActive(@Bind("orgId") long orgId, @Bind("id") long id);

    /** A person's active 1:1s, as manager or as report, the next meeting first. */
    @SqlQuery(
            "SELECT " + COLUMNS + " FROM one_on_ones o " + NAMES
                    + """
            WHERE o.org_id = :orgId AND o.active AND (o.manager_id = :personId OR o.report_id = :personId)
            ORDER BY o.next_event_at, o.id
            """)
    List<OneOnOne> listFor(@Bind("orgId") long orgId, @Bind("personId") long personId);

    @SqlUpdate(
            """
            UPDATE one_on_ones SET active = false, cancelled_at = :now
            WHERE org_id = :orgId AND id = :id AND active
            """)
    boolean cancel(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("now") Instant now);

    /** The meeting whose round is now current, and when that round opens. */
    @SqlUpdate(
            """
            UPDATE one_on_ones SET occurrence = :occurrence, next_event_at = :nextEventAt
            WHERE org_id = :orgId AND id = :id AND active
            """)
    void markMeeting(
            @Bind("orgId") long orgId,
            @Bind("id") long id,
            @Bind("occurrence") LocalDateTime occurrence,
            @Bind("nextEventAt") Instant nextEventAt);
}
