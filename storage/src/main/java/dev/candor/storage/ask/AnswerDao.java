package dev.candor.storage.ask;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Answers, named (one per ask) and anonymous (one per edit key and round, with nothing that points at a person, a
 * time or an order). Changing an answer replaces its values in place.
 */
@RegisterConstructorMapper(StoredAnswer.class)
public interface AnswerDao {
    String COLUMNS =
            "id, org_id, round_id, ask_id, questionnaire_version, answer_values::text AS values_json, submitted_at";

    /** Stores or replaces the answer to a named ask, with no breakdown groups; returns it. */
    default StoredAnswer saveNamed(
            long orgId, long roundId, long askId, int version, String valuesJson, Instant submittedAt) {
        return saveNamed(orgId, roundId, askId, version, valuesJson, submittedAt, null);
    }

    /** The same with the answerer's breakdown groups ({@code answers.cell}, JSON), or null. */
    @SqlQuery(
            """
            INSERT INTO answers (org_id, round_id, ask_id, questionnaire_version, answer_values, submitted_at, cell)
            VALUES (:orgId, :roundId, :askId, :version, CAST(:values AS jsonb), :submittedAt, CAST(:cell AS jsonb))
            ON CONFLICT (ask_id) WHERE ask_id IS NOT NULL DO UPDATE
                SET questionnaire_version = EXCLUDED.questionnaire_version,
                    answer_values = EXCLUDED.answer_values, submitted_at = EXCLUDED.submitted_at, cell = EXCLUDED.cell
            RETURNING\s"""
                    + COLUMNS)
    StoredAnswer saveNamed(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("askId") long askId,
            @Bind("version") int version,
            @Bind("values") String valuesJson,
            @Bind("submittedAt") Instant submittedAt,
            @Bind("cell") String cellJson);

    /** Stores or replaces an anonymous answer, found again only by its edit key, with no groups; returns it. */
    default StoredAnswer saveAnonymous(long orgId, long roundId, byte[] editKey, int version, String valuesJson) {
        return saveAnonymous(orgId, roundId, editKey, version, valuesJson, null);
    }

    /** The same with the answerer's breakdown groups ({@code answers.cell}, JSON), or null. */
    @SqlQuery(
            """
            INSERT INTO answers (org_id, round_id, edit_key, questionnaire_version, answer_values, cell)
            VALUES (:orgId, :roundId, :editKey, :version, CAST(:values AS jsonb), CAST(:cell AS jsonb))
            ON CONFLICT (round_id, edit_key) WHERE edit_key IS NOT NULL DO UPDATE
                SET questionnaire_version = EXCLUDED.questionnaire_version, answer_values = EXCLUDED.answer_values,
                    cell = EXCLUDED.cell, shuffled = false
            RETURNING\s"""
                    + COLUMNS)
    StoredAnswer saveAnonymous(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("editKey") byte[] editKey,
            @Bind("version") int version,
            @Bind("values") String valuesJson,
            @Bind("cell") String cellJson);

    @SqlQuery("SELECT " + COLUMNS + " FROM answers WHERE org_id = :orgId AND ask_id = :askId")
    Optional<StoredAnswer> findByAsk(@Bind("orgId") long orgId, @Bind("askId") long askId);

    @SqlQuery(
            "SELECT " + COLUMNS + " FROM answers WHERE org_id = :orgId AND round_id = :roundId AND edit_key = :editKey")
    Optional<StoredAnswer> findByEditKey(
            @Bind("orgId") long orgId, @Bind("roundId") long roundId, @Bind("editKey") byte[] editKey);

    /** A round's answers; anonymous ones in no meaningful order (their ids are random). */
    @SqlQuery("SELECT " + COLUMNS + " FROM answers WHERE org_id = :orgId AND round_id = :roundId ORDER BY id")
    List<StoredAnswer> listByRound(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /**
     * Rewrites a closed anonymous round's answers as new rows with new random ids, in random order, in the caller's
     * transaction, and touches its answered asks in the same one: afterwards no answer's id, position in the table or
     * transaction stamp follows the order in which people answered, and neither do the round's counts. (Until then,
     * the transaction that stored an answer and counted it also marked its ask answered; this is why it runs when the
     * round closes.)
     */
    default void reshuffleAnonymous(long orgId, long roundId) {
        lockAsks(orgId, roundId);
        keepAnonymous(orgId, roundId);
        // The same answers go back: the round's counts (answer_tallies) stay as they are, rewritten below.
        rewritingAnswers("on");
        deleteAnonymous(orgId, roundId);
        insertKeptInRandomOrder();
        rewritingAnswers("off");
        touchTallies(orgId, roundId);
        touchAnsweredAsks(orgId, roundId);
    }

    /** Turns the counting of answers (V29's trigger) off or on for the rest of the transaction. */
    @SqlQuery("SELECT set_config('candor.rewriting_answers', :state, true)")
    String rewritingAnswers(@Bind("state") String state);

    /** The round's counts, rewritten: the last answer counted no longer shares their transaction stamp. */
    @SqlUpdate("UPDATE answer_tallies SET answers = answers WHERE org_id = :orgId AND round_id = :roundId")
    void touchTallies(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /**
     * Every ask of the round, locked first: an answer being stored holds its ask's lock, so the rewrite waits for it
     * and no answer written meanwhile is left out of the copy and deleted.
     */
    @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM asks WHERE org_id = :orgId AND round_id = :roundId FOR UPDATE) a")
    long lockAsks(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /**
     * Anonymous rounds with answers written since their last rewrite, not rewritten since {@code before}: the ones to
     * rewrite now. Closed ones too: a round that closed early (everyone answered) takes changes until its deadline.
     */
    @SqlQuery(
            """
            SELECT r.org_id, r.id FROM rounds r
            WHERE r.anonymous AND (r.shuffled_at IS NULL OR r.shuffled_at <= :before)
              AND EXISTS (SELECT 1 FROM answers a WHERE a.round_id = r.id AND a.edit_key IS NOT NULL AND NOT a.shuffled)
            ORDER BY r.id
            """)
    @RegisterConstructorMapper(RoundKey.class)
    List<RoundKey> listToShuffle(@Bind("before") Instant before);

    /** Claims a round for its rewrite (another node skips it) and records when. False when taken or done. */
    @SqlUpdate(
            """
            UPDATE rounds SET shuffled_at = :now
            WHERE id = (SELECT id FROM rounds WHERE id = :roundId
                          AND (shuffled_at IS NULL OR shuffled_at <= :before) FOR UPDATE SKIP LOCKED)
            """)
    boolean claimShuffle(@Bind("roundId") long roundId, @Bind("now") Instant now, @Bind("before") Instant before);

    @SqlUpdate(
            """
            CREATE TEMP TABLE kept_answers ON COMMIT DROP AS
            SELECT org_id, round_id, edit_key, questionnaire_version, answer_values, cell FROM answers
            WHERE org_id = :orgId AND round_id = :roundId AND ask_id IS NULL
            """)
    void keepAnonymous(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    @SqlUpdate("DELETE FROM answers WHERE org_id = :orgId AND round_id = :roundId AND ask_id IS NULL")
    void deleteAnonymous(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    @SqlUpdate(
            """
            INSERT INTO answers (id, org_id, round_id, edit_key, questionnaire_version, answer_values, cell, shuffled)
            SELECT gen_random_uuid(), org_id, round_id, edit_key, questionnaire_version, answer_values, cell, true
            FROM kept_answers ORDER BY random()
            """)
    void insertKeptInRandomOrder();

    @SqlUpdate(
            """
            UPDATE asks SET answered_at = NULL
            WHERE org_id = :orgId AND round_id = :roundId AND state = 'answered'
            """)
    void touchAnsweredAsks(@Bind("orgId") long orgId, @Bind("roundId") long roundId);
}
