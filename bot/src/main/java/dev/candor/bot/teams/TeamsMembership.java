package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.people.PlatformIds;
import dev.candor.storage.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows who is in the teams Candor is installed in, from what Teams reports: Candor added to or removed from a team
 * ({@code conversationUpdate} with the bot among the members added or removed; {@code installationUpdate}), people
 * joining and leaving, and any activity from a team whose roster Candor never read.
 */
final class TeamsMembership {
    private static final Set<String> INSTALLED = Set.of("add", "add-upgrade");
    private static final Set<String> UNINSTALLED = Set.of("remove", "remove-upgrade");

    private static final Logger log = LoggerFactory.getLogger(TeamsMembership.class);

    private final TeamsRosters rosters;

    TeamsMembership(TeamsRosters rosters) {
        this.rosters = rosters;
    }

    /** Never fails the turn: a roster is kept up to date next time. Only a database outage is passed on. */
    void observe(Activity activity, Actor actor) {
        try {
            follow(activity, actor);
        } catch (RuntimeException e) {
            if (Unavailable.is(e)) {
                throw e;
            }
            log.warn("team membership of org {} not recorded: {}", actor.orgId(), ErrorSummary.of(e));
        }
    }

    private void follow(Activity activity, Actor actor) {
        Optional<TeamsRosters.Team> found = team(activity, actor.orgId());
        if (found.isEmpty()) {
            return;
        }
        TeamsRosters.Team team = found.get();
        String botId = TeamsMapper.botId(activity);
        if (activity.isType(ActivityTypes.CONVERSATION_UPDATE)) {
            if (includes(activity.getMembersRemoved(), botId)) {
                rosters.removed(team);
            } else if (includes(activity.getMembersAdded(), botId)) {
                rosters.installed(team);
            } else {
                rosters.joined(team, people(activity.getMembersAdded(), botId));
                rosters.left(team, ids(activity.getMembersRemoved(), botId));
            }
        } else if (activity.isType(ActivityTypes.INSTALLATION_UPDATE)) {
            String action = String.valueOf(activity.getAction());
            if (INSTALLED.contains(action)) {
                rosters.installed(team);
            } else if (UNINSTALLED.contains(action)) {
                rosters.removed(team);
            }
        } else {
            rosters.seen(team);
            channelId(activity).ifPresent(channel -> rosters.channel(team, channel));
        }
    }

    /** The channel an activity came from, without the reply chain ({@code ;messageid=…}). */
    private static Optional<String> channelId(Activity activity) {
        if (activity.getConversation() == null
                || !"channel".equals(activity.getConversation().getConversationType())
                || activity.getConversation().getId() == null) {
            return Optional.empty();
        }
        String id = activity.getConversation().getId();
        int reply = id.indexOf(";messageid=");
        return Optional.of(reply < 0 ? id : id.substring(0, reply));
    }

    /** The team of an activity from one of its channels, as Teams names it in {@code channelData.team}. */
    private static Optional<TeamsRosters.Team> team(Activity activity, long orgId) {
        JsonNode team = TeamsJson.tree(activity.getChannelData()).path("team");
        String teamId = team.path("id").asText(null);
        if (!PlatformIds.valid(Platform.TEAMS, teamId) || activity.getServiceUrl() == null) {
            return Optional.empty();
        }
        String name = team.path("name").isTextual() ? team.path("name").asText() : null;
        return Optional.of(new TeamsRosters.Team(orgId, teamId, name, activity.getServiceUrl()));
    }

    private static boolean includes(List<ChannelAccount> members, String botId) {
        return members != null
                && botId != null
                && members.stream().anyMatch(member -> member != null && botId.equals(member.getId()));
    }

    private static List<TeamsPagedMembers.Member> people(List<ChannelAccount> members, String botId) {
        if (members == null) {
            return List.of();
        }
        return members.stream()
                .filter(Objects::nonNull)
                .filter(member -> !Objects.equals(member.getId(), botId)
                        && PlatformIds.valid(Platform.TEAMS, member.getId())
                        && PlatformIds.valid(Platform.TEAMS, member.getAadObjectId()))
                .map(member ->
                        new TeamsPagedMembers.Member(member.getId(), member.getAadObjectId(), member.getName(), null))
                .toList();
    }

    private static List<String> ids(List<ChannelAccount> members, String botId) {
        if (members == null) {
            return List.of();
        }
        return members.stream()
                .filter(Objects::nonNull)
                .flatMap(member -> Stream.of(member.getId(), member.getAadObjectId()))
                .filter(id -> id != null && !id.equals(botId))
                .toList();
    }
}
