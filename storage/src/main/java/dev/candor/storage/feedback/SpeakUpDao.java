package dev.candor.storage.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Speak-up threads, their readers and messages (see V34). */
@RegisterConstructorMapper(SpeakUpThread.class)
@RegisterConstructorMapper(SpeakUpMessage.class)
public interface SpeakUpDao {

    /** Starts a thread; false when this submission ({@code sourceHash}) started one before. */
    @SqlUpdate(
            """
            INSERT INTO speakup_threads (id, org_id, author_key, reachable, source_hash)
            VALUES (:id, :orgId, :authorKey, :reachable, :sourceHash)
            ON CONFLICT (org_id, source_hash) DO NOTHING
            """)
    boolean insertThread(
            @Bind("orgId") long orgId,
            @Bind("id") UUID id,
            @Bind("authorKey") byte[] authorKey,
            @Bind("reachable") boolean reachable,
            @Bind("sourceHash") byte[] sourceHash);

    /** The thread a submission started, for a retry of it. */
    @SqlQuery("SELECT id FROM speakup_threads WHERE org_id = :orgId AND source_hash = :sourceHash")
    Optional<UUID> findBySource(@Bind("orgId") long orgId, @Bind("sourceHash") byte[] sourceHash);

    @SqlBatch("INSERT INTO speakup_readers (org_id, thread_id, person_id) VALUES (:orgId, :threadId, :personId)")
    void insertReaders(
            @Bind("orgId") long orgId, @Bind("threadId") UUID threadId, @Bind("personId") List<Long> personIds);

    @SqlQuery("SELECT id, org_id, author_key, reachable FROM speakup_threads WHERE org_id = :orgId AND id = :id")
    Optional<SpeakUpThread> find(@Bind("orgId") long orgId, @Bind("id") UUID id);

    /** The same, locked until the transaction ends, so that two messages at once get their numbers in turn. */
    @SqlQuery(
            """
            SELECT id, org_id, author_key, reachable FROM speakup_threads WHERE org_id = :orgId AND id = :id
            FOR UPDATE
            """)
    Optional<SpeakUpThread> lock(@Bind("orgId") long orgId, @Bind("id") UUID id);

    /**
     * The organisation's threads that a reader replied to: the ones whose author may be the person asking, which the
     * caller finds by computing each one's author key.
     */
    @SqlQuery(
            """
            SELECT t.id, t.org_id, t.author_key, t.reachable FROM speakup_threads t
            WHERE t.org_id = :orgId AND t.reachable
              AND EXISTS (SELECT 1 FROM speakup_messages m WHERE m.thread_id = t.id AND m.sender_id IS NOT NULL)
            """)
    List<SpeakUpThread> listReplied(@Bind("orgId") long orgId);

    @SqlQuery(
            "SELECT person_id FROM speakup_readers WHERE org_id = :orgId AND thread_id = :threadId ORDER BY person_id")
    List<Long> readers(@Bind("orgId") long orgId, @Bind("threadId") UUID threadId);

    /**
     * Adds a message at the end of the thread (lock it first); its number, or empty when this submission ({@code
     * sourceHash}) was stored before. {@code senderId} is null for the author.
     */
    @SqlQuery(
            """
            INSERT INTO speakup_messages (org_id, thread_id, seq, sender_id, body, source_hash)
            SELECT :orgId, :threadId, COALESCE(max(seq), 0) + 1, :senderId, :body, :sourceHash
            FROM speakup_messages WHERE thread_id = :threadId
            ON CONFLICT (org_id, source_hash) DO NOTHING
            RETURNING seq
            """)
    Optional<Integer> insertMessage(
            @Bind("orgId") long orgId,
            @Bind("threadId") UUID threadId,
            @Bind("senderId") Long senderId,
            @Bind("body") String body,
            @Bind("sourceHash") byte[] sourceHash);

    @SqlQuery(
            """
            SELECT m.seq, m.sender_id, p.name AS sender_name, m.body FROM speakup_messages m
            LEFT JOIN people p ON p.org_id = m.org_id AND p.id = m.sender_id
            WHERE m.org_id = :orgId AND m.thread_id = :threadId ORDER BY m.seq
            """)
    List<SpeakUpMessage> messages(@Bind("orgId") long orgId, @Bind("threadId") UUID threadId);

    /** Who receives speak-up messages when HR chose nobody: every active HR admin. */
    @SqlQuery(
            """
            SELECT id FROM people WHERE org_id = :orgId AND role = 'hr_admin' AND active AND NOT is_bot ORDER BY id
            """)
    List<Long> hrAdmins(@Bind("orgId") long orgId);

    /** Whether this person can receive speak-up messages (HR's chosen recipient may have left). */
    @SqlQuery("SELECT count(*) > 0 FROM people WHERE org_id = :orgId AND id = :id AND active AND NOT is_bot")
    boolean isActive(@Bind("orgId") long orgId, @Bind("id") long personId);

    /** Everyone who may have written a thread: the author of one is found among them by their key. */
    @SqlQuery("SELECT id FROM people WHERE org_id = :orgId AND NOT is_bot ORDER BY id")
    List<Long> everyone(@Bind("orgId") long orgId);
}
