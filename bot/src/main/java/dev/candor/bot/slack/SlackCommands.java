package dev.candor.bot.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.server.BadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every slash command: map to neutral, route, answer in the acknowledgement (within Slack's 3 seconds). */
final class SlackCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final SlackMapper mapper;
    private final ConversationRouter router;

    SlackCommands(SlackMapper mapper, ConversationRouter router) {
        this.mapper = mapper;
        this.router = router;
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        MDC.put("platform", "slack");
        Command command = mapper.command(request.getPayload());
        MDC.put("org", String.valueOf(command.actor().orgId()));
        MDC.put("user", command.actor().platformUserId());
        Reply reply;
        try {
            reply = router.route(command);
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("/{} failed", command.name(), e);
            reply = Reply.privately(SlackReplies.failure());
        }
        SlashCommandResponse response = SlackReplies.commandResponse(reply);
        return response == null ? ctx.ack() : ctx.ack(response);
    }
}
