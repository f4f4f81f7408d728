package dev.candor.storage.goal;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Goal cycles: quarters are made as they are first needed; HR may set others. */
@RegisterConstructorMapper(GoalCycle.class)
public interface GoalCycleDao {

    /** The cycle holding this day, the latest to start when cycles overlap. */
    @SqlQuery(
            """
            SELECT id, org_id, name, starts_on, ends_on, closed_at FROM goal_cycles
            WHERE org_id = :orgId AND starts_on <= :day AND ends_on >= :day
            ORDER BY starts_on DESC LIMIT 1
            """)
    Optional<GoalCycle> findOn(@Bind("orgId") long orgId, @Bind("day") LocalDate day);

    /** The cycles that end on or after this day, soonest first: the current one and those planned. */
    @SqlQuery(
            """
            SELECT id, org_id, name, starts_on, ends_on, closed_at FROM goal_cycles
            WHERE org_id = :orgId AND ends_on >= :day ORDER BY starts_on LIMIT 10
            """)
    java.util.List<GoalCycle> listFrom(@Bind("orgId") long orgId, @Bind("day") LocalDate day);

    /** The organisation's cycle of this name (any case). */
    @SqlQuery(
            """
            SELECT id, org_id, name, starts_on, ends_on, closed_at FROM goal_cycles
            WHERE org_id = :orgId AND lower(name) = lower(:name) ORDER BY starts_on DESC LIMIT 1
            """)
    java.util.Optional<GoalCycle> findByName(@Bind("orgId") long orgId, @Bind("name") String name);

    /** Closes a cycle; false when it was closed before. */
    @SqlUpdate("UPDATE goal_cycles SET closed_at = :now WHERE org_id = :orgId AND id = :id AND closed_at IS NULL")
    boolean close(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("now") java.time.Instant now);

    /** Adds a cycle; false when one starts that day already. */
    @SqlUpdate(
            """
            INSERT INTO goal_cycles (org_id, name, starts_on, ends_on) VALUES (:orgId, :name, :startsOn, :endsOn)
            ON CONFLICT (org_id, starts_on) DO NOTHING
            """)
    boolean insert(
            @Bind("orgId") long orgId,
            @Bind("name") String name,
            @Bind("startsOn") LocalDate startsOn,
            @Bind("endsOn") LocalDate endsOn);

    /** Adds a cycle unless one starts that day already (two first uses at once make one). */
    @SqlUpdate(
            """
            INSERT INTO goal_cycles (org_id, name, starts_on, ends_on) VALUES (:orgId, :name, :startsOn, :endsOn)
            ON CONFLICT (org_id, starts_on) DO NOTHING
            """)
    void insertIfAbsent(
            @Bind("orgId") long orgId,
            @Bind("name") String name,
            @Bind("startsOn") LocalDate startsOn,
            @Bind("endsOn") LocalDate endsOn);
}
