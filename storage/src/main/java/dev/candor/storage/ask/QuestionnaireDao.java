package dev.candor.storage.ask;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Questionnaires and their versions; a version, once stored, never changes. */
@RegisterConstructorMapper(QuestionnaireVersion.class)
public interface QuestionnaireDao {

    /** A new questionnaire with its first version; returns that version. */
    @Transaction
    default QuestionnaireVersion insert(long orgId, String feature, String questionsJson, Long createdBy) {
        long id = insertQuestionnaire(orgId, feature);
        return insertVersion(orgId, id, 1, questionsJson, createdBy);
    }

    /**
     * The next version of a questionnaire, numbered after the latest under a lock on the questionnaire, so that two
     * editors at once get two versions rather than one error; empty when the organisation has no such questionnaire.
     */
    @Transaction
    default Optional<QuestionnaireVersion> addVersion(
            long orgId, long questionnaireId, String questionsJson, Long createdBy) {
        return lockLatestVersion(orgId, questionnaireId)
                .map(latest -> insertVersion(orgId, questionnaireId, latest + 1, questionsJson, createdBy));
    }

    @SqlQuery("INSERT INTO questionnaires (org_id, feature) VALUES (:orgId, :feature) RETURNING id")
    long insertQuestionnaire(@Bind("orgId") long orgId, @Bind("feature") String feature);

    @SqlQuery(
            """
            SELECT (SELECT max(version) FROM questionnaire_versions v WHERE v.questionnaire_id = q.id)
            FROM questionnaires q WHERE q.org_id = :orgId AND q.id = :id
            FOR UPDATE
            """)
    Optional<Integer> lockLatestVersion(@Bind("orgId") long orgId, @Bind("id") long questionnaireId);

    @SqlQuery(
            """
            WITH inserted AS (
                INSERT INTO questionnaire_versions (org_id, questionnaire_id, version, questions, created_by)
                VALUES (:orgId, :id, :version, CAST(:questions AS jsonb), :createdBy)
                RETURNING *)
            SELECT i.org_id, i.questionnaire_id, q.feature, i.version, i.questions::text AS questions_json,
                   i.created_by, i.created_at
            FROM inserted i JOIN questionnaires q ON q.id = i.questionnaire_id
            """)
    QuestionnaireVersion insertVersion(
            @Bind("orgId") long orgId,
            @Bind("id") long questionnaireId,
            @Bind("version") int version,
            @Bind("questions") String questionsJson,
            @Bind("createdBy") Long createdBy);

    @SqlQuery(
            """
            SELECT v.org_id, v.questionnaire_id, q.feature, v.version, v.questions::text AS questions_json,
                   v.created_by, v.created_at
            FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
            WHERE v.org_id = :orgId AND v.questionnaire_id = :id AND v.version = :version
            """)
    Optional<QuestionnaireVersion> findVersion(
            @Bind("orgId") long orgId, @Bind("id") long questionnaireId, @Bind("version") int version);

    @SqlQuery(
            """
            SELECT v.org_id, v.questionnaire_id, q.feature, v.version, v.questions::text AS questions_json,
                   v.created_by, v.created_at
            FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
            WHERE v.org_id = :orgId AND v.questionnaire_id = :id
            ORDER BY v.version DESC LIMIT 1
            """)
    Optional<QuestionnaireVersion> findLatest(@Bind("orgId") long orgId, @Bind("id") long questionnaireId);

    /** The latest version of the organisation's newest questionnaire of a feature (one a feature keeps for itself). */
    @SqlQuery(
            """
            SELECT v.org_id, v.questionnaire_id, q.feature, v.version, v.questions::text AS questions_json,
                   v.created_by, v.created_at
            FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
            WHERE q.org_id = :orgId AND q.feature = :feature
            ORDER BY q.id DESC, v.version DESC LIMIT 1
            """)
    Optional<QuestionnaireVersion> findLatestOfFeature(@Bind("orgId") long orgId, @Bind("feature") String feature);
}
