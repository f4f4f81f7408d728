package dev.candor.storage.kudos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The statements of giving a kudos, apart from the rest of {@link KudosDao}: attaching a JDBI SqlObject prepares
 * every method of its type, and giving is the busiest transaction Candor has.
 */
@RegisterConstructorMapper(Kudos.class)
public interface KudosGivingDao {

    /** Stores a kudos; empty when the same submission (source key, or reaction on a message) was stored already. */
    @SqlQuery(
            """
            INSERT INTO kudos (org_id, giver_id, message, platform, conversation_id, source_key, via,
                               source_message_id, source_url, parent_kudos_id)
            VALUES (:orgId, :giverId, :message, :platform, :conversationId, :sourceKey, :via,
                    :sourceMessageId, :sourceUrl, :parentKudosId)
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
    Optional<Kudos> insert(@BindMethods NewKudos kudos);

    /**
     * How many kudos a giver has spent since a moment: one per recipient. Call with the giver's row locked
     * ({@code PersonDao.lockForUpdate}) so that concurrent requests can't both see room for the last one.
     */
    @SqlQuery(
            """
            SELECT count(*) FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
            WHERE k.org_id = :orgId AND k.giver_id = :giverId AND k.created_at >= :since
            """)
    int countSpentSince(@Bind("orgId") long orgId, @Bind("giverId") long giverId, @Bind("since") Instant since);

    @SqlBatch("INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (:kudosId, :orgId, :personId)")
    void insertRecipients(
            @Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("personId") List<Long> personIds);

    @SqlBatch("INSERT INTO kudos_values (kudos_id, org_id, tag) VALUES (:kudosId, :orgId, :tag)")
    void insertValues(@Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("tag") List<String> tags);

    /** The kudos a giver gave by reacting to a message, if any. */
    @SqlQuery(
            """
            SELECT * FROM kudos WHERE org_id = :orgId AND giver_id = :giverId AND source_message_id = :messageId
                AND via IN ('reaction', 'plus_one')
            """)
    Optional<Kudos> findReaction(
            @Bind("orgId") long orgId, @Bind("giverId") long giverId, @Bind("messageId") String messageId);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId AND source_key = :sourceKey")
    Optional<Kudos> findBySourceKey(@Bind("orgId") long orgId, @Bind("sourceKey") String sourceKey);
}
