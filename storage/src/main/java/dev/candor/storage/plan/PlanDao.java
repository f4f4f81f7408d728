package dev.candor.storage.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Improvement plans, their goals, check-in days and history; every statement is scoped by organisation. */
@RegisterConstructorMapper(Plan.class)
@RegisterConstructorMapper(PlanGoal.class)
@RegisterConstructorMapper(PlanCheckin.class)
@RegisterConstructorMapper(PlanEvent.class)
public interface PlanDao {
    String SELECT =
            """
            SELECT p.id, p.org_id, p.employee_id, e.name AS employee_name, m.id AS manager_id, m.name AS manager_name,
                   p.created_by, c.name AS created_by_name, p.starts_on, p.ends_on, p.state, p.acknowledged_at,
                   p.created_at, p.closed_at
            FROM improvement_plans p
            JOIN people e ON e.org_id = p.org_id AND e.id = p.employee_id
            LEFT JOIN people m ON m.org_id = e.org_id AND m.id = e.manager_id
            JOIN people c ON c.org_id = p.org_id AND c.id = p.created_by
            """;
    String ORDER = " ORDER BY p.state <> 'open', p.ends_on, p.id LIMIT 50";

    /** A new open plan; empty when this submission (its source key) was stored already. */
    @SqlQuery(
            """
            INSERT INTO improvement_plans (org_id, employee_id, created_by, starts_on, ends_on, created_at, source_key)
            VALUES (:orgId, :employeeId, :createdBy, :startsOn, :endsOn, :now, :sourceKey)
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("employeeId") long employeeId,
            @Bind("createdBy") long createdBy,
            @Bind("startsOn") LocalDate startsOn,
            @Bind("endsOn") LocalDate endsOn,
            @Bind("now") Instant now,
            @Bind("sourceKey") String sourceKey);

    @SqlUpdate(
            """
            INSERT INTO improvement_plan_goals (org_id, plan_id, position, goal, measure)
            VALUES (:orgId, :planId, :position, :goal, :measure)
            """)
    void insertGoal(
            @Bind("orgId") long orgId,
            @Bind("planId") long planId,
            @Bind("position") int position,
            @Bind("goal") String goal,
            @Bind("measure") String measure);

    @SqlUpdate(
            """
            INSERT INTO improvement_plan_checkins (org_id, plan_id, on_date) VALUES (:orgId, :planId, :onDate)
            ON CONFLICT DO NOTHING
            """)
    void insertCheckin(@Bind("orgId") long orgId, @Bind("planId") long planId, @Bind("onDate") LocalDate onDate);

    /** Records what happened, once per source key (a repeated delivery stores nothing); the new event's id. */
    @SqlQuery(
            """
            INSERT INTO improvement_plan_events (org_id, plan_id, kind, person_id, at, body, checkin_on, outcome,
                                                 ends_on, source_key)
            VALUES (:orgId, :planId, :kind, :personId, :at, :body, :checkinOn, :outcome, :endsOn, :sourceKey)
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
    Optional<Long> insertEvent(
            @Bind("orgId") long orgId,
            @Bind("planId") long planId,
            @Bind("kind") PlanEventKind kind,
            @Bind("personId") long personId,
            @Bind("at") Instant at,
            @Bind("body") String body,
            @Bind("checkinOn") LocalDate checkinOn,
            @Bind("outcome") String outcome,
            @Bind("endsOn") LocalDate endsOn,
            @Bind("sourceKey") String sourceKey);

    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND p.id = :id")
    Optional<Plan> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** The organisation's open plans (HR's list). */
    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND p.state = 'open'" + ORDER)
    List<Plan> listOpen(@Bind("orgId") long orgId);

    /** The plans of a manager's reports, open ones first. */
    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND e.manager_id = :managerId" + ORDER)
    List<Plan> listOfReports(@Bind("orgId") long orgId, @Bind("managerId") long managerId);

    /** One person's plans, open ones first. */
    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND p.employee_id = :employeeId" + ORDER)
    List<Plan> listOf(@Bind("orgId") long orgId, @Bind("employeeId") long employeeId);

    /** The organisation's active HR admins, who are copied on every plan. */
    @SqlQuery("SELECT id FROM people WHERE org_id = :orgId AND role = 'hr_admin' AND active AND NOT is_bot ORDER BY id")
    List<Long> hrAdmins(@Bind("orgId") long orgId);

    @SqlQuery(
            """
            SELECT position, goal, measure FROM improvement_plan_goals
            WHERE org_id = :orgId AND plan_id = :planId ORDER BY position
            """)
    List<PlanGoal> goals(@Bind("orgId") long orgId, @Bind("planId") long planId);

    @SqlQuery(
            """
            SELECT k.on_date,
                   (SELECT count(*)::int FROM improvement_plan_events n WHERE n.org_id = k.org_id AND n.plan_id = k.plan_id
                      AND n.kind = 'note' AND n.checkin_on = k.on_date) AS notes
            FROM improvement_plan_checkins k WHERE k.org_id = :orgId AND k.plan_id = :planId ORDER BY k.on_date
            """)
    List<PlanCheckin> checkins(@Bind("orgId") long orgId, @Bind("planId") long planId);

    /** The plan's history, oldest first. */
    @SqlQuery(
            """
            SELECT v.id, v.kind, v.person_id, w.name AS person_name, v.at, v.body, v.checkin_on, v.outcome, v.ends_on
            FROM improvement_plan_events v JOIN people w ON w.org_id = v.org_id AND w.id = v.person_id
            WHERE v.org_id = :orgId AND v.plan_id = :planId ORDER BY v.id
            """)
    List<PlanEvent> events(@Bind("orgId") long orgId, @Bind("planId") long planId);

    /** The employee acknowledges the plan; false when they had already. */
    @SqlUpdate(
            """
            UPDATE improvement_plans SET acknowledged_at = :now
            WHERE org_id = :orgId AND id = :id AND acknowledged_at IS NULL
            """)
    boolean acknowledge(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("now") Instant now);

    /** Closes an open plan with its outcome; false when it was closed already. */
    @SqlUpdate(
            """
            UPDATE improvement_plans SET state = :state, closed_at = :now
            WHERE org_id = :orgId AND id = :id AND state = 'open'
            """)
    boolean close(
            @Bind("orgId") long orgId, @Bind("id") long id, @Bind("state") PlanState state, @Bind("now") Instant now);

    /** Moves an open plan's end to a later day; false when it is closed, or ends on that day or later already. */
    @SqlUpdate(
            """
            UPDATE improvement_plans SET ends_on = :endsOn
            WHERE org_id = :orgId AND id = :id AND state = 'open' AND ends_on < :endsOn
            """)
    boolean extend(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("endsOn") LocalDate endsOn);

    /**
     * The check-in days of open plans between two days whose reminder or notes ask is still to go, with who gets them
     * (the employee's manager now, else who wrote the plan).
     */
    @SqlQuery(
            """
            SELECT p.org_id, p.id AS plan_id, e.name AS employee_name, COALESCE(e.manager_id, p.created_by) AS owner_id,
                   k.on_date AS checkin_on, p.ends_on, k.reminded_at IS NOT NULL AS reminded,
                   k.notes_asked_at IS NOT NULL AS notes_asked,
                   (SELECT count(*)::int FROM improvement_plan_events n WHERE n.org_id = k.org_id AND n.plan_id = k.plan_id
                      AND n.kind = 'note' AND n.checkin_on = k.on_date) AS notes
            FROM improvement_plan_checkins k
            JOIN improvement_plans p ON p.org_id = k.org_id AND p.id = k.plan_id
            JOIN people e ON e.org_id = p.org_id AND e.id = p.employee_id
            WHERE p.state = 'open' AND k.on_date BETWEEN :from AND :to
              AND (k.reminded_at IS NULL OR k.notes_asked_at IS NULL)
            """)
    @RegisterConstructorMapper(PlanDue.class)
    List<PlanDue> checkinsBetween(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Open plans ending by a day whose outcome hasn't been asked for at their present end. */
    @SqlQuery(
            """
            SELECT p.org_id, p.id AS plan_id, e.name AS employee_name, COALESCE(e.manager_id, p.created_by) AS owner_id,
                   NULL::date AS checkin_on, p.ends_on, false AS reminded, false AS notes_asked, 0 AS notes
            FROM improvement_plans p JOIN people e ON e.org_id = p.org_id AND e.id = p.employee_id
            WHERE p.state = 'open' AND p.ends_on <= :to AND p.outcome_asked_on IS DISTINCT FROM p.ends_on
            """)
    @RegisterConstructorMapper(PlanDue.class)
    List<PlanDue> endingBy(@Bind("to") LocalDate to);

    /** Claims the reminder before a check-in of an open plan; false when it was claimed (or the plan closed). */
    @SqlUpdate(
            """
            UPDATE improvement_plan_checkins k SET reminded_at = :now
            FROM improvement_plans p
            WHERE k.org_id = :orgId AND k.plan_id = :planId AND k.on_date = :onDate AND k.reminded_at IS NULL
              AND p.org_id = k.org_id AND p.id = k.plan_id AND p.state = 'open'
            """)
    boolean claimReminder(
            @Bind("orgId") long orgId,
            @Bind("planId") long planId,
            @Bind("onDate") LocalDate onDate,
            @Bind("now") Instant now);

    /** Claims the ask for notes after a check-in of an open plan; false when it was claimed (or the plan closed). */
    @SqlUpdate(
            """
            UPDATE improvement_plan_checkins k SET notes_asked_at = :now
            FROM improvement_plans p
            WHERE k.org_id = :orgId AND k.plan_id = :planId AND k.on_date = :onDate AND k.notes_asked_at IS NULL
              AND p.org_id = k.org_id AND p.id = k.plan_id AND p.state = 'open'
            """)
    boolean claimNotesAsk(
            @Bind("orgId") long orgId,
            @Bind("planId") long planId,
            @Bind("onDate") LocalDate onDate,
            @Bind("now") Instant now);

    /** Claims the outcome ask at a plan's present end; false when it was claimed, moved or closed. */
    @SqlUpdate(
            """
            UPDATE improvement_plans SET outcome_asked_on = ends_on
            WHERE org_id = :orgId AND id = :planId AND state = 'open' AND ends_on = :endsOn
              AND outcome_asked_on IS DISTINCT FROM ends_on
            """)
    boolean claimOutcomeAsk(@Bind("orgId") long orgId, @Bind("planId") long planId, @Bind("endsOn") LocalDate endsOn);
}
