package dev.candor.storage.pulse.results;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The counting behind survey results, done in PostgreSQL: every query groups a round's answers (their
 * {@code answer_values} and {@code cell} jsonb) so that 100,000 answers come back as a few hundred counts.
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

    /** Each countable value of an answer: a number, a yes/no, or every option chosen. Text is never counted. */
    String VALUES =
            """
            CROSS JOIN LATERAL jsonb_each(a.answer_values) kv
            CROSS JOIN LATERAL jsonb_array_elements_text(CASE jsonb_typeof(kv.value)
                WHEN 'array' THEN kv.value WHEN 'string' THEN '[]'::jsonb ELSE jsonb_build_array(kv.value) END) v(answer)
            """;

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

    /** A survey's rounds, oldest first, with their ask counts. */
    @SqlQuery(
            """
            SELECT r.id AS round_id, r.period, r.anonymous, r.questionnaire_id, r.version, r.created_at,
                   count(k.id) AS asks, count(k.id) FILTER (WHERE k.state = 'answered') AS answered
            FROM rounds r LEFT JOIN asks k ON k.round_id = r.id
            WHERE r.org_id = :orgId AND r.feature = 'pulse' AND r.subject = :subject AND r.state <> 'cancelled'
            GROUP BY r.id ORDER BY r.created_at, r.id
            """)
    List<SurveyRound> listRounds(@Bind("orgId") long orgId, @Bind("subject") String subject);

    /** How many answers each round has (in the part asked for): the size every rule compares with. */
    @SqlQuery("SELECT a.round_id, '' AS question_id, '' AS answer, count(*) AS answers" + " FROM answers a" + IN_SCOPE
            + " GROUP BY a.round_id")
    List<AnswerCount> countAnswers(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /** Every question's distribution in every round asked for. */
    @SqlQuery("SELECT a.round_id, kv.key AS question_id, v.answer, count(*) AS answers FROM " + "answers a " + VALUES
            + IN_SCOPE + " GROUP BY a.round_id, kv.key, v.answer")
    List<AnswerCount> countValues(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /**
     * One round's distributions per combination of stored groups, in one pass over its answers: the round's own
     * distributions and every breakdown's are sums of these rows.
     */
    @SqlQuery("SELECT a.cell ->> 'department' AS department, a.cell ->> 'manager' AS manager,"
            + " a.cell ->> 'tenure' AS tenure, a.cell ->> 'location' AS location, kv.key AS question_id, v.answer,"
            + " count(*) AS answers FROM answers a " + VALUES + IN_SCOPE + " GROUP BY 1, 2, 3, 4, 5, 6")
    List<CellValueCount> countValuesByCell(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers);

    /** The round's answers per combination of stored groups: the rules derive every group size from it. */
    @SqlQuery(
            """
            SELECT a.cell ->> 'department' AS department, a.cell ->> 'manager' AS manager,
                   a.cell ->> 'tenure' AS tenure, a.cell ->> 'location' AS location, count(*) AS answers
            FROM answers a WHERE a.org_id = :orgId AND a.round_id = :roundId
            GROUP BY 1, 2, 3, 4
            """)
    List<CellCount> countCells(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /** The round's answers to these text questions in random order, so that their order says nothing. */
    @SqlQuery("SELECT a.id AS answer_id, q.id AS question_id, a.answer_values ->> q.id AS text"
            + " FROM answers a CROSS JOIN unnest(CAST(:questionIds AS text[])) q(id)" + IN_SCOPE
            + " AND jsonb_typeof(a.answer_values -> q.id) = 'string' ORDER BY random()")
    List<Comment> listComments(
            @Bind("orgId") long orgId,
            @Bind("rounds") long[] roundIds,
            @Bind("everyone") boolean everyone,
            @Bind("managers") String[] managers,
            @Bind("questionIds") String[] questionIds);

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
