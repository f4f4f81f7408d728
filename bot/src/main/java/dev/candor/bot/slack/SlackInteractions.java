package dev.candor.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Inbound;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.MessageShortcut;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.server.BadRequest;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactivity: buttons ({@code block_actions}) and message shortcuts ({@code message_action}) answer through the
 * {@code response_url} or open a modal with the payload's trigger id; modal submissions ({@code view_submission})
 * answer in the acknowledgement (errors next to inputs, a confirmation, or closing the modal). Every id is handed
 * to the router, which knows which feature owns it.
 */
final class SlackInteractions {
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);
    private static final Pattern ANY = Pattern.compile(".+");

    private final SlackPayloads payloads;
    private final SlackDispatch dispatch;
    private final SlackApi api;

    SlackInteractions(SlackPayloads payloads, SlackDispatch dispatch, SlackApi api) {
        this.payloads = payloads;
        this.dispatch = dispatch;
        this.api = api;
    }

    void register(App app) {
        app.viewSubmission(ANY, this::submission);
        app.viewClosed(ANY, this::closed);
        app.blockAction(ANY, this::action);
        app.messageShortcut(ANY, this::shortcut);
    }

    Response submission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        var submission = payloads.submission(payload);
        Reply reply = dispatch.route(submission);
        View view = payload.getView();
        if (reply instanceof Reply.FormErrors errors) {
            return ctx.ackWithErrors(SlackFormErrors.onBlocks(errors.errors(), view));
        } else if (reply instanceof Reply.OpenForm open) {
            SlackOrigin origin = new SlackOrigin(submission.where(), open.form().context(), submission.replyUrl());
            return ctx.ackWithUpdate(SlackViews.modal(open.form(), origin));
        }
        Message message = messageOf(reply);
        if (message == null) {
            return ctx.ack();
        }
        String title = view.getTitle() == null ? null : view.getTitle().getText();
        return ctx.ackWithUpdate(SlackViews.confirmation(title, message));
    }

    /**
     * A modal closed unsent: Slack tells only of forms that keep drafts ({@code notify_on_close}), whose handler keeps
     * what was typed under the form's id and {@link dev.candor.bot.chat.Form#DRAFT}. Nothing is shown.
     */
    Response closed(
            com.slack.api.bolt.request.builtin.ViewClosedRequest request,
            com.slack.api.bolt.context.builtin.DefaultContext ctx) {
        dispatch.route(payloads.closed(request.getPayload()));
        return ctx.ack();
    }

    Response action(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            throw BadRequest.malformed("block_actions without actions");
        }
        // Slack sends one action per request; a list is its envelope.
        Action action = payloads.action(payload, payload.getActions().get(0));
        answer(dispatch.route(action), action, payload.getResponseUrl(), payload.getTriggerId());
        return ctx.ack();
    }

    Response shortcut(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        MessageShortcut shortcut = payloads.shortcut(
                payload, (channel, ts) -> api.permalink(channel, ts).orElse(null));
        Reply reply = dispatch.route(shortcut);
        if (reply instanceof Reply.OpenForm open) {
            SlackOrigin origin = new SlackOrigin(shortcut.where(), open.form().context(), payload.getResponseUrl());
            if (!api.openView(payload.getTriggerId(), SlackViews.modal(open.form(), origin))) {
                respond(payload.getResponseUrl(), SlackReplies.ephemeralJson(SlackCommands.formUnavailable()));
            }
        } else {
            answer(reply, shortcut, payload.getResponseUrl(), payload.getTriggerId());
        }
        return ctx.ack();
    }

    /** Delivers a reply to a button or shortcut; Slack has already been told nothing in the acknowledgement. */
    private void answer(Reply reply, Inbound inbound, String responseUrl, String triggerId) {
        if (reply instanceof Reply.Private priv) {
            respond(responseUrl, SlackReplies.ephemeralJson(priv.message()));
        } else if (reply instanceof Reply.Public pub) {
            respond(responseUrl, SlackReplies.inChannelActionJson(pub.message()));
        } else if (reply instanceof Reply.Update update) {
            respond(responseUrl, SlackReplies.replaceOriginalJson(update.message()));
        } else if (reply instanceof Reply.OpenForm open) {
            SlackOrigin origin = new SlackOrigin(inbound.where(), open.form().context(), responseUrl);
            if (!api.openView(triggerId, SlackViews.modal(open.form(), origin))) {
                respond(responseUrl, SlackReplies.ephemeralJson(SlackCommands.formUnavailable()));
            }
        } else if (reply instanceof Reply.Home home) {
            api.publishHome(inbound.actor().platformUserId(), SlackViews.home(home.message()));
        } else if (reply instanceof Reply.FormErrors) {
            log.warn("form errors answered to an interaction that is no form; ignored");
        }
    }

    private void respond(String responseUrl, String json) {
        if (responseUrl == null) {
            // Buttons in modals and on App Home come without one; there is no conversation to answer in.
            log.info("no response_url to answer in; reply dropped");
            return;
        }
        api.respond(responseUrl, json);
    }

    private static Message messageOf(Reply reply) {
        if (reply instanceof Reply.Private priv) {
            return priv.message();
        } else if (reply instanceof Reply.Public pub) {
            return pub.message();
        } else if (reply instanceof Reply.Update update) {
            return update.message();
        } else if (reply instanceof Reply.Home home) {
            return home.message();
        }
        return null;
    }
}
