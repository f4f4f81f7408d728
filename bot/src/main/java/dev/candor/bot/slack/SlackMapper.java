package dev.candor.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.bot.server.BadRequest;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;

/** Turns Slack payloads into neutral requests, provisioning the person behind them. */
final class SlackMapper {
    private final PeopleDirectory directory;

    SlackMapper(PeopleDirectory directory) {
        this.directory = directory;
    }

    Command command(SlashCommandPayload payload) {
        require(payload.getTeamId(), "team_id");
        require(payload.getUserId(), "user_id");
        require(payload.getCommand(), "command");
        Actor actor =
                directory.actorFor(PlatformUser.slack(payload.getTeamId(), payload.getUserId(), payload.getUserName()));
        SlackText text = SlackText.parse(
                payload.getText(), userId -> directory.knownName(actor.orgId(), Platform.SLACK, userId));
        return new Command(
                actor,
                conversation(payload.getChannelId(), payload.getChannelName()),
                payload.getCommand().replaceFirst("^/", ""),
                text.text(),
                text.mentions(),
                payload.getTriggerId() == null ? null : "slack:trigger:" + payload.getTriggerId(),
                payload.getResponseUrl(),
                text.channels());
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

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw BadRequest.malformed("Slack payload without " + field);
        }
    }
}
