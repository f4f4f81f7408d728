package dev.candor.storage.ask;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Threads about anonymous answers and their messages (see V26). */
@RegisterConstructorMapper(AnswerThread.class)
@RegisterConstructorMapper(ThreadMessage.class)
public interface AnswerThreadDao {
    /** The thread about this answer's question, started if there was none. */
    @SqlQuery(
            """
            INSERT INTO answer_threads (org_id, round_id, author_key, question_id)
            VALUES (:orgId, :roundId, :authorKey, :questionId)
            ON CONFLICT (round_id, author_key, question_id) DO UPDATE SET question_id = EXCLUDED.question_id
            RETURNING id, org_id, round_id, author_key, question_id
            """)
    AnswerThread start(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("authorKey") byte[] authorKey,
            @Bind("questionId") String questionId);

    @SqlQuery(
            "SELECT id, org_id, round_id, author_key, question_id FROM answer_threads WHERE org_id = :orgId AND id = :id")
    Optional<AnswerThread> find(@Bind("orgId") long orgId, @Bind("id") UUID id);

    /** The threads of a round whose author has this key: one person's, found only by someone who can compute it. */
    @SqlQuery(
            """
            SELECT t.id, t.org_id, t.round_id, t.author_key, t.question_id FROM answer_threads t
            WHERE t.org_id = :orgId AND t.round_id = :roundId AND t.author_key = :authorKey
              AND EXISTS (SELECT 1 FROM answer_thread_messages m WHERE m.thread_id = t.id)
            ORDER BY t.question_id
            """)
    List<AnswerThread> listByAuthor(
            @Bind("orgId") long orgId, @Bind("roundId") long roundId, @Bind("authorKey") byte[] authorKey);

    @SqlQuery(
            """
            SELECT m.seq, m.sender_id, p.name AS sender_name, m.body FROM answer_thread_messages m
            LEFT JOIN people p ON p.org_id = m.org_id AND p.id = m.sender_id
            WHERE m.org_id = :orgId AND m.thread_id = :threadId ORDER BY m.seq
            """)
    List<ThreadMessage> messages(@Bind("orgId") long orgId, @Bind("threadId") UUID threadId);

    /** Adds a message at the end of the thread; {@code senderId} null for the anonymous author. */
    @SqlUpdate(
            """
            INSERT INTO answer_thread_messages (org_id, thread_id, seq, sender_id, body)
            SELECT :orgId, :threadId, COALESCE(max(seq), 0) + 1, :senderId, :body
            FROM answer_thread_messages WHERE thread_id = :threadId
            """)
    void add(
            @Bind("orgId") long orgId,
            @Bind("threadId") UUID threadId,
            @Bind("senderId") Long senderId,
            @Bind("body") String body);

    /** The answer's value for the thread's question, as JSON text (the comment itself). */
    @SqlQuery(
            """
            SELECT answer_values -> :questionId #>> '{}' FROM answers
            WHERE org_id = :orgId AND round_id = :roundId AND edit_key = :authorKey
            """)
    Optional<String> comment(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("authorKey") byte[] authorKey,
            @Bind("questionId") String questionId);

    /** The people who answered a round: everyone a relayed reply's notice goes to, so that it singles out nobody. */
    @SqlQuery("SELECT person_id FROM asks WHERE org_id = :orgId AND round_id = :roundId AND state = 'answered'")
    List<Long> answered(@Bind("orgId") long orgId, @Bind("roundId") long roundId);
}
