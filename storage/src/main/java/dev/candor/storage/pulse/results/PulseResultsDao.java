package dev.candor.storage.pulse.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The counting behind survey results, done in PostgreSQL: every count sums {@code answer_tallies}, which a trigger
 * keeps as answers are stored (V29), so that 100,000 answers come back as a few hundred counts without being read.
 *
 * <p>{@code everyone} false narrows every count to a manager's organisation: answers whose {@code cell} names one of
 * {@code managers} (see {@link #listOrganisation}) as the answerer's manager.
 */
@RegisterConstructorMapper(SurveyRef.class)
@RegisterConstructorMapper(SurveyRound.class)
@RegisterConstructorMapper(AnswerCount.class)
@RegisterConstructorMapper(CellCount.class)
@RegisterConstructorMapper(CellValueCount.class)
@RegisterConstructorMapper(Comment.class)
@RegisterConstructorMapper(GroupName.class)
public interface PulseResultsDao {
    /** The answers of the rounds asked for, within the organisation or part asked for. */
    String IN_SCOPE = " WHERE a.org_id = :orgId AND a.round_id = ANY(:rounds)"
            + " AND (:everyone OR a.cell ->> 'manager' = ANY(:managers))";

    @SqlQuery(
            """
            SELECT id, name, anonymous, min_group FROM pulse_surveys
            WHERE org_id = :orgId AND lower(name) = lower(:name)
            ORDER BY created_at DESC, id DESC LIMIT 1
            """)
    Optional<SurveyRef> findSurvey(@Bind("orgId") long orgId, @Bind("name") String name);

    @SqlQuery("SELECT id, name, anonymous, min_group FROM pulse_surveys WHERE org_id = :orgId AND id = :id")
    Optional<SurveyRef> findSurveyById(@Bind("orgId") long orgId, @Bind("id") long id);

    /** The survey launched last (a draft has no results). */
    @SqlQuery(
            """
            SELECT id, name, anonymous, min_group FROM pulse_surveys
            WHERE org_id = :orgId AND launched_at IS NOT NULL
            ORDER BY launched_at DESC, id DESC LIMIT 1
            """)
    Optional<SurveyRef> findLatestSurvey(@Bind("orgId") long orgId);

    /** A survey's rounds, oldest first. */
    @SqlQuery(
            """
            SELECT r.id AS round_id, r.period, r.anonymous, r.questionnaire_id, r.version, r.created_at FROM rounds r
            WHERE r.org_id = :orgId AND r.feature = 'pulse' AND r.subject = :subject AND r.state <> 'cancelled'
            ORDER BY r.created_at, r.id
            """)
    List<SurveyRound> listRounds(@Bind("orgId") long orgId, @Bind("subject") String subject);

    /** How many people the round asked (its answers are counted in answer_tallies: see countAnswers). */
    @SqlQuery("SELECT count(*) FROM asks WHERE org_id = :orgId AND round_id = :roundId")
    int countAsks(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /** How many answers each round has (in the part asked for): the size every rule compares with. */
    @SqlQuery("SELECT a.round_id, '' AS question_id, '' AS answer, sum(a.answers) AS answers FROM answer_tallies a"
            + IN_SCOPE + " AND a.question_id = '' GROUP BY a.round_id")
    List<AnswerCount> countAnswers(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /** Every question's distribution in every round asked for (a text question's: its written answers, as ''). */
    @SqlQuery("SELECT a.round_id, a.question_id, a.answer, sum(a.answers) AS answers FROM answer_tallies a" + IN_SCOPE
            + " AND a.question_id <> '' GROUP BY 1, 2, 3")
    List<AnswerCount> countValues(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /**
     * One round's distributions per combination of stored groups: the round's own distributions and every
     * breakdown's are sums of these rows.
     */
    @SqlQuery("SELECT a.cell ->> 'department' AS department, a.cell ->> 'manager' AS manager,"
            + " a.cell ->> 'tenure' AS tenure, a.cell ->> 'location' AS location, a.question_id, a.answer,"
            + " sum(a.answers) AS answers FROM answer_tallies a" + IN_SCOPE
            + " AND a.question_id <> '' GROUP BY 1, 2, 3, 4, 5, 6")
    List<CellValueCount> countValuesByCell(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /** The round's answers per combination of stored groups: the rules derive every group size from it. */
    @SqlQuery(
            """
            SELECT a.cell ->> 'department' AS department, a.cell ->> 'manager' AS manager,
                   a.cell ->> 'tenure' AS tenure, a.cell ->> 'location' AS location, sum(a.answers) AS answers
            FROM answer_tallies a WHERE a.org_id = :orgId AND a.round_id = :roundId AND a.question_id = ''
            GROUP BY 1, 2, 3, 4
            """)
    List<CellCount> countCells(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /**
     * Up to {@code limit} of the round's answers to these text questions, picked at random, in random order, so that
     * neither which are shown nor their order says anything: those that follow a random point in the order of the
     * answers' random ids (from there round to the start), read along the index without reading every answer.
     */
    default List<Comment> listComments(
            long orgId, long roundId, boolean everyone, String[] managers, String[] questionIds, int limit) {
        List<Comment> comments = new ArrayList<>(
                listCommentsFrom(orgId, roundId, everyone, managers, questionIds, UUID.randomUUID(), limit));
        Collections.shuffle(comments, ThreadLocalRandom.current());
        return comments.subList(0, Math.min(limit, comments.size()));
    }

    /** The first {@code limit} comments from {@code from} on, then the first from the start. */
    @SqlQuery(
            """
            (SELECT a.id AS answer_id, q.id AS question_id, a.answer_values ->> q.id AS text
             FROM answers a CROSS JOIN unnest(CAST(:questionIds AS text[])) q(id)
             WHERE a.org_id = :orgId AND a.round_id = :roundId AND (:everyone OR a.cell ->> 'manager' = ANY(:managers))
               AND a.id >= :from AND jsonb_typeof(a.answer_values -> q.id) = 'string'
             ORDER BY a.id LIMIT :limit)
            UNION ALL
            (SELECT a.id, q.id, a.answer_values ->> q.id
             FROM answers a CROSS JOIN unnest(CAST(:questionIds AS text[])) q(id)
             WHERE a.org_id = :orgId AND a.round_id = :roundId AND (:everyone OR a.cell ->> 'manager' = ANY(:managers))
               AND a.id < :from AND jsonb_typeof(a.answer_values -> q.id) = 'string'
             ORDER BY a.id LIMIT :limit)
            """)
    List<Comment> listCommentsFrom(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers,
            @Bind("questionIds") String[] questionIds,
            @Bind("from") UUID from,
            @Bind("limit") int limit);

    /** A manager and everyone under them at any depth, as the ids that {@code cell.manager} holds. */
    @SqlQuery(
            """
            WITH RECURSIVE under (id) AS (
                SELECT id FROM people WHERE org_id = :orgId AND id = :managerId
                UNION
                SELECT p.id FROM people p JOIN under u ON p.manager_id = u.id WHERE p.org_id = :orgId)
            SELECT id::text FROM under
            """)
    List<String> listOrganisation(@Bind("orgId") long orgId, @Bind("managerId") long managerId);

    /** The names of managers whose teams a breakdown shows. */
    @SqlQuery("SELECT id::text AS id, name FROM people WHERE org_id = :orgId AND id::text = ANY(:ids)")
    List<GroupName> listManagerNames(@Bind("orgId") long orgId, @Bind("ids") String[] ids);
}
