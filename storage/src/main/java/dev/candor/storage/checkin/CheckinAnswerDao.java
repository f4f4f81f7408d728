package dev.candor.storage.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Check-ins' view of the asking engine's rounds, asks and answers: what a person, an owner or HR reads. Every
 * query filters by organisation; who may read what is decided by the caller before it asks.
 */
@RegisterConstructorMapper(PersonAnswer.class)
@RegisterConstructorMapper(SetupRates.class)
public interface CheckinAnswerDao {
    String SELECT =
            """
            SELECT r.id AS round_id, substr(r.subject, 9)::bigint AS checkin_id, r.period, a.id AS ask_id,
                   a.person_id, p.name AS person_name, a.state, a.due_at, a.answered_at, r.questionnaire_id,
                   coalesce(w.questionnaire_version, r.version) AS version, w.answer_values::text AS values_json
            FROM asks a
            JOIN rounds r ON r.id = a.round_id AND r.org_id = a.org_id
            JOIN people p ON p.id = a.person_id AND p.org_id = a.org_id
            LEFT JOIN answers w ON w.ask_id = a.id
            """;

    /** Everyone's part in one round of a check-in, by name. */
    @SqlQuery(SELECT
            + " WHERE a.org_id = :orgId AND a.round_id = :roundId AND r.feature = 'checkin' ORDER BY p.name, a.id")
    List<PersonAnswer> listRound(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /**
     * A person's latest check-ins that opened for them or that they answered, newest first: an ask answered before
     * its DM went out (from {@code /checkin}) is never sent, yet it is part of their history.
     */
    @SqlQuery(
            SELECT
                    + """
             WHERE a.org_id = :orgId AND a.person_id = :personId AND r.feature = 'checkin'
              AND (a.sent_at IS NOT NULL OR a.state = 'answered')
            ORDER BY a.opens_at DESC, a.id DESC LIMIT :limit
            """)
    List<PersonAnswer> listPerson(@Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("limit") int limit);

    /** Everyone's parts in a check-in's latest {@code rounds} rounds, oldest round first. */
    @SqlQuery(
            SELECT
                    + """
             WHERE a.org_id = :orgId AND r.id IN (
                SELECT id FROM rounds WHERE org_id = :orgId AND feature = 'checkin' AND subject = :subject
                ORDER BY created_at DESC, id DESC LIMIT :rounds)
            ORDER BY r.created_at, r.id, p.name, a.id
            """)
    List<PersonAnswer> listLatestRounds(
            @Bind("orgId") long orgId, @Bind("subject") String subject, @Bind("rounds") int rounds);

    /** A person's ask in a check-in's round, whatever its state. */
    @SqlQuery(SELECT + " WHERE a.org_id = :orgId AND a.round_id = :roundId AND a.person_id = :personId")
    List<PersonAnswer> findInRound(
            @Bind("orgId") long orgId, @Bind("roundId") long roundId, @Bind("personId") long personId);

    /**
     * Every setup of the organisation with its size and answers over its last four rounds. People skipped (away,
     * unreachable, left) don't count as asked.
     */
    @SqlQuery(
            """
            WITH recent AS (
                SELECT r.id, r.subject, r.created_at,
                       row_number() OVER (PARTITION BY r.subject ORDER BY r.created_at DESC, r.id DESC) AS n
                FROM rounds r WHERE r.org_id = :orgId AND r.feature = 'checkin'),
            counted AS (
                SELECT c.id AS checkin_id,
                       count(DISTINCT rc.id) AS rounds,
                       count(a.id) FILTER (WHERE a.state <> 'skipped') AS asked,
                       count(a.id) FILTER (WHERE a.state = 'answered') AS answered,
                       count(a.id) FILTER (WHERE rc.n = 1) AS size
                FROM checkins c
                LEFT JOIN recent rc ON rc.subject = 'checkin:' || c.id AND rc.n <= 4
                LEFT JOIN asks a ON a.round_id = rc.id
                WHERE c.org_id = :orgId
                GROUP BY c.id)
            SELECT c.id AS checkin_id, c.name, p.name AS owner_name, k.size, k.rounds, k.asked, k.answered
            FROM checkins c JOIN counted k ON k.checkin_id = c.id JOIN people p ON p.id = c.owner_id
            WHERE c.org_id = :orgId
            ORDER BY p.name, c.name, c.id
            """)
    List<SetupRates> listRates(@Bind("orgId") long orgId);

    /** When a named answer was last saved: tells one edit of it from the next. */
    @SqlQuery("SELECT submitted_at FROM answers WHERE org_id = :orgId AND id = :id")
    Optional<Instant> findSubmittedAt(@Bind("orgId") long orgId, @Bind("id") UUID answerId);
}
