package dev.candor.storage.review;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What a period left in Candor about one person, for whoever writes their review, each part only as far as that
 * reader may see it: kudos (public), feedback (the recipient reads what wasn't for their manager alone; the manager
 * what wasn't private), check-ins (the person's own), goals (as {@code goal_readable} allows).
 */
@RegisterConstructorMapper(EvidenceDao.Quote.class)
@RegisterConstructorMapper(EvidenceDao.TagCount.class)
@RegisterConstructorMapper(EvidenceDao.Checkins.class)
@RegisterConstructorMapper(EvidenceDao.GoalLine.class)
public interface EvidenceDao {

    /** A kudos or feedback text with who gave it and when. */
    record Quote(String text, String author, Instant createdAt) {}

    record TagCount(String tag, long count) {}

    /** How many check-ins were answered in the period, their average mood (null: none) and blockers named. */
    record Checkins(long answered, Double mood, long blocked) {}

    record GoalLine(long id, String title, String cycleName, int progress, String status) {}

    @SqlQuery(
            """
            SELECT count(*) FROM kudos_recipients r JOIN kudos k ON k.org_id = r.org_id AND k.id = r.kudos_id
            WHERE r.org_id = :orgId AND r.person_id = :personId AND k.created_at >= :from AND k.created_at < :to
            """)
    long kudosReceived(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("from") Instant from,
            @Bind("to") Instant to);

    @SqlQuery(
            """
            SELECT v.tag, count(*) AS count
            FROM kudos_recipients r
            JOIN kudos k ON k.org_id = r.org_id AND k.id = r.kudos_id
            JOIN kudos_values v ON v.org_id = k.org_id AND v.kudos_id = k.id
            WHERE r.org_id = :orgId AND r.person_id = :personId AND k.created_at >= :from AND k.created_at < :to
            GROUP BY v.tag ORDER BY count(*) DESC, v.tag LIMIT 5
            """)
    List<TagCount> kudosValues(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("from") Instant from,
            @Bind("to") Instant to);

    @SqlQuery(
            """
            SELECT k.message AS text, g.name AS author, k.created_at
            FROM kudos_recipients r
            JOIN kudos k ON k.org_id = r.org_id AND k.id = r.kudos_id
            JOIN people g ON g.org_id = k.org_id AND g.id = k.giver_id
            WHERE r.org_id = :orgId AND r.person_id = :personId AND k.created_at >= :from AND k.created_at < :to
            ORDER BY k.created_at DESC, k.id DESC LIMIT :limit
            """)
    List<Quote> kudosQuotes(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("from") Instant from,
            @Bind("to") Instant to,
            @Bind("limit") int limit);

    String FEEDBACK_READABLE =
            """
             f.org_id = :orgId AND f.recipient_id = :personId AND f.created_at >= :from AND f.created_at < :to
               AND ((f.recipient_id = :viewer AND f.visibility <> 'manager_only')
                    OR (f.manager_id = :viewer AND f.visibility <> 'private'))
            """;

    @SqlQuery("SELECT count(*) FROM feedback f WHERE" + FEEDBACK_READABLE)
    long feedbackReceived(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("viewer") long viewerId,
            @Bind("from") Instant from,
            @Bind("to") Instant to);

    @SqlQuery("SELECT f.body AS text, g.name AS author, f.created_at FROM feedback f"
            + " JOIN people g ON g.org_id = f.org_id AND g.id = f.giver_id WHERE" + FEEDBACK_READABLE
            + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit")
    List<Quote> feedbackQuotes(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("viewer") long viewerId,
            @Bind("from") Instant from,
            @Bind("to") Instant to,
            @Bind("limit") int limit);

    /**
     * The person's check-ins answered in the period: how many, their average mood (the questionnaires' mood
     * questions) and how many named a blocker (an answer to a question about what is blocking them).
     */
    @SqlQuery(
            """
            SELECT count(DISTINCT an.id) AS answered,
                   avg(CASE WHEN q ->> 'type' = 'mood' THEN (an.answer_values ->> (q ->> 'id'))::numeric END)
                       AS mood,
                   count(DISTINCT an.id) FILTER (
                       WHERE q ->> 'prompt' ILIKE '%block%' AND coalesce(an.answer_values ->> (q ->> 'id'), '')
                             !~* '^\\s*(no|none|nothing|-|n/a)?\\s*$') AS blocked
            FROM asks a
            JOIN rounds r ON r.org_id = a.org_id AND r.id = a.round_id AND r.feature = 'checkin'
            JOIN answers an ON an.org_id = a.org_id AND an.ask_id = a.id
            JOIN questionnaire_versions v ON v.questionnaire_id = r.questionnaire_id
                                         AND v.version = an.questionnaire_version
            CROSS JOIN LATERAL jsonb_array_elements(v.questions) q
            WHERE a.org_id = :orgId AND a.person_id = :personId AND a.state = 'answered'
              AND a.answered_at >= :from AND a.answered_at < :to
            """)
    Checkins checkins(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("from") Instant from,
            @Bind("to") Instant to);

    /** The person's goals of the cycles overlapping the period that the viewer may see, with progress and status. */
    @SqlQuery(
            """
            SELECT g.id, g.title, c.name AS cycle_name,
                   CAST(goal_progress(g.measure, g.start_value, g.target_value, g.current_value) AS integer)
                       AS progress,
                   g.status
            FROM goals g
            JOIN goal_cycles c ON c.id = g.cycle_id
            WHERE g.org_id = :orgId AND c.starts_on <= CAST(:to AS timestamptz)::date
              AND c.ends_on >= CAST(:from AS timestamptz)::date
              AND g.id IN (SELECT o.goal_id FROM goal_owners o WHERE o.org_id = :orgId AND o.person_id = :personId)
              AND goal_readable(g.id, :viewer)
            ORDER BY c.starts_on, g.id LIMIT :limit
            """)
    List<GoalLine> goals(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("viewer") long viewerId,
            @Bind("from") Instant from,
            @Bind("to") Instant to,
            @Bind("limit") int limit);

    /** An action item of a 1:1: what, whose, and whether it is done. */
    record ActionItem(String text, String owner, Instant createdAt, Instant doneAt) {}

    /**
     * The action items of the 1:1s the reader holds as the person's manager, noted in the period: none for anyone
     * else, as only the two of them see a 1:1's agenda.
     */
    @SqlQuery(
            """
            SELECT i.text, p.name AS owner, i.created_at, i.done_at
            FROM one_on_ones o
            JOIN one_on_one_items i ON i.org_id = o.org_id AND i.one_on_one_id = o.id AND i.kind = 'action'
            JOIN people p ON p.org_id = i.org_id AND p.id = i.owner_id
            WHERE o.org_id = :orgId AND o.manager_id = :viewer AND o.report_id = :personId
              AND i.created_at >= :from AND i.created_at < :to
            ORDER BY i.created_at, i.id LIMIT :limit
            """)
    @RegisterConstructorMapper(ActionItem.class)
    List<ActionItem> actionItems(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("viewer") long viewerId,
            @Bind("from") Instant from,
            @Bind("to") Instant to,
            @Bind("limit") int limit);
}
