package dev.candor.storage.kudos;

import dev.candor.storage.Platform;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Kudos.class)
public interface KudosDao {

    /** Stores a kudos; empty when one with the same source key was stored already. */
    @SqlQuery(
            """
            INSERT INTO kudos (org_id, giver_id, message, platform, conversation_id, source_key)
            VALUES (:orgId, :giverId, :message, :platform, :conversationId, :sourceKey)
            ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
            RETURNING *
            """)
    Optional<Kudos> insert(
            @Bind("orgId") long orgId,
            @Bind("giverId") long giverId,
            @Bind("message") String message,
            @Bind("platform") Platform platform,
            @Bind("conversationId") String conversationId,
            @Bind("sourceKey") String sourceKey);

    @SqlBatch("INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (:kudosId, :orgId, :personId)")
    void insertRecipients(
            @Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("personId") List<Long> personIds);

    @SqlBatch("INSERT INTO kudos_values (kudos_id, org_id, tag) VALUES (:kudosId, :orgId, :tag)")
    void insertValues(@Bind("kudosId") long kudosId, @Bind("orgId") long orgId, @Bind("tag") List<String> tags);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId AND id = :id")
    Optional<Kudos> findById(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId AND source_key = :sourceKey")
    Optional<Kudos> findBySourceKey(@Bind("orgId") long orgId, @Bind("sourceKey") String sourceKey);

    @SqlQuery("SELECT person_id FROM kudos_recipients WHERE org_id = :orgId AND kudos_id = :kudosId ORDER BY person_id")
    List<Long> listRecipientIds(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    @SqlQuery("SELECT tag FROM kudos_values WHERE org_id = :orgId AND kudos_id = :kudosId ORDER BY tag")
    List<String> listValues(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId ORDER BY id")
    List<Kudos> listByOrg(@Bind("orgId") long orgId);
}
