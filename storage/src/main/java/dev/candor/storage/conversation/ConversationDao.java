package dev.candor.storage.conversation;

import dev.candor.storage.Platform;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StoredConversation.class)
public interface ConversationDao {

    @SqlUpdate(
            """
            INSERT INTO conversation_refs (org_id, platform, conversation_id, kind, person_id, reference)
            VALUES (:orgId, :platform, :conversationId, :kind, :personId, CAST(:reference AS jsonb))
            ON CONFLICT (org_id, platform, conversation_id) DO UPDATE
                SET kind = EXCLUDED.kind, person_id = COALESCE(EXCLUDED.person_id, conversation_refs.person_id),
                    reference = EXCLUDED.reference, updated_at = now()
                WHERE conversation_refs.reference IS DISTINCT FROM EXCLUDED.reference
                   OR conversation_refs.kind IS DISTINCT FROM EXCLUDED.kind
                   OR conversation_refs.person_id IS DISTINCT FROM COALESCE(EXCLUDED.person_id, conversation_refs.person_id)
            """)
    void upsert(
            @Bind("orgId") long orgId,
            @Bind("platform") Platform platform,
            @Bind("conversationId") String conversationId,
            @Bind("kind") ConversationKind kind,
            @Bind("personId") Long personId,
            @Bind("reference") String referenceJson);

    @SqlQuery(
            """
            SELECT org_id, platform, conversation_id, kind, person_id, reference::text AS reference
            FROM conversation_refs WHERE org_id = :orgId AND platform = :platform AND conversation_id = :conversationId
            """)
    Optional<StoredConversation> find(
            @Bind("orgId") long orgId,
            @Bind("platform") Platform platform,
            @Bind("conversationId") String conversationId);

    @SqlQuery(
            """
            SELECT org_id, platform, conversation_id, kind, person_id, reference::text AS reference
            FROM conversation_refs WHERE org_id = :orgId AND platform = :platform AND person_id = :personId AND kind = 'dm'
            ORDER BY updated_at DESC LIMIT 1
            """)
    Optional<StoredConversation> findDm(
            @Bind("orgId") long orgId, @Bind("platform") Platform platform, @Bind("personId") long personId);

    /**
     * Keeps a 1:1 conversation with a platform account (a Slack DM channel from {@code conversations.open}), found
     * later by that account ({@link #findDmByUser}) and, when Candor has a person for it, by the person.
     */
    @SqlUpdate(
            """
            INSERT INTO conversation_refs (org_id, platform, conversation_id, kind, person_id, platform_user_id)
            VALUES (:orgId, :platform, :conversationId, 'dm', :personId, :userId)
            ON CONFLICT (org_id, platform, conversation_id) DO UPDATE
                SET kind = 'dm', person_id = COALESCE(EXCLUDED.person_id, conversation_refs.person_id),
                    platform_user_id = EXCLUDED.platform_user_id, updated_at = now()
            """)
    void upsertDm(
            @Bind("orgId") long orgId,
            @Bind("platform") Platform platform,
            @Bind("conversationId") String conversationId,
            @Bind("personId") Long personId,
            @Bind("userId") String platformUserId);

    /** The 1:1 conversation kept for a platform account by {@link #upsertDm}. */
    @SqlQuery(
            """
            SELECT conversation_id FROM conversation_refs
            WHERE org_id = :orgId AND platform = :platform AND kind = 'dm' AND platform_user_id = :userId
            ORDER BY updated_at DESC LIMIT 1
            """)
    Optional<String> findDmByUser(
            @Bind("orgId") long orgId, @Bind("platform") Platform platform, @Bind("userId") String platformUserId);
}
