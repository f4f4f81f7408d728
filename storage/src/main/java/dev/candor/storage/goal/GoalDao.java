package dev.candor.storage.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Goals, their owners and their history. Reading rights are the database's {@code goal_readable} (V36). */
@RegisterConstructorMapper(Goal.class)
@RegisterConstructorMapper(GoalUpdate.class)
public interface GoalDao {
    String SELECT =
            """
            SELECT g.id, g.org_id, g.cycle_id, c.name AS cycle_name, g.parent_id, g.title, g.description, g.measure,
                   g.start_value, g.target_value, g.unit, g.current_value, g.status, g.visibility, g.due_on,
                   g.created_by, g.created_at, g.updated_at,
                   ARRAY(SELECT o.person_id FROM goal_owners o WHERE o.goal_id = g.id ORDER BY o.person_id)
                       AS owner_ids,
                   ARRAY(SELECT p.manager_id FROM goal_owners o JOIN people p ON p.id = o.person_id
                         WHERE o.goal_id = g.id AND p.manager_id IS NOT NULL) AS owner_manager_ids,
                   ARRAY(SELECT p.name FROM goal_owners o JOIN people p ON p.id = o.person_id
                         WHERE o.goal_id = g.id ORDER BY o.person_id) AS owner_names,
                   g.company, g.progress_by_hand,
                   (SELECT count(*) FROM goals k WHERE k.org_id = g.org_id AND k.parent_id = g.id) AS children,
                   (SELECT round(avg(goal_progress(k.measure, k.start_value, k.target_value, k.current_value)))
                    FROM goals k WHERE k.org_id = g.org_id AND k.parent_id = g.id) AS children_progress
            FROM goals g JOIN goal_cycles c ON c.id = g.cycle_id
            """;

    /** Stores a goal; empty when this submission ({@code sourceKey}) was stored before. */
    @SqlQuery(
            """
            INSERT INTO goals (org_id, cycle_id, parent_id, title, description, measure, start_value, target_value,
                               unit, current_value, visibility, due_on, created_by, source_key, created_at, updated_at,
                               company)
            VALUES (:orgId, :cycleId, :parentId, :title, :description, :measure, :start, :target, :unit, :start,
                    :visibility, :dueOn, :createdBy, :sourceKey, :now, :now, :company)
            ON CONFLICT (org_id, source_key) DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("parentId") Long parentId,
            @Bind("title") String title,
            @Bind("description") String description,
            @Bind("measure") GoalMeasure measure,
            @Bind("start") BigDecimal start,
            @Bind("target") BigDecimal target,
            @Bind("unit") String unit,
            @Bind("visibility") GoalVisibility visibility,
            @Bind("dueOn") LocalDate dueOn,
            @Bind("createdBy") long createdBy,
            @Bind("sourceKey") String sourceKey,
            @Bind("now") Instant now,
            @Bind("company") boolean company);

    @SqlBatch("INSERT INTO goal_owners (org_id, goal_id, person_id) VALUES (:orgId, :goalId, :personId)")
    void addOwners(@Bind("orgId") long orgId, @Bind("goalId") long goalId, @Bind("personId") List<Long> personIds);

    @SqlQuery(SELECT + " WHERE g.org_id = :orgId AND g.id = :id")
    Optional<Goal> find(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT goal_readable(:id, :viewer)")
    boolean readable(@Bind("id") long goalId, @Bind("viewer") long viewerId);

    /** The goals a person owns in a cycle that {@code viewer} may see, due first, then oldest first. */
    @SqlQuery(
            SELECT
                    + """
             WHERE g.org_id = :orgId AND g.cycle_id = :cycleId
               AND g.id IN (SELECT o.goal_id FROM goal_owners o WHERE o.org_id = :orgId AND o.person_id = :ownerId)
               AND goal_readable(g.id, :viewer)
             ORDER BY g.due_on NULLS LAST, g.id
            """)
    List<Goal> listOwnedBy(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("ownerId") long ownerId,
            @Bind("viewer") long viewerId);

    /** The goals of a manager's direct reports in a cycle, which the manager may all see. */
    @SqlQuery(
            SELECT
                    + """
             WHERE g.org_id = :orgId AND g.cycle_id = :cycleId
               AND g.id IN (SELECT o.goal_id FROM people p JOIN goal_owners o ON o.org_id = p.org_id
                                AND o.person_id = p.id
                            WHERE p.org_id = :orgId AND p.manager_id = :managerId AND p.active)
             ORDER BY g.id
            """)
    List<Goal> listOfReports(
            @Bind("orgId") long orgId, @Bind("cycleId") long cycleId, @Bind("managerId") long managerId);

    /** The goals of a cycle the person may update: theirs and their direct reports'. */
    @SqlQuery(
            SELECT
                    + """
             WHERE g.org_id = :orgId AND g.cycle_id = :cycleId
               AND g.id IN (SELECT o.goal_id FROM goal_owners o WHERE o.org_id = :orgId AND o.person_id = :personId
                            UNION
                            SELECT o.goal_id FROM people p JOIN goal_owners o ON o.org_id = p.org_id
                                AND o.person_id = p.id
                            WHERE p.org_id = :orgId AND p.manager_id = :personId)
             ORDER BY g.id
            """)
    List<Goal> listUpdatableBy(
            @Bind("orgId") long orgId, @Bind("cycleId") long cycleId, @Bind("personId") long personId);

    /** Makes the goal contribute to {@code parentId} (null: to none); V39's trigger refuses a loop. */
    @SqlUpdate("UPDATE goals SET parent_id = :parentId WHERE org_id = :orgId AND id = :id")
    void setParent(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("parentId") Long parentId);

    @SqlQuery("SELECT id FROM goals WHERE org_id = :orgId AND id = :id FOR UPDATE")
    Optional<Long> lock(@Bind("orgId") long orgId, @Bind("id") long id);

    /** Keeps an update in the history; empty when this submission was kept before. */
    @SqlQuery(
            """
            INSERT INTO goal_updates (org_id, goal_id, person_id, old_value, new_value, old_status, new_status,
                                      comment, source_key, created_at)
            SELECT org_id, id, :personId, current_value, :value, status, :status, :comment, :sourceKey, :now
            FROM goals WHERE org_id = :orgId AND id = :goalId
            ON CONFLICT (org_id, source_key) DO NOTHING
            RETURNING id
            """)
    Optional<Long> insertUpdate(
            @Bind("orgId") long orgId,
            @Bind("goalId") long goalId,
            @Bind("personId") long personId,
            @Bind("value") BigDecimal value,
            @Bind("status") GoalStatus status,
            @Bind("comment") String comment,
            @Bind("sourceKey") String sourceKey,
            @Bind("now") Instant now);

    @SqlUpdate(
            """
            UPDATE goals SET current_value = :value, status = :status, updated_at = :now,
                   progress_by_hand = progress_by_hand OR :byHand
            WHERE org_id = :orgId AND id = :goalId
            """)
    void setProgress(
            @Bind("orgId") long orgId,
            @Bind("goalId") long goalId,
            @Bind("value") BigDecimal value,
            @Bind("status") GoalStatus status,
            @Bind("byHand") boolean byHand,
            @Bind("now") Instant now);

    /** A cycle's company goals that {@code viewer} may see. */
    @SqlQuery(
            SELECT
                    + """
             WHERE g.org_id = :orgId AND g.cycle_id = :cycleId AND g.company AND goal_readable(g.id, :viewer)
             ORDER BY g.id LIMIT :limit
            """)
    List<Goal> listCompany(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("viewer") long viewerId,
            @Bind("limit") int limit);

    /** The goals contributing to any of these goals that {@code viewer} may see, by parent then id. */
    @SqlQuery(
            SELECT
                    + """
             WHERE g.org_id = :orgId AND g.parent_id = ANY(:parentIds) AND goal_readable(g.id, :viewer)
             ORDER BY g.parent_id, g.id
            """)
    List<Goal> listChildrenOf(
            @Bind("orgId") long orgId, @Bind("parentIds") long[] parentIds, @Bind("viewer") long viewerId);

    /**
     * Every owner of an unfinished goal of an open cycle due between the two days, in every organisation, with their
     * manager: what the due-day reminders look at.
     */
    @SqlQuery(
            """
            SELECT g.org_id, g.id AS goal_id, g.title, g.due_on, p.id AS owner_id, p.name AS owner_name,
                   p.manager_id
            FROM goals g
            JOIN goal_cycles c ON c.id = g.cycle_id AND c.closed_at IS NULL
            JOIN goal_owners o ON o.goal_id = g.id
            JOIN people p ON p.id = o.person_id AND p.active
            WHERE g.due_on BETWEEN :from AND :to AND g.status <> 'done'
            ORDER BY g.org_id, g.id, p.id
            """)
    @RegisterConstructorMapper(GoalDue.class)
    List<GoalDue> listDueBetween(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /**
     * Every owner of an unfinished goal of an open cycle not updated within its organisation's stale period (14 days
     * unless HR set another), in every organisation: what the weekly update ask looks at.
     */
    @SqlQuery(STALE + " ORDER BY g.org_id, o.person_id, g.id")
    @RegisterConstructorMapper(GoalStale.class)
    List<GoalStale> listStale(@Bind("now") Instant now);

    /** {@link #listStale} of one organisation: what asking now (a manager's or HR's command) looks at. */
    @SqlQuery(STALE + " AND g.org_id = :orgId ORDER BY o.person_id, g.id")
    @RegisterConstructorMapper(GoalStale.class)
    List<GoalStale> listStaleOf(@Bind("orgId") long orgId, @Bind("now") Instant now);

    String STALE =
            """
            SELECT g.org_id, g.id AS goal_id, o.person_id AS owner_id
            FROM goals g
            JOIN goal_cycles c ON c.id = g.cycle_id AND c.closed_at IS NULL
            JOIN goal_owners o ON o.goal_id = g.id
            JOIN people p ON p.id = o.person_id AND p.active
            LEFT JOIN goal_settings s ON s.org_id = g.org_id
            WHERE g.status <> 'done'
              AND g.updated_at < CAST(:now AS timestamptz) - make_interval(days => coalesce(s.stale_days, 14))
            """;

    /** Every goal of a cycle, for HR's export. */
    @SqlQuery(SELECT + " WHERE g.org_id = :orgId AND g.cycle_id = :cycleId ORDER BY g.id")
    List<Goal> listOfCycle(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId);

    /** Every update of a cycle's goals, oldest first, for HR's export. */
    @SqlQuery(
            """
            SELECT u.id, u.goal_id, u.person_id, p.name AS person_name, u.old_value, u.new_value, u.old_status,
                   u.new_status, u.comment, u.created_at
            FROM goal_updates u JOIN goals g ON g.id = u.goal_id JOIN people p ON p.id = u.person_id
            WHERE u.org_id = :orgId AND g.cycle_id = :cycleId
            ORDER BY u.created_at, u.id
            """)
    List<GoalUpdate> listUpdatesOfCycle(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId);

    /** Keeps an owner's final score and retrospective of a goal of a closed cycle. */
    @SqlUpdate(
            """
            UPDATE goals SET final_score = :score, retrospective = :retrospective, scored_at = :now
            WHERE org_id = :orgId AND id = :goalId
            """)
    void score(
            @Bind("orgId") long orgId,
            @Bind("goalId") long goalId,
            @Bind("score") int score,
            @Bind("retrospective") String retrospective,
            @Bind("now") Instant now);

    /**
     * The latest updates since {@code since} of goals these people own that {@code viewer} may see, latest first: the
     * goal changes of a manager's check-in digest (a confirmation without a comment is no change).
     */
    @SqlQuery(
            """
            SELECT u.id, u.goal_id, u.person_id, p.name AS person_name, u.old_value, u.new_value, u.old_status,
                   u.new_status, u.comment, u.created_at
            FROM goal_updates u JOIN people p ON p.id = u.person_id
            WHERE u.org_id = :orgId AND u.created_at >= :since
              AND (u.new_value <> u.old_value OR u.new_status <> u.old_status OR u.comment IS NOT NULL)
              AND u.goal_id IN (SELECT o.goal_id FROM goal_owners o
                                WHERE o.org_id = :orgId AND o.person_id = ANY(:people))
              AND goal_readable(u.goal_id, :viewer)
            ORDER BY u.created_at DESC, u.id DESC LIMIT :limit
            """)
    List<GoalUpdate> listChangesOf(
            @Bind("orgId") long orgId,
            @Bind("people") long[] people,
            @Bind("since") Instant since,
            @Bind("viewer") long viewerId,
            @Bind("limit") int limit);

    /** A goal's history, latest first. */
    @SqlQuery(
            """
            SELECT u.id, u.goal_id, u.person_id, p.name AS person_name, u.old_value, u.new_value, u.old_status,
                   u.new_status, u.comment, u.created_at
            FROM goal_updates u JOIN people p ON p.id = u.person_id
            WHERE u.org_id = :orgId AND u.goal_id = :goalId
            ORDER BY u.created_at DESC, u.id DESC LIMIT :limit
            """)
    List<GoalUpdate> listUpdates(@Bind("orgId") long orgId, @Bind("goalId") long goalId, @Bind("limit") int limit);
}
