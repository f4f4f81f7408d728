package dev.candor.bot.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.server.RequestIds;

/** Neutral replies as the body of Slack's acknowledgement. */
final class SlackReplies {
    private SlackReplies() {}

    static SlashCommandResponse commandResponse(Reply reply) {
        if (reply instanceof Reply.Public pub) {
            return response("in_channel", pub.message());
        } else if (reply instanceof Reply.Private priv) {
            return response("ephemeral", priv.message());
        }
        return null;
    }

    /** A message for a {@code response_url}, shown to the whole conversation. */
    static String inChannelJson(Message message) {
        return com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(response("in_channel", message));
    }

    static Message failure() {
        return Message.of("Sorry, something went wrong on Candor's side and nothing was saved. Please try again"
                + " in a moment (request id " + RequestIds.current() + ").");
    }

    private static SlashCommandResponse response(String type, Message message) {
        return SlashCommandResponse.builder()
                .responseType(type)
                .text(SlackRenderer.fallback(message))
                .blocks(SlackRenderer.blocks(message))
                .build();
    }
}
