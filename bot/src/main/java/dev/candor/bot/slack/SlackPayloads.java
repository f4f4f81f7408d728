package dev.candor.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.view.View;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.MessageShortcut;
import dev.candor.bot.server.BadRequest;
import java.util.function.BiFunction;

/** Turns Slack's interaction payloads (modal submissions, button clicks, message shortcuts) into neutral requests. */
final class SlackPayloads {
    private final SlackMapper mapper;

    SlackPayloads(SlackMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A submitted modal. The source key is the view's id and hash: a double click or a retried request carries
     * both unchanged, so the feature can recognise the repeat.
     */
    FormSubmission submission(ViewSubmissionPayload payload) {
        if (payload.getView() == null || payload.getUser() == null) {
            throw BadRequest.malformed("view_submission without view or user");
        }
        Actor actor = mapper.actor(
                teamId(
                        payload.getTeam() == null ? null : payload.getTeam().getId(),
                        payload.getUser().getTeamId()),
                payload.getUser().getId(),
                payload.getUser().getUsername());
        return form(actor, payload.getView(), "", "slack:view:");
    }

    /** A modal closed unsent, as its form's draft: the values typed so far, under the form's id and ".draft". */
    FormSubmission closed(com.slack.api.app_backend.views.payload.ViewClosedPayload payload) {
        if (payload.getView() == null || payload.getUser() == null) {
            throw BadRequest.malformed("view_closed without view or user");
        }
        Actor actor = mapper.actor(
                teamId(
                        payload.getTeam() == null ? null : payload.getTeam().getId(),
                        payload.getUser().getTeamId()),
                payload.getUser().getId(),
                payload.getUser().getName());
        return form(actor, payload.getView(), dev.candor.bot.chat.Form.DRAFT, "slack:view-closed:");
    }

    /** A modal's values as the form's (its id and {@code suffix}), from where it was opened, keyed by view and hash. */
    private static FormSubmission form(Actor actor, View view, String suffix, String keyPrefix) {
        SlackOrigin origin = SlackOrigin.decode(view.getPrivateMetadata());
        SlackMapper.require(view.getId(), "view.id");
        SlackMapper.require(view.getCallbackId(), "view.callback_id");
        return new FormSubmission(
                actor,
                origin.whereOr(actor.platformUserId()),
                view.getCallbackId() + suffix,
                SlackFormValues.of(view.getState()),
                origin.context(),
                keyPrefix + view.getId() + ":" + view.getHash(),
                origin.replyUrl());
    }

    /** A button: the conversation is the message's, or the modal's origin, or the person's DM with the app. */
    Action action(BlockActionPayload payload, BlockActionPayload.Action clicked) {
        if (payload.getUser() == null) {
            throw BadRequest.malformed("block_actions without user");
        }
        SlackMapper.require(clicked.getActionId(), "action_id");
        Actor actor = mapper.actor(
                teamId(
                        payload.getTeam() == null ? null : payload.getTeam().getId(),
                        payload.getUser().getTeamId()),
                payload.getUser().getId(),
                payload.getUser().getUsername());
        BlockActionPayload.Container container = payload.getContainer();
        String messageTs = container != null && container.getMessageTs() != null
                ? container.getMessageTs()
                : payload.getMessage() == null ? null : payload.getMessage().getTs();
        return new Action(
                actor,
                where(payload, actor),
                clicked.getActionId(),
                value(clicked),
                messageTs,
                "slack:action:" + (payload.getTriggerId() != null ? payload.getTriggerId() : clicked.getActionTs()));
    }

    /**
     * A message shortcut ("Give kudos" on someone's message). The author's name is the one Candor knows, else
     * their id; the link comes from {@code permalink}, which answers null when Slack can't say.
     */
    MessageShortcut shortcut(MessageShortcutPayload payload, BiFunction<String, String, String> permalink) {
        if (payload.getUser() == null || payload.getChannel() == null || payload.getMessage() == null) {
            throw BadRequest.malformed("message_action without user, channel or message");
        }
        SlackMapper.require(payload.getCallbackId(), "callback_id");
        Actor actor = mapper.actor(
                teamId(
                        payload.getTeam() == null ? null : payload.getTeam().getId(),
                        payload.getUser().getTeamId()),
                payload.getUser().getId(),
                payload.getUser().getName());
        ConversationRef where = mapper.conversationSeen(
                actor, payload.getChannel().getId(), payload.getChannel().getName());
        var message = payload.getMessage();
        String ts = message.getTs() != null ? message.getTs() : payload.getMessageTs();
        Mention author = message.getUser() == null
                ? null
                : new Mention(message.getUser(), mapper.nameOf(actor, message.getUser()));
        return new MessageShortcut(
                actor,
                where,
                payload.getCallbackId(),
                ts,
                author,
                mapper.text(actor, message.getText()).text(),
                ts == null ? null : permalink.apply(where.conversationId(), ts),
                "slack:shortcut:" + (payload.getTriggerId() != null ? payload.getTriggerId() : payload.getActionTs()));
    }

    private ConversationRef where(BlockActionPayload payload, Actor actor) {
        if (payload.getChannel() != null && payload.getChannel().getId() != null) {
            return mapper.conversationSeen(
                    actor, payload.getChannel().getId(), payload.getChannel().getName());
        }
        if (payload.getContainer() != null && payload.getContainer().getChannelId() != null) {
            return SlackMapper.conversation(payload.getContainer().getChannelId(), null);
        }
        View view = payload.getView();
        return SlackOrigin.decode(view == null ? null : view.getPrivateMetadata())
                .whereOr(actor.platformUserId());
    }

    private static String value(BlockActionPayload.Action clicked) {
        if (clicked.getValue() != null) {
            return clicked.getValue();
        }
        return clicked.getSelectedOption() == null
                ? null
                : clicked.getSelectedOption().getValue();
    }

    /** Enterprise Grid payloads may name the person's own workspace only on the user. */
    private static String teamId(String teamId, String userTeamId) {
        return teamId != null && !teamId.isBlank() ? teamId : userTeamId;
    }
}
