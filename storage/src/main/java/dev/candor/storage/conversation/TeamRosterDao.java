package dev.candor.storage.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The members of the Teams teams Candor is installed in (V15): whom it may open a 1:1 chat with. */
@RegisterConstructorMapper(RosterEntry.class)
public interface TeamRosterDao {

    @SqlUpdate(
            """
            INSERT INTO team_rosters (org_id, team_id, team_name, service_url)
            VALUES (:orgId, :teamId, :teamName, :serviceUrl)
            ON CONFLICT (org_id, team_id) DO UPDATE
                SET team_name = COALESCE(EXCLUDED.team_name, team_rosters.team_name),
                    service_url = EXCLUDED.service_url
            """)
    void upsertTeam(
            @Bind("orgId") long orgId,
            @Bind("teamId") String teamId,
            @Bind("teamName") String teamName,
            @Bind("serviceUrl") String serviceUrl);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM team_rosters WHERE org_id = :orgId AND team_id = :teamId)")
    boolean hasTeam(@Bind("orgId") long orgId, @Bind("teamId") String teamId);

    /** Members listed or reported joining, now: a member seen again gets their current Teams id, name and email. */
    @SqlBatch(
            """
            INSERT INTO team_members (org_id, team_id, aad_object_id, teams_user_id, name, email)
            VALUES (:orgId, :teamId, :aadObjectId, :teamsUserId, :name, :email)
            ON CONFLICT (org_id, team_id, aad_object_id) DO UPDATE
                SET teams_user_id = EXCLUDED.teams_user_id,
                    name = COALESCE(EXCLUDED.name, team_members.name),
                    email = COALESCE(EXCLUDED.email, team_members.email),
                    seen_at = now()
            """)
    void upsertMembers(@BindMethods Collection<TeamMember> members);

    /**
     * Ends a full read whose members were just written by {@link #upsertMembers} in the same transaction: members it
     * did not list (seen before this transaction began) have left the team meanwhile.
     *
     * @return how many members were dropped
     */
    @SqlUpdate(
            """
            WITH finished AS (
                UPDATE team_rosters SET read_at = now() WHERE org_id = :orgId AND team_id = :teamId
            )
            DELETE FROM team_members WHERE org_id = :orgId AND team_id = :teamId AND seen_at < now()
            """)
    int finishRead(@Bind("orgId") long orgId, @Bind("teamId") String teamId);

    /** Members who left the team, by Teams id or AAD object id. */
    @SqlUpdate(
            """
            DELETE FROM team_members WHERE org_id = :orgId AND team_id = :teamId
                AND (teams_user_id IN (<ids>) OR aad_object_id IN (<ids>))
            """)
    int removeMembers(@Bind("orgId") long orgId, @Bind("teamId") String teamId, @BindList("ids") List<String> ids);

    /** Candor was removed from the team: its members can no longer be reached through it. */
    @SqlUpdate("DELETE FROM team_rosters WHERE org_id = :orgId AND team_id = :teamId")
    int forgetTeam(@Bind("orgId") long orgId, @Bind("teamId") String teamId);

    /** Where a Teams id or AAD object id was last seen in a roster, if in any. */
    @SqlQuery(
            """
            SELECT m.teams_user_id, m.aad_object_id, r.service_url
            FROM team_members m JOIN team_rosters r ON r.org_id = m.org_id AND r.team_id = m.team_id
            WHERE m.org_id = :orgId AND (m.aad_object_id = :id OR m.teams_user_id = :id)
            ORDER BY m.seen_at DESC LIMIT 1
            """)
    Optional<RosterEntry> findMember(@Bind("orgId") long orgId, @Bind("id") String teamsUserIdOrObjectId);

    /**
     * People imported with their AAD object id (which stands in for their Teams id until they write) get the Teams
     * id the roster lists for it, unless another account already has that id.
     */
    @SqlUpdate(
            """
            UPDATE platform_identities i SET platform_user_id = m.teams_user_id
            FROM team_members m
            WHERE m.org_id = :orgId AND m.team_id = :teamId
              AND i.org_id = m.org_id AND i.platform = 'teams' AND i.aad_object_id = m.aad_object_id
              AND i.platform_user_id = i.aad_object_id
              AND NOT EXISTS (SELECT 1 FROM platform_identities o
                              WHERE o.org_id = i.org_id AND o.platform = 'teams' AND o.platform_user_id = m.teams_user_id)
            """)
    int linkImportedByObjectId(@Bind("orgId") long orgId, @Bind("teamId") String teamId);

    /**
     * People of the organisation without a Teams account whose email a roster member has (imported from a directory
     * without Teams ids) get that member's account. Where two members share an email, the one seen last wins.
     */
    @SqlUpdate(
            """
            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id, aad_object_id)
            SELECT DISTINCT ON (p.id) p.org_id, p.id, 'teams', m.teams_user_id, m.aad_object_id
            FROM people p JOIN team_members m ON m.org_id = p.org_id AND lower(m.email) = lower(p.email)
            WHERE p.org_id = :orgId AND p.email IS NOT NULL AND p.id IN (<personIds>)
              AND NOT EXISTS (SELECT 1 FROM platform_identities i
                              WHERE i.org_id = p.org_id AND i.person_id = p.id AND i.platform = 'teams')
            ORDER BY p.id, m.seen_at DESC
            ON CONFLICT DO NOTHING
            """)
    int linkByEmail(@Bind("orgId") long orgId, @BindList("personIds") Collection<Long> personIds);

    /** {@link #linkByEmail} for everyone in one team's roster: after the team's members were read. */
    @SqlUpdate(
            """
            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id, aad_object_id)
            SELECT DISTINCT ON (p.id) p.org_id, p.id, 'teams', m.teams_user_id, m.aad_object_id
            FROM team_members m JOIN people p ON p.org_id = m.org_id AND lower(p.email) = lower(m.email)
            WHERE m.org_id = :orgId AND m.team_id = :teamId AND m.email IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM platform_identities i
                              WHERE i.org_id = p.org_id AND i.person_id = p.id AND i.platform = 'teams')
            ORDER BY p.id, m.seen_at DESC
            ON CONFLICT DO NOTHING
            """)
    int linkTeamByEmail(@Bind("orgId") long orgId, @Bind("teamId") String teamId);

    /** Refusals to open a chat with members of the team: Candor being in the team changes what Teams allows. */
    @SqlUpdate(
            """
            DELETE FROM reach_failures f USING team_members m
            WHERE m.org_id = :orgId AND m.team_id = :teamId
              AND f.org_id = m.org_id AND f.platform = 'teams'
              AND (f.platform_user_id = m.teams_user_id OR f.platform_user_id = m.aad_object_id)
            """)
    int clearTeamFailures(@Bind("orgId") long orgId, @Bind("teamId") String teamId);
}
