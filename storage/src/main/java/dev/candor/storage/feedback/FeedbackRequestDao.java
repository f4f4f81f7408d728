package dev.candor.storage.feedback;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(FeedbackRequest.class)
public interface FeedbackRequestDao {

    /** Stores the request; empty when this submission ({@code sourceKey}) was stored before. */
    default Optional<Long> insert(long orgId, long requesterId, String topic, String sourceKey, Instant now) {
        return insert(orgId, requesterId, topic, null, null, sourceKey, now);
    }

    /** Stores a request, a 360 when {@code subjectId} is set; empty when {@code sourceKey} was stored before. */
    @SqlQuery(
            """
            INSERT INTO feedback_requests (org_id, requester_id, topic, subject_id, subject_sees, source_key, created_at)
            VALUES (:orgId, :requesterId, :topic, :subjectId, :subjectSees, :sourceKey, :now)
            ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("requesterId") long requesterId,
            @Bind("topic") String topic,
            @Bind("subjectId") Long subjectId,
            @Bind("subjectSees") SubjectSees subjectSees,
            @Bind("sourceKey") String sourceKey,
            @Bind("now") Instant now);

    /** The request behind a round's subject ({@code request:<id>}). */
    default Optional<FeedbackRequest> findBySubject(long orgId, String subject) {
        if (subject == null || !subject.startsWith("request:")) {
            return Optional.empty();
        }
        try {
            return find(orgId, Long.parseLong(subject.substring("request:".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @SqlQuery(
            """
            SELECT q.id, q.org_id, q.requester_id, p.name AS requester_name, q.topic, q.created_at,
                   q.subject_id, s.name AS subject_name, q.subject_sees
            FROM feedback_requests q JOIN people p ON p.id = q.requester_id
                 LEFT JOIN people s ON s.id = q.subject_id
            WHERE q.org_id = :orgId AND q.id = :id
            """)
    Optional<FeedbackRequest> find(@Bind("orgId") long orgId, @Bind("id") long id);
}
