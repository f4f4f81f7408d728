package dev.candor.storage.feedback;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(FeedbackRequest.class)
public interface FeedbackRequestDao {

    /** Stores the request; empty when this submission ({@code sourceKey}) was stored before. */
    @SqlQuery(
            """
            INSERT INTO feedback_requests (org_id, requester_id, topic, source_key, created_at)
            VALUES (:orgId, :requesterId, :topic, :sourceKey, :now)
            ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("requesterId") long requesterId,
            @Bind("topic") String topic,
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
            SELECT q.id, q.org_id, q.requester_id, p.name AS requester_name, q.topic, q.created_at
            FROM feedback_requests q JOIN people p ON p.id = q.requester_id
            WHERE q.org_id = :orgId AND q.id = :id
            """)
    Optional<FeedbackRequest> find(@Bind("orgId") long orgId, @Bind("id") long id);
}
