package dev.candor.storage.kudos;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Kudos.class)
/** Everything about kudos; what giving one needs is in {@link KudosGivingDao}. */
public interface KudosDao extends KudosGivingDao {

    /** The kudos whose public post is this platform message (for +1 reactions on it). */
    @SqlQuery(
            """
            SELECT k.* FROM outbox o JOIN kudos k ON k.org_id = o.org_id
                AND o.idempotency_key = 'kudos:' || k.id || ':post'
            WHERE o.org_id = :orgId AND o.platform_message_id = :messageId
            """)
    Optional<Kudos> findByPost(@Bind("orgId") long orgId, @Bind("messageId") String platformMessageId);

    @SqlUpdate("DELETE FROM kudos WHERE org_id = :orgId AND id = :id")
    int delete(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId AND id = :id")
    Optional<Kudos> findById(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT person_id FROM kudos_recipients WHERE org_id = :orgId AND kudos_id = :kudosId ORDER BY person_id")
    List<Long> listRecipientIds(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    @SqlQuery("SELECT tag FROM kudos_values WHERE org_id = :orgId AND kudos_id = :kudosId ORDER BY tag")
    List<String> listValues(@Bind("orgId") long orgId, @Bind("kudosId") long kudosId);

    @SqlQuery("SELECT * FROM kudos WHERE org_id = :orgId ORDER BY id")
    List<Kudos> listByOrg(@Bind("orgId") long orgId);
}
