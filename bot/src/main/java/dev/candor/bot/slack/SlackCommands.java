package dev.candor.bot.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import org.slf4j.MDC;

/**
 * Every slash command: map to neutral, route, answer in the acknowledgement (within Slack's 3 seconds). A form
 * is opened with {@code views.open} before the (empty) acknowledgement, because the trigger id expires with it.
 */
final class SlackCommands {
    private final SlackMapper mapper;
    private final SlackDispatch dispatch;
    private final SlackApi api;

    SlackCommands(SlackMapper mapper, SlackDispatch dispatch, SlackApi api) {
        this.mapper = mapper;
        this.dispatch = dispatch;
        this.api = api;
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        MDC.put("platform", "slack");
        Command command;
        try {
            command = mapper.command(request.getPayload());
        } catch (SlackGroups.Unreadable e) {
            return ctx.ack(ephemeral(groupUnreadable(e.group)));
        }
        Reply reply = dispatch.route(command);
        if (reply instanceof Reply.OpenForm open) {
            return openForm(command, request.getPayload().getTriggerId(), open, ctx);
        }
        SlashCommandResponse response = SlackReplies.commandResponse(reply);
        return response == null ? ctx.ack() : ctx.ack(response);
    }

    private Response openForm(Command command, String triggerId, Reply.OpenForm open, SlashCommandContext ctx) {
        SlackOrigin origin = new SlackOrigin(command.where(), open.form().context(), command.replyUrl());
        if (triggerId != null && api.openView(triggerId, SlackViews.modal(open.form(), origin))) {
            return ctx.ack();
        }
        return ctx.ack(ephemeral(formUnavailable()));
    }

    static Message groupUnreadable(String group) {
        return Message.of("I couldn't read who is in " + group + ", so nothing was sent. Please try again in a"
                + " moment, or name the people one by one (@ana @li) instead of the group.");
    }

    static Message formUnavailable() {
        return Message.of("Sorry, Slack didn't let me open the form just now, so nothing was saved. Please run the"
                + " command again in a moment.");
    }

    private static SlashCommandResponse ephemeral(Message message) {
        return SlackReplies.commandResponse(Reply.privately(message));
    }
}
