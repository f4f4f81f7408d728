package dev.candor.bot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.server.RequestIds;

/** Neutral replies as the body of Slack's acknowledgement or of a {@code response_url} post. */
final class SlackReplies {
    private SlackReplies() {}

    /**
     * The answer to a slash command. A command has no message of its own to replace and no home to show, so an
     * update or a home view is shown privately as well.
     */
    static SlashCommandResponse commandResponse(Reply reply) {
        if (reply instanceof Reply.Public pub) {
            return response("in_channel", pub.message());
        } else if (reply instanceof Reply.Private priv) {
            return response("ephemeral", priv.message());
        } else if (reply instanceof Reply.Update update) {
            return response("ephemeral", update.message());
        } else if (reply instanceof Reply.Home home) {
            return response("ephemeral", home.message());
        }
        return null;
    }

    /** A message for a {@code response_url}, shown to the whole conversation. */
    static String inChannelJson(Message message) {
        return GsonFactory.createSnakeCase().toJson(response("in_channel", message));
    }

    /** A message for a {@code response_url}, shown only to the person who acted. */
    static String ephemeralJson(Message message) {
        return GsonFactory.createSnakeCase().toJson(actionResponse("ephemeral", false, message));
    }

    /** Replaces the message whose button was pressed ({@code response_url} with {@code replace_original}). */
    static String replaceOriginalJson(Message message) {
        return GsonFactory.createSnakeCase().toJson(actionResponse(null, true, message));
    }

    /** A new message in the conversation a button or shortcut came from, for everyone. */
    static String inChannelActionJson(Message message) {
        return GsonFactory.createSnakeCase().toJson(actionResponse("in_channel", false, message));
    }

    static Message failure() {
        return Message.of("Sorry, something went wrong on Candor's side and nothing was saved. Please try again"
                + " in a moment (request id " + RequestIds.current() + ").");
    }

    private static ActionResponse actionResponse(String type, boolean replaceOriginal, Message message) {
        return ActionResponse.builder()
                .responseType(type)
                .replaceOriginal(replaceOriginal)
                .text(SlackRenderer.fallback(message))
                .blocks(SlackRenderer.blocks(message))
                .build();
    }

    private static SlashCommandResponse response(String type, Message message) {
        return SlashCommandResponse.builder()
                .responseType(type)
                .text(SlackRenderer.fallback(message))
                .blocks(SlackRenderer.blocks(message))
                .build();
    }
}
