package dev.candor.bot.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.server.RequestIds;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a Slack request that failed because the database could not be reached, within Slack's 3 seconds and
 * truthfully: a command gets an ephemeral message, a form keeps what was typed and shows the message under its first
 * field, a button's conversation gets it through the response URL, and an event is refused with 503 so that Slack
 * delivers it again in a minute, when the database may be back.
 */
final class SlackOutage {
    private static final Logger log = LoggerFactory.getLogger(SlackOutage.class);

    private final SlackApi api;
    private final Executor background;

    SlackOutage(SlackApi api, Executor background) {
        this.api = api;
        this.background = background;
    }

    Response answer(Request<?> request, Throwable error) {
        Message message = Unavailable.message(error);
        log.warn("database unavailable: {} request answered that nothing could be saved", request.getRequestType());
        return switch (request.getRequestType()) {
            case Command -> Response.json(200, SlackReplies.commandResponse(Reply.privately(message)));
            case ViewSubmission -> underFirstField((ViewSubmissionRequest) request, message);
            case BlockAction, MessageShortcut, GlobalShortcut, AttachmentAction -> {
                tell(request, message);
                yield Response.ok();
            }
            case BlockSuggestion -> Response.json(200, Map.of("options", List.of()));
            default ->
                Response.builder()
                        .statusCode(503)
                        .contentType("application/json; charset=utf-8")
                        .body("{\"error\":\"database unavailable, try again later\",\"requestId\":\""
                                + RequestIds.current() + "\"}")
                        .build();
        };
    }

    /** Slack keeps the modal open, with everything typed in it, and shows the text under the block named. */
    private static Response underFirstField(ViewSubmissionRequest request, Message message) {
        ViewState state = request.getPayload() == null || request.getPayload().getView() == null
                ? null
                : request.getPayload().getView().getState();
        String block =
                state == null || state.getValues() == null || state.getValues().isEmpty()
                        ? null
                        : state.getValues().keySet().iterator().next();
        if (block == null) {
            return Response.json(200, Map.of("response_action", "clear"));
        }
        return Response.json(200, Map.of("response_action", "errors", "errors", Map.of(block, message.fallbackText())));
    }

    /** After the acknowledgement: to the conversation the click came from, or else in the person's DM. */
    private void tell(Request<?> request, Message message) {
        String responseUrl = request.getResponseUrl();
        String user = request.getContext() == null ? null : request.getContext().getRequestUserId();
        background.execute(() -> {
            if (responseUrl != null) {
                api.respond(responseUrl, SlackReplies.ephemeralJson(message));
            } else if (user != null) {
                api.postDirect(user, message);
            }
        });
    }
}
