package dev.candor.storage.ask;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Asks: stored in bulk when a round is planned, claimed by the sweeps through their partial indexes (one statement
 * each, {@code FOR UPDATE SKIP LOCKED} so that nodes claim disjoint rows), answered one at a time.
 */
@RegisterConstructorMapper(Ask.class)
@RegisterConstructorMapper(AskDelivery.class)
public interface AskDao extends AskSweepDao {
    /** Rows per insert statement: a 100,000-person round is ten statements, not 100,000. */
    int INSERT_CHUNK = 10_000;

    String COLUMNS =
            """
            id, org_id, round_id, person_id, state, skip_reason, opens_at, sent_at, due_at, answered_at,
            next_reminder_at, reminders_sent
            """;

    /** Stores a round's planned asks; a person who already has an ask in the round keeps it. Returns how many. */
    default int insertAll(long orgId, long roundId, List<NewAsk> asks) {
        int inserted = 0;
        for (int from = 0; from < asks.size(); from += INSERT_CHUNK) {
            List<NewAsk> chunk = asks.subList(from, Math.min(asks.size(), from + INSERT_CHUNK));
            inserted += insertChunk(
                    orgId,
                    roundId,
                    chunk.stream().mapToLong(NewAsk::personId).toArray(),
                    chunk.stream().map(ask -> ask.state().dbValue()).toArray(String[]::new),
                    chunk.stream()
                            .map(ask -> ask.skipReason() == null
                                    ? null
                                    : ask.skipReason().dbValue())
                            .toArray(String[]::new),
                    chunk.stream().map(ask -> ask.opensAt().toString()).toArray(String[]::new),
                    chunk.stream().map(ask -> ask.dueAt().toString()).toArray(String[]::new),
                    chunk.stream().map(ask -> arrayLiteral(ask.reminders())).toArray(String[]::new));
        }
        return inserted;
    }

    /** A PostgreSQL array literal of instants: {@code {2026-01-05T07:00:00Z,…}}. */
    private static String arrayLiteral(List<Instant> instants) {
        return instants.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
    }

    @SqlUpdate(
            """
            INSERT INTO asks (org_id, round_id, person_id, state, skip_reason, opens_at, due_at, reminder_times)
            SELECT :orgId, :roundId, p.person_id, p.state, p.skip_reason, p.opens_at, p.due_at,
                   CAST(p.reminders AS timestamptz[])
            FROM unnest(CAST(:personIds AS bigint[]), CAST(:states AS text[]), CAST(:reasons AS text[]),
                        CAST(:opens AS timestamptz[]), CAST(:dues AS timestamptz[]), CAST(:reminders AS text[]))
                 AS p(person_id, state, skip_reason, opens_at, due_at, reminders)
            ON CONFLICT (round_id, person_id) DO NOTHING
            """)
    int insertChunk(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("personIds") long[] personIds,
            @Bind("states") String[] states,
            @Bind("reasons") String[] reasons,
            @Bind("opens") String[] opensAt,
            @Bind("dues") String[] dueAt,
            @Bind("reminders") String[] reminders);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks WHERE org_id = :orgId AND id = :id")
    Optional<Ask> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** The ask, locked until the end of the transaction: answering it is one at a time. */
    @SqlQuery("SELECT " + COLUMNS + " FROM asks WHERE org_id = :orgId AND id = :id FOR UPDATE")
    Optional<Ask> lock(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks WHERE org_id = :orgId AND round_id = :roundId ORDER BY id")
    List<Ask> listByRound(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /** A person's asks that may still be answered at {@code now}, the soonest deadline first. */
    @SqlQuery(
            "SELECT " + COLUMNS
                    + """
                     FROM asks WHERE org_id = :orgId AND person_id = :personId
                      AND state IN ('pending', 'answered') AND due_at > :now
                    ORDER BY due_at, id
                    """)
    List<Ask> listOpenFor(@Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("now") Instant now);

    /**
     * Records the first answer: the ask is answered and needs no more reminders; false when it was answered before
     * (changing an answer leaves the ask row alone). In an anonymous round {@code answeredAt} is null, so the row
     * never says when.
     */
    @SqlUpdate(
            """
            UPDATE asks SET state = 'answered', answered_at = :answeredAt, next_reminder_at = NULL
            WHERE org_id = :orgId AND id = :id AND state = 'pending'
            """)
    boolean markAnswered(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("answeredAt") Instant answeredAt);

    /**
     * Lets people whose deadline passed without an answer answer late, until {@code until}: their asks (expired, or
     * still pending past their deadline because no sweep has expired them yet) are pending again with that deadline,
     * so the sweep expires them again only then. The engine's own reminders don't come back: whoever reopens the asks
     * reminds. Asks still within their deadline, answered or skipped, or of a cancelled round keep theirs. With
     * {@code everyone} false, only the asks of {@code personIds}. Returns the people reopened.
     */
    @SqlQuery(
            """
            UPDATE asks SET state = 'pending', due_at = :until, next_reminder_at = NULL
            WHERE org_id = :orgId AND round_id = :roundId
              AND (state = 'expired' OR state = 'pending' AND due_at <= :now)
              AND (:everyone OR person_id = ANY(:personIds))
              AND EXISTS (SELECT 1 FROM rounds r WHERE r.id = asks.round_id AND r.state <> 'cancelled')
            RETURNING person_id
            """)
    List<Long> reopenLate(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("everyone") boolean everyone,
            @Bind("personIds") long[] personIds,
            @Bind("now") Instant now,
            @Bind("until") Instant until);

    /** Takes a person out of a round (declined, cancelled); false when the ask was final already. */
    @SqlUpdate(
            """
            UPDATE asks SET state = 'skipped', skip_reason = :reason, next_reminder_at = NULL
            WHERE org_id = :orgId AND id = :id AND state = 'pending'
            """)
    boolean skip(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("reason") SkipReason reason);
}
