package dev.candor.storage.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FeedbackNomination.class)
public interface FeedbackNominationDao {

    /** Stores the nomination; empty when this submission ({@code sourceKey}) was stored before. */
    @SqlQuery(
            """
            INSERT INTO feedback_nominations (org_id, subject_id, manager_id, topic, source_key, created_at)
            VALUES (:orgId, :subjectId, :managerId, :topic, :sourceKey, :now)
            ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("subjectId") long subjectId,
            @Bind("managerId") long managerId,
            @Bind("topic") String topic,
            @Bind("sourceKey") String sourceKey,
            @Bind("now") Instant now);

    @SqlQuery(
            """
            SELECT id, org_id, subject_id, manager_id, topic, state, request_id, created_at
            FROM feedback_nominations WHERE org_id = :orgId AND id = :id
            """)
    Optional<FeedbackNomination> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** Decides a pending nomination; false when it was decided before (a second click, another node). */
    @SqlUpdate(
            """
            UPDATE feedback_nominations SET state = :state, decided_at = :now
            WHERE org_id = :orgId AND id = :id AND state = 'pending'
            """)
    boolean decide(
            @Bind("orgId") long orgId, @Bind("id") long id, @Bind("state") String state, @Bind("now") Instant now);

    @SqlUpdate("UPDATE feedback_nominations SET request_id = :requestId WHERE org_id = :orgId AND id = :id")
    void linkRequest(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("requestId") long requestId);

    @SqlBatch(
            """
            INSERT INTO feedback_nominees (org_id, nomination_id, position, person_id)
            VALUES (:orgId, :nominationId, :position, :personId)
            """)
    void addNominees(
            @Bind("orgId") long orgId,
            @Bind("nominationId") long nominationId,
            @Bind("position") List<Integer> positions,
            @Bind("personId") List<Long> personIds);

    /** The nominees, in the order named. */
    @SqlQuery("SELECT person_id FROM feedback_nominees WHERE org_id = :orgId AND nomination_id = :id ORDER BY position")
    List<Long> nominees(@Bind("orgId") long orgId, @Bind("id") long nominationId);
}
