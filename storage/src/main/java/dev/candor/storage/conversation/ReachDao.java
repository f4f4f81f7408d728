package dev.candor.storage.conversation;

import dev.candor.storage.Platform;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Whether Candor can open a 1:1 chat with people (V15 {@code reach_failures}), and what it knows to decide. */
@RegisterConstructorMapper(ReachFacts.class)
public interface ReachDao {

    /** The platform refused to open a chat with this account: kept until a chat opens. */
    @SqlUpdate(
            """
            INSERT INTO reach_failures (org_id, platform, platform_user_id, reason)
            VALUES (:orgId, :platform, :userId, :reason)
            ON CONFLICT (org_id, platform, platform_user_id) DO UPDATE
                SET reason = EXCLUDED.reason, failed_at = now()
            """)
    void recordFailure(
            @Bind("orgId") long orgId,
            @Bind("platform") Platform platform,
            @Bind("userId") String platformUserId,
            @Bind("reason") String reason);

    @SqlUpdate(
            "DELETE FROM reach_failures WHERE org_id = :orgId AND platform = :platform AND platform_user_id = :userId")
    int clearFailure(
            @Bind("orgId") long orgId, @Bind("platform") Platform platform, @Bind("userId") String platformUserId);

    /**
     * For each of these people of the organisation: their account on the platform, whether Candor has a 1:1 chat
     * with them, whether they are in a Teams team roster, and the last refusal to open a chat with them. One
     * statement; at most a few thousand ids per call (the caller splits longer lists).
     */
    @SqlQuery(
            """
            SELECT p.id AS person_id, p.name, p.active, i.platform_user_id,
                   EXISTS (SELECT 1 FROM conversation_refs c
                           WHERE c.org_id = p.org_id AND c.platform = :platform AND c.kind = 'dm'
                             AND (c.person_id = p.id OR c.platform_user_id = i.platform_user_id)) AS has_dm,
                   EXISTS (SELECT 1 FROM team_members m
                           WHERE m.org_id = p.org_id
                             AND (m.aad_object_id = i.aad_object_id OR m.teams_user_id = i.platform_user_id))
                       AS in_roster,
                   (SELECT f.reason FROM reach_failures f
                    WHERE f.org_id = p.org_id AND f.platform = :platform
                      AND (f.platform_user_id = i.platform_user_id OR f.platform_user_id = i.aad_object_id)
                    ORDER BY f.failed_at DESC LIMIT 1) AS failure
            FROM people p
            LEFT JOIN LATERAL (
                SELECT pi.platform_user_id, pi.aad_object_id FROM platform_identities pi
                WHERE pi.org_id = p.org_id AND pi.person_id = p.id AND pi.platform = :platform
                ORDER BY pi.platform_user_id LIMIT 1) i ON true
            WHERE p.org_id = :orgId AND p.id IN (<personIds>)
            ORDER BY p.id
            """)
    List<ReachFacts> facts(
            @Bind("orgId") long orgId,
            @Bind("platform") Platform platform,
            @BindList("personIds") Collection<Long> personIds);
}
