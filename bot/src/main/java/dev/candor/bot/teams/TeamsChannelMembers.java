package dev.candor.bot.teams;

import dev.candor.bot.people.ChannelRoster;
import dev.candor.storage.conversation.TeamChannelDao;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A Teams channel's members: the roster Candor keeps of the channel's team (read when Candor was added to the team,
 * followed as people join and leave). No call to Teams: a standard channel has its team's members.
 */
public final class TeamsChannelMembers implements ChannelRoster {
    private final Jdbi jdbi;

    public TeamsChannelMembers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Member> members(long orgId, String channelId) {
        int reply = channelId.indexOf(";messageid=");
        String channel = reply < 0 ? channelId : channelId.substring(0, reply);
        return jdbi.withExtension(TeamChannelDao.class, teams -> {
            if (!teams.knows(orgId, channel)) {
                throw new Unlisted("no roster of the channel's team: Candor isn't installed in the team");
            }
            return teams.listMembers(orgId, channel).stream()
                    .map(member -> new Member(member.teamsUserId(), member.name()))
                    .toList();
        });
    }
}
