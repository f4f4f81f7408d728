package dev.candor.storage.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Feedback and the replies under it. Every list here is already narrowed to what the person asking may read (see
 * {@link Visibility}); callers never filter texts themselves.
 */
@RegisterConstructorMapper(Feedback.class)
@RegisterConstructorMapper(FeedbackReply.class)
@RegisterConstructorMapper(FeedbackCount.class)
@RegisterConstructorMapper(FeedbackTally.class)
public interface FeedbackDao {
    String SELECT =
            """
            SELECT f.id, f.org_id, f.giver_id, g.name AS giver_name, f.recipient_id, r.name AS recipient_name,
                   f.manager_id, f.visibility, f.body, f.created_at, f.thanked_at
            FROM feedback f JOIN people g ON g.id = f.giver_id JOIN people r ON r.id = f.recipient_id
            """;

    /** Stores the feedback; empty when this submission ({@code sourceKey}) was stored before. */
    @SqlQuery(
            """
            INSERT INTO feedback (org_id, giver_id, recipient_id, manager_id, visibility, body, source_key, created_at)
            VALUES (:orgId, :giverId, :recipientId, :managerId, :visibility, :body, :sourceKey, :now)
            ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
            RETURNING id
            """)
    Optional<Long> insert(
            @Bind("orgId") long orgId,
            @Bind("giverId") long giverId,
            @Bind("recipientId") long recipientId,
            @Bind("managerId") Long managerId,
            @Bind("visibility") Visibility visibility,
            @Bind("body") String body,
            @Bind("sourceKey") String sourceKey,
            @Bind("now") Instant now);

    @SqlQuery(SELECT + " WHERE f.org_id = :orgId AND f.id = :id")
    Optional<Feedback> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /**
     * What the person received and may read (not what was meant for their manager alone), newest first, optionally
     * only from {@code otherId} and since {@code since}.
     */
    @SqlQuery(
            SELECT
                    + """
            WHERE f.org_id = :orgId AND f.recipient_id = :personId AND f.visibility <> 'manager_only'
              AND (CAST(:otherId AS bigint) IS NULL OR f.giver_id = :otherId) AND f.created_at >= :since
            ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
            """)
    List<Feedback> listReceived(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("otherId") Long otherId,
            @Bind("since") Instant since,
            @Bind("limit") int limit);

    /** What the person gave, newest first, optionally only to {@code otherId} and since {@code since}. */
    @SqlQuery(
            SELECT
                    + """
            WHERE f.org_id = :orgId AND f.giver_id = :personId
              AND (CAST(:otherId AS bigint) IS NULL OR f.recipient_id = :otherId) AND f.created_at >= :since
            ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
            """)
    List<Feedback> listGiven(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("otherId") Long otherId,
            @Bind("since") Instant since,
            @Bind("limit") int limit);

    /** What the manager may read about their reports (with them, or for the manager alone), newest first. */
    @SqlQuery(
            SELECT
                    + """
            WHERE f.org_id = :orgId AND f.manager_id = :managerId AND f.visibility <> 'private'
              AND f.created_at >= :since
            ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
            """)
    List<Feedback> listForManager(
            @Bind("orgId") long orgId,
            @Bind("managerId") long managerId,
            @Bind("since") Instant since,
            @Bind("limit") int limit);

    /** Each active direct report of the manager with how much feedback they received and gave since then. */
    @SqlQuery(
            """
            SELECT p.id AS person_id, p.name,
                   (SELECT count(*) FROM feedback f
                    WHERE f.org_id = p.org_id AND f.recipient_id = p.id AND f.created_at >= :since) AS received,
                   (SELECT count(*) FROM feedback f
                    WHERE f.org_id = p.org_id AND f.giver_id = p.id AND f.created_at >= :since) AS given
            FROM people p
            WHERE p.org_id = :orgId AND p.manager_id = :managerId AND p.active AND NOT p.is_bot
            ORDER BY p.name, p.id
            """)
    List<FeedbackCount> countTeam(
            @Bind("orgId") long orgId, @Bind("managerId") long managerId, @Bind("since") Instant since);

    /**
     * How much feedback the person received since then (only what they may read: feedback meant for their manager
     * alone is not counted, not even as a number) and gave, and whether they have active reports.
     */
    @SqlQuery(
            """
            SELECT (SELECT count(*) FROM feedback f
                    WHERE f.org_id = :orgId AND f.recipient_id = :personId AND f.visibility <> 'manager_only'
                      AND f.created_at >= :since) AS received,
                   (SELECT count(*) FROM feedback f
                    WHERE f.org_id = :orgId AND f.giver_id = :personId AND f.created_at >= :since) AS given,
                   EXISTS (SELECT 1 FROM people p
                           WHERE p.org_id = :orgId AND p.manager_id = :personId AND p.active AND NOT p.is_bot)
                       AS manages_people
            """)
    FeedbackTally countOwn(@Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("since") Instant since);

    /** Records the recipient's thanks; false when they thanked before. */
    @SqlUpdate("UPDATE feedback SET thanked_at = :now WHERE org_id = :orgId AND id = :id AND thanked_at IS NULL")
    boolean markThanked(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("now") Instant now);

    /** Adds a reply under the feedback; returns its number in the conversation (1, 2, …). */
    @SqlQuery(
            """
            INSERT INTO feedback_replies (org_id, feedback_id, seq, sender_id, body, created_at)
            SELECT :orgId, :feedbackId, coalesce(max(seq), 0) + 1, :senderId, :body, :now
            FROM feedback_replies WHERE feedback_id = :feedbackId
            RETURNING seq
            """)
    int insertReply(
            @Bind("orgId") long orgId,
            @Bind("feedbackId") long feedbackId,
            @Bind("senderId") long senderId,
            @Bind("body") String body,
            @Bind("now") Instant now);

    @SqlQuery(
            """
            SELECT x.feedback_id, x.seq, x.sender_id, p.name AS sender_name, x.body, x.created_at
            FROM feedback_replies x JOIN people p ON p.id = x.sender_id
            WHERE x.org_id = :orgId AND x.feedback_id = :feedbackId ORDER BY x.seq
            """)
    List<FeedbackReply> listReplies(@Bind("orgId") long orgId, @Bind("feedbackId") long feedbackId);

    /** Locks the feedback while a reply is numbered: two replies at once get 1 and 2, not both 1. */
    @SqlQuery("SELECT id FROM feedback WHERE org_id = :orgId AND id = :id FOR UPDATE")
    Optional<Long> lock(@Bind("orgId") long orgId, @Bind("id") long id);
}
