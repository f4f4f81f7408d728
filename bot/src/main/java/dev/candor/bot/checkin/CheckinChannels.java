package dev.candor.bot.checkin;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.ChannelRoster;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.storage.Platform;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationLookupDao;
import dev.candor.storage.people.Person;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A channel check-in's people at the moment a round opens: the channel's members as its platform lists them, made
 * people of the organisation (new ones provisioned from their profiles), less bots, deactivated accounts and the
 * check-in's owner, who gets the digest rather than answering to themselves.
 */
public final class CheckinChannels implements ChannelMembers {
    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Map<Platform, ChannelRoster> rosters;

    public CheckinChannels(Jdbi jdbi, PeopleDirectory directory, Map<Platform, ChannelRoster> rosters) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.rosters = Map.copyOf(rosters);
    }

    @Override
    public List<Long> personIds(long orgId, String channelId, long ownerId) {
        Organisation org = jdbi.withExtension(OrganisationLookupDao.class, orgs -> orgs.findById(orgId))
                .orElseThrow(() -> new ChannelRoster.Unlisted("no organisation " + orgId));
        Platform platform = platform(org, channelId);
        ChannelRoster roster = rosters.get(platform);
        if (roster == null) {
            throw new ChannelRoster.Unlisted(platform + " is not configured");
        }
        Actor asker = asker(org, platform, ownerId);
        Set<Long> people = new LinkedHashSet<>();
        for (ChannelRoster.Member member : roster.members(orgId, channelId)) {
            try {
                Person person = directory.personFor(asker, new Mention(member.platformUserId(), name(member)));
                if (!person.isBot() && person.active() && person.id() != ownerId) {
                    people.add(person.id());
                }
            } catch (ProfileSource.NoSuchUser gone) {
                // Listed a moment ago, deleted since: nobody to ask.
            }
        }
        return new ArrayList<>(people);
    }

    /** Slack channel ids are letters and digits (C…, G…); Teams conversation ids start with "19:". */
    private static Platform platform(Organisation org, String channelId) {
        if (org.slackTeamId() != null && org.teamsTenantId() != null) {
            return channelId.startsWith("19:") ? Platform.TEAMS : Platform.SLACK;
        }
        return org.slackTeamId() != null ? Platform.SLACK : Platform.TEAMS;
    }

    /** Provisioning a listed account takes someone asking in the organisation's workspace: the owner, here. */
    private static Actor asker(Organisation org, Platform platform, long ownerId) {
        String workspace = platform == Platform.SLACK ? org.slackTeamId() : org.teamsTenantId();
        return new Actor(
                org.id(),
                workspace,
                ownerId,
                platform,
                null,
                null,
                dev.candor.storage.people.Role.EMPLOYEE,
                ZoneOffset.UTC,
                Locale.ENGLISH);
    }

    private static String name(ChannelRoster.Member member) {
        return member.name() == null ? member.platformUserId() : member.name();
    }
}
