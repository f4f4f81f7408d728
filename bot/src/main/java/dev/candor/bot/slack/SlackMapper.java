package dev.candor.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.User;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformIds;
import dev.candor.bot.people.PlatformUser;
import dev.candor.bot.server.BadRequest;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;

/** Turns Slack payloads into neutral requests, provisioning the person behind them. */
final class SlackMapper {
    private final PeopleDirectory directory;
    private final SlackGroups groups;
    private final SlackConversations conversations;

    SlackMapper(PeopleDirectory directory, SlackGroups groups, SlackConversations conversations) {
        this.directory = directory;
        this.groups = groups;
        this.conversations = conversations;
    }

    /**
     * A slash command, with user groups named in it expanded to their members.
     *
     * @throws SlackGroups.Unreadable when Slack would not list a group's members
     */
    Command command(SlashCommandPayload payload) {
        require(payload.getTeamId(), "team_id");
        require(payload.getUserId(), "user_id");
        require(payload.getCommand(), "command");
        Actor actor = actor(payload.getTeamId(), payload.getUserId(), payload.getUserName());
        ConversationRef where = conversation(payload.getChannelId(), payload.getChannelName());
        conversations.remember(actor.orgId(), where);
        SlackText text = groups.expand(text(actor, payload.getText()), actor);
        return new Command(
                actor,
                where,
                payload.getCommand().replaceFirst("^/", ""),
                text.text(),
                text.mentions(),
                payload.getTriggerId() == null ? null : "slack:trigger:" + payload.getTriggerId(),
                payload.getResponseUrl(),
                text.channels());
    }

    /** The person behind a request, provisioned on first contact. */
    Actor actor(String teamId, String userId, String userName) {
        require(teamId, "team id");
        require(userId, "user id");
        if (!PlatformIds.valid(Platform.SLACK, teamId) || !PlatformIds.valid(Platform.SLACK, userId)) {
            throw BadRequest.malformed("Slack team or user id longer than " + PlatformIds.MAX_SLACK_ID
                    + " characters or not letters and digits");
        }
        return directory.actorFor(PlatformUser.slack(teamId, userId, userName));
    }

    /**
     * A user's profile changed ({@code user_change}, {@code user_status_changed}): stored for someone Candor knows;
     * nobody is created for it.
     */
    void profileChanged(String teamId, User user) {
        require(teamId, "team id");
        if (user == null || user.getId() == null || !PlatformIds.valid(Platform.SLACK, user.getId())) {
            throw BadRequest.malformed("Slack user event without a valid user id");
        }
        directory.profileChanged(Platform.SLACK, teamId, user.getId(), SlackProfiles.profile(user));
    }

    /** Slack's markup read with the names Candor knows for mentions that carry none. */
    SlackText text(Actor actor, String raw) {
        return SlackText.parse(raw, userId -> directory.knownName(actor.orgId(), Platform.SLACK, userId));
    }

    /** The name Candor knows for a Slack user, else the user id. */
    String nameOf(Actor actor, String userId) {
        String known = directory.knownName(actor.orgId(), Platform.SLACK, userId);
        return known == null ? userId : known;
    }

    /** A conversation a command, shortcut or button came from, remembered when its id hides that it's private. */
    ConversationRef conversationSeen(Actor actor, String channelId, String channelName) {
        ConversationRef where = conversation(channelId, channelName);
        conversations.remember(actor.orgId(), where);
        return where;
    }

    static ConversationRef conversation(String channelId, String channelName) {
        String id = channelId == null ? "" : channelId;
        ConversationKind kind;
        if ("directmessage".equals(channelName) || id.startsWith("D")) {
            kind = ConversationKind.DM;
        } else if (channelName != null && channelName.startsWith("mpdm-")) {
            kind = ConversationKind.GROUP;
        } else if ("privategroup".equals(channelName) || id.startsWith("G")) {
            kind = ConversationKind.PRIVATE_CHANNEL;
        } else {
            kind = ConversationKind.CHANNEL;
        }
        return new ConversationRef(Platform.SLACK, id, kind, null);
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw BadRequest.malformed("Slack payload without " + field);
        }
    }
}
