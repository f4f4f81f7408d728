package dev.candor.storage.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Review cycles and their phases; who is asked and who answered are the asking engine's. */
@RegisterConstructorMapper(ReviewCycle.class)
@RegisterConstructorMapper(ReviewPhase.class)
@RegisterConstructorMapper(ReviewDao.Progress.class)
public interface ReviewDao {
    String COLUMNS =
            """
            id, org_id, name, audience, audience_departments, audience_manager_id, joined_by, period_from, period_to,
            state, created_by, created_at, closed_at
            """;

    /** A new active cycle; empty when this submission (its source key) or a cycle of that name exists already. */
    @SqlQuery(
            """
            INSERT INTO review_cycles (org_id, name, audience, audience_departments, audience_manager_id, joined_by,
                                       period_from, period_to, created_by, created_at, source_key)
            VALUES (:orgId, :name, :audience, CAST(:departments AS text[]), :managerId, :joinedBy, :periodFrom,
                    :periodTo, :createdBy, :now, :sourceKey)
            ON CONFLICT DO NOTHING
            RETURNING\s"""
                    + COLUMNS)
    Optional<ReviewCycle> insert(
            @Bind("orgId") long orgId,
            @Bind("name") String name,
            @Bind("audience") ReviewAudience audience,
            @Bind("departments") String[] departments,
            @Bind("managerId") Long managerId,
            @Bind("joinedBy") LocalDate joinedBy,
            @Bind("periodFrom") LocalDate periodFrom,
            @Bind("periodTo") LocalDate periodTo,
            @Bind("createdBy") long createdBy,
            @Bind("now") Instant now,
            @Bind("sourceKey") String sourceKey);

    /** A phase of one step. */
    default void insertPhase(
            long orgId, long cycleId, ReviewPhaseKind kind, LocalDate opensOn, LocalDate dueOn, long questionnaireId) {
        insertPhase(orgId, cycleId, kind, opensOn, dueOn, questionnaireId, null);
    }

    /** A phase, with the questions of its second step (approval, acknowledgement) or null. */
    @SqlUpdate(
            """
            INSERT INTO review_phases (org_id, cycle_id, kind, opens_on, due_on, questionnaire_id,
                                       follow_up_questionnaire_id)
            VALUES (:orgId, :cycleId, :kind, :opensOn, :dueOn, :questionnaireId, :followUp)
            """)
    void insertPhase(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("kind") ReviewPhaseKind kind,
            @Bind("opensOn") LocalDate opensOn,
            @Bind("dueOn") LocalDate dueOn,
            @Bind("questionnaireId") long questionnaireId,
            @Bind("followUp") Long followUpQuestionnaireId);

    @SqlQuery("SELECT " + COLUMNS + " FROM review_cycles WHERE org_id = :orgId AND id = :id")
    Optional<ReviewCycle> find(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM review_cycles WHERE org_id = :orgId AND lower(name) = lower(:name)")
    Optional<ReviewCycle> findByName(@Bind("orgId") long orgId, @Bind("name") String name);

    /** The organisation's cycles, latest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM review_cycles WHERE org_id = :orgId ORDER BY created_at DESC, id DESC"
            + " LIMIT 20")
    List<ReviewCycle> list(@Bind("orgId") long orgId);

    @SqlQuery(
            """
            SELECT org_id, cycle_id, kind, opens_on, due_on, questionnaire_id, opened_at, follow_up_questionnaire_id
            FROM review_phases
            WHERE org_id = :orgId AND cycle_id = :cycleId ORDER BY opens_on, kind
            """)
    List<ReviewPhase> phases(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId);

    /** Marks the phase opened (its rounds are); false when it was before. */
    @SqlUpdate(
            """
            UPDATE review_phases SET opened_at = now()
            WHERE org_id = :orgId AND cycle_id = :cycleId AND kind = :kind AND opened_at IS NULL
            """)
    boolean opened(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId, @Bind("kind") ReviewPhaseKind kind);

    /** A person and the manager who reviews them. */
    record ManagerOf(long personId, long managerId) {}

    /** Of these people, those with an active human manager, with that manager. */
    @SqlQuery(
            """
            SELECT p.id AS person_id, p.manager_id
            FROM people p JOIN people m ON m.org_id = p.org_id AND m.id = p.manager_id AND m.active AND NOT m.is_bot
            WHERE p.org_id = :orgId AND p.id = ANY(:people) AND p.manager_id <> p.id
            ORDER BY p.id
            """)
    @RegisterConstructorMapper(ManagerOf.class)
    List<ManagerOf> managersOf(@Bind("orgId") long orgId, @Bind("people") long[] people);

    /** The phases of active cycles not opened yet, for the engine's series job that opens their rounds. */
    @SqlQuery(
            """
            SELECT p.org_id, p.cycle_id, p.kind, p.opens_on, p.due_on, p.questionnaire_id, p.opened_at,
                   p.follow_up_questionnaire_id
            FROM review_phases p JOIN review_cycles c ON c.org_id = p.org_id AND c.id = p.cycle_id
            WHERE c.state = 'active' AND p.opened_at IS NULL ORDER BY p.cycle_id, p.kind
            """)
    List<ReviewPhase> activePhases();

    /** The cycle moved from one of {@code from} to {@code to}; empty when it was in none of them. */
    @SqlQuery(
            """
            UPDATE review_cycles SET state = :to,
                   closed_at = CASE WHEN :to = 'closed' THEN CAST(:now AS timestamptz) ELSE closed_at END
            WHERE org_id = :orgId AND id = :id AND state = ANY(CAST(:from AS text[]))
            RETURNING\s"""
                    + COLUMNS)
    Optional<ReviewCycle> move(
            @Bind("orgId") long orgId,
            @Bind("id") long id,
            @Bind("from") String[] from,
            @Bind("to") ReviewState to,
            @Bind("now") Instant now);

    /** Of these people, those who joined by the day (or whose start day nobody knows). */
    @SqlQuery(
            """
            SELECT id FROM people
            WHERE org_id = :orgId AND id = ANY(:people) AND (start_date IS NULL OR start_date <= :joinedBy)
            ORDER BY id
            """)
    List<Long> joinedBy(@Bind("orgId") long orgId, @Bind("people") long[] people, @Bind("joinedBy") LocalDate joinedBy);

    /**
     * One person's part in a phase's rounds, for HR's status: their name, department, manager's name, whether they
     * answered, when it is due and whether they are away now.
     */
    record Progress(
            long askId,
            long personId,
            String name,
            String aboutName,
            String department,
            String managerName,
            String state,
            Instant dueAt,
            Instant answeredAt,
            boolean away,
            boolean late) {}

    @SqlQuery(
            """
            SELECT a.id AS ask_id, p.id AS person_id, p.name, s.name AS about_name, p.department, m.name AS manager_name, a.state, a.due_at, a.answered_at,
                   (p.away_until IS NOT NULL AND p.away_until >= CAST(:now AS timestamptz)::date) AS away,
                   (a.state = 'expired' OR a.state = 'pending' AND (a.due_at < :now OR EXISTS (
                        SELECT 1 FROM review_late l WHERE l.org_id = a.org_id AND l.ask_id = a.id))) AS late
            FROM rounds r
            JOIN asks a ON a.org_id = r.org_id AND a.round_id = r.id
            JOIN people p ON p.org_id = a.org_id AND p.id = a.person_id
            LEFT JOIN people m ON m.org_id = p.org_id AND m.id = p.manager_id
            LEFT JOIN people s ON s.org_id = r.org_id AND s.id = CAST(NULLIF(split_part(r.subject, ':', 3), '') AS bigint)
            WHERE r.org_id = :orgId AND r.feature = 'review' AND (r.subject = :subject OR r.subject LIKE :subject || ':%')
            ORDER BY p.name, p.id
            """)
    List<Progress> progress(@Bind("orgId") long orgId, @Bind("subject") String subject, @Bind("now") Instant now);

    /** One participant of an open phase of an active cycle whose manager is told of their progress each week. */
    record Report(
            long orgId,
            long cycleId,
            String cycleName,
            ReviewPhaseKind kind,
            LocalDate dueOn,
            long managerId,
            String name,
            String state,
            boolean away) {}

    /**
     * Every participant with a manager in the open phases of active cycles that each person does for themselves (the
     * self review, the peer nomination), by manager.
     */
    @SqlQuery(
            """
            SELECT c.org_id, c.id AS cycle_id, c.name AS cycle_name, ph.kind, ph.due_on, p.manager_id, p.name,
                   a.state, (p.away_until IS NOT NULL AND p.away_until >= CAST(:today AS date)) AS away
            FROM review_cycles c
            JOIN review_phases ph ON ph.org_id = c.org_id AND ph.cycle_id = c.id
            JOIN rounds r ON r.org_id = c.org_id AND r.feature = 'review' AND split_part(r.subject, ':', 1) = c.id::text AND split_part(r.subject, ':', 2) = ph.kind
                         AND r.state = 'open'
            JOIN asks a ON a.org_id = r.org_id AND a.round_id = r.id
            JOIN people p ON p.org_id = a.org_id AND p.id = a.person_id AND p.manager_id IS NOT NULL
            WHERE c.state = 'active' AND ph.kind IN ('self', 'peers') AND split_part(r.subject, ':', 3) = ''
            ORDER BY c.org_id, p.manager_id, c.id, ph.kind, p.name
            """)
    @RegisterConstructorMapper(Report.class)
    List<Report> reportsInOpenPhases(@Bind("today") LocalDate today);

    /**
     * An ask of an active cycle's phase that passed its deadline unanswered: expired and not yet told, or told and
     * still pending (reopened) and not yet escalated.
     */
    record Overdue(
            long orgId,
            long roundId,
            long askId,
            long personId,
            String personName,
            Long managerId,
            long cycleId,
            String cycleName,
            ReviewPhaseKind kind,
            LocalDate dueOn,
            String state,
            Instant dueAt,
            Instant lateDueAt,
            String aboutName) {}

    @SqlQuery(
            """
            SELECT r.org_id, r.id AS round_id, a.id AS ask_id, a.person_id, p.name AS person_name, p.manager_id,
                   c.id AS cycle_id, c.name AS cycle_name, ph.kind, ph.due_on, a.state, a.due_at,
                   l.due_at AS late_due_at, s.name AS about_name
            FROM review_cycles c
            JOIN review_phases ph ON ph.org_id = c.org_id AND ph.cycle_id = c.id
            JOIN rounds r ON r.org_id = c.org_id AND r.feature = 'review' AND split_part(r.subject, ':', 1) = c.id::text AND split_part(r.subject, ':', 2) = ph.kind
            JOIN asks a ON a.org_id = r.org_id AND a.round_id = r.id
            JOIN people p ON p.org_id = a.org_id AND p.id = a.person_id AND p.active
            LEFT JOIN review_late l ON l.org_id = a.org_id AND l.ask_id = a.id
            LEFT JOIN people s ON s.org_id = r.org_id AND s.id = CAST(NULLIF(split_part(r.subject, ':', 3), '') AS bigint)
            WHERE c.state = 'active'
              AND ((a.state = 'expired' AND l.ask_id IS NULL)
                   OR (a.state = 'pending' AND l.ask_id IS NOT NULL AND l.escalated_at IS NULL))
            ORDER BY r.org_id, a.id
            """)
    @RegisterConstructorMapper(Overdue.class)
    List<Overdue> overdue();

    /** Keeps that the person was told of an overdue ask; false when another node did first. */
    @SqlUpdate(
            """
            INSERT INTO review_late (org_id, ask_id, due_at, told_at) VALUES (:orgId, :askId, :dueAt, :now)
            ON CONFLICT DO NOTHING
            """)
    boolean told(
            @Bind("orgId") long orgId,
            @Bind("askId") long askId,
            @Bind("dueAt") Instant dueAt,
            @Bind("now") Instant now);

    /** Keeps that the manager was told; false when they were before. */
    @SqlUpdate(
            """
            UPDATE review_late SET escalated_at = :now
            WHERE org_id = :orgId AND ask_id = :askId AND escalated_at IS NULL
            """)
    boolean escalated(@Bind("orgId") long orgId, @Bind("askId") long askId, @Bind("now") Instant now);

    /** The round of a phase, once it opened. */
    @SqlQuery(
            """
            SELECT id FROM rounds
            WHERE org_id = :orgId AND feature = 'review' AND (subject = :subject OR subject LIKE :subject || ':%')
            ORDER BY id
            """)
    List<Long> rounds(@Bind("orgId") long orgId, @Bind("subject") String subject);

    /** The open rounds of a phase, to hold, resume or end them. */
    @SqlQuery(
            """
            SELECT id FROM rounds
            WHERE org_id = :orgId AND feature = 'review' AND (subject = :subject OR subject LIKE :subject || ':%')
              AND state = 'open'
            """)
    List<Long> openRounds(@Bind("orgId") long orgId, @Bind("subject") String subject);

    /** A peer proposed to review a person in a cycle: who proposed them and, once the manager decided, whether. */
    record Peer(long peerId, String name, long proposedBy, Boolean approved) {}

    /**
     * The person's proposals, replacing those their manager hasn't decided on yet (a changed nomination); peers
     * decided on before stay as decided.
     */
    default void propose(long orgId, long cycleId, long subjectId, long[] peers, long by, Instant now) {
        withdraw(orgId, cycleId, subjectId, peers);
        add(orgId, cycleId, subjectId, peers, by, now);
    }

    /** Takes back the person's proposals their manager hasn't decided on that are not among {@code peers}. */
    @SqlUpdate(
            """
            DELETE FROM review_peers
            WHERE org_id = :orgId AND cycle_id = :cycleId AND subject_id = :subjectId AND decided_at IS NULL
              AND peer_id <> ALL(:peers)
            """)
    void withdraw(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("subjectId") long subjectId,
            @Bind("peers") long[] peers);

    /** Adds peers not proposed yet, proposed by {@code by} (the person, or their manager adding one). */
    @SqlUpdate(
            """
            INSERT INTO review_peers (org_id, cycle_id, subject_id, peer_id, proposed_by, proposed_at)
            SELECT :orgId, :cycleId, :subjectId, peer, :by, :now FROM unnest(CAST(:peers AS bigint[])) AS peer
            WHERE peer <> :subjectId
            ON CONFLICT DO NOTHING
            """)
    void add(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("subjectId") long subjectId,
            @Bind("peers") long[] peers,
            @Bind("by") long by,
            @Bind("now") Instant now);

    /** The manager's decision: the peers named are approved, every other one proposed is left out; by whom, when. */
    @SqlUpdate(
            """
            UPDATE review_peers SET approved = (peer_id = ANY(:approved)), decided_by = :by, decided_at = :now
            WHERE org_id = :orgId AND cycle_id = :cycleId AND subject_id = :subjectId
            """)
    int decide(
            @Bind("orgId") long orgId,
            @Bind("cycleId") long cycleId,
            @Bind("subjectId") long subjectId,
            @Bind("approved") long[] approved,
            @Bind("by") long by,
            @Bind("now") Instant now);

    @SqlQuery(
            """
            SELECT rp.peer_id, p.name, rp.proposed_by, rp.approved
            FROM review_peers rp JOIN people p ON p.org_id = rp.org_id AND p.id = rp.peer_id
            WHERE rp.org_id = :orgId AND rp.cycle_id = :cycleId AND rp.subject_id = :subjectId
            ORDER BY p.name, p.id
            """)
    @RegisterConstructorMapper(Peer.class)
    List<Peer> peers(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId, @Bind("subjectId") long subjectId);

    /** A person and one peer approved to review them. */
    record PeerOf(long subjectId, long peerId) {}

    /** Every approved peer of the cycle who is still active, by person reviewed. */
    @SqlQuery(
            """
            SELECT rp.subject_id, rp.peer_id
            FROM review_peers rp JOIN people p ON p.org_id = rp.org_id AND p.id = rp.peer_id AND p.active
            WHERE rp.org_id = :orgId AND rp.cycle_id = :cycleId AND rp.approved
            ORDER BY rp.subject_id, rp.peer_id
            """)
    @RegisterConstructorMapper(PeerOf.class)
    List<PeerOf> approvedPeers(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId);

    /** A manager review that was written: whom it is about, who wrote it and its ask (to share it). */
    record Written(long subjectId, long managerId, long askId) {}

    @SqlQuery(
            """
            SELECT CAST(split_part(r.subject, ':', 3) AS bigint) AS subject_id, a.person_id AS manager_id, a.id AS ask_id
            FROM rounds r JOIN asks a ON a.org_id = r.org_id AND a.round_id = r.id
            WHERE r.org_id = :orgId AND r.feature = 'review' AND r.subject LIKE :cycleId || ':manager:%'
              AND a.state = 'answered'
            ORDER BY subject_id
            """)
    @RegisterConstructorMapper(Written.class)
    List<Written> managerReviews(@Bind("orgId") long orgId, @Bind("cycleId") long cycleId);

    /** The answer given in a review round: who gave it, to which questions, when. */
    record Answer(
            long askId, long personId, long questionnaireId, int version, String valuesJson, Instant submittedAt) {}

    /** The answer in the round of this exact subject (a review written, a note with it), by the person if named. */
    @SqlQuery(
            """
            SELECT a.id AS ask_id, a.person_id, r.questionnaire_id, an.questionnaire_version AS version,
                   an.answer_values::text AS values_json, an.submitted_at
            FROM rounds r
            JOIN asks a ON a.org_id = r.org_id AND a.round_id = r.id
            JOIN answers an ON an.org_id = a.org_id AND an.ask_id = a.id
            WHERE r.org_id = :orgId AND r.feature = 'review' AND r.subject = :subject
              AND (CAST(:personId AS bigint) IS NULL OR a.person_id = :personId)
            ORDER BY an.submitted_at, a.id LIMIT 1
            """)
    @RegisterConstructorMapper(Answer.class)
    Optional<Answer> answerOf(
            @Bind("orgId") long orgId, @Bind("subject") String subject, @Bind("personId") Long personId);
}
