package dev.candor.storage.conversation;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The team of each Teams channel Candor heard from (V20), and the members of a channel's team. */
@RegisterConstructorMapper(ChannelMember.class)
public interface TeamChannelDao {

    /** Records the channel's team; does nothing while the team has no roster row yet (it is recorded next time). */
    @SqlUpdate(
            """
            INSERT INTO team_channels (org_id, channel_id, team_id)
            SELECT :orgId, :channelId, :teamId
            WHERE EXISTS (SELECT 1 FROM team_rosters WHERE org_id = :orgId AND team_id = :teamId)
            ON CONFLICT (org_id, channel_id) DO UPDATE SET team_id = EXCLUDED.team_id, seen_at = now()
            """)
    int record(@Bind("orgId") long orgId, @Bind("channelId") String channelId, @Bind("teamId") String teamId);

    /**
     * The members of the channel's team, by Teams id: its recorded team, or the team whose id it is (a team's General
     * channel). Empty when Candor knows no such team.
     */
    @SqlQuery(
            """
            SELECT m.teams_user_id, m.aad_object_id, m.name
            FROM team_members m
            WHERE m.org_id = :orgId AND m.team_id = COALESCE(
                (SELECT c.team_id FROM team_channels c WHERE c.org_id = :orgId AND c.channel_id = :channelId),
                :channelId)
            ORDER BY m.name, m.teams_user_id
            """)
    List<ChannelMember> listMembers(@Bind("orgId") long orgId, @Bind("channelId") String channelId);

    /** Whether Candor knows the channel's team (recorded, or the channel is a team's General channel). */
    @SqlQuery(
            """
            SELECT EXISTS (SELECT 1 FROM team_channels WHERE org_id = :orgId AND channel_id = :channelId)
                OR EXISTS (SELECT 1 FROM team_rosters WHERE org_id = :orgId AND team_id = :channelId)
            """)
    boolean knows(@Bind("orgId") long orgId, @Bind("channelId") String channelId);
}
