package dev.candor.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.candor.bot.chat.Message;
import dev.candor.bot.logging.LogIds;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API calls Candor makes while answering a request (views, ephemeral messages, permalinks, user
 * groups, response URLs). A failed call is logged with ids only and reported as false or empty: what to tell the
 * person is the caller's decision. Messages the bot sends on its own go through the outbox instead.
 */
final class SlackApi {
    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

    private final Slack slack;
    private final MethodsClient client;

    SlackApi(Slack slack, MethodsClient client) {
        this.slack = slack;
        this.client = client;
    }

    /** {@code views.open}: a modal for the person whose click or command carried {@code triggerId}. */
    boolean openView(String triggerId, View view) {
        return call(
                "views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** {@code views.publish}: the person's App Home tab. */
    boolean publishHome(String userId, View view) {
        return call(
                "views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(view)));
    }

    /** {@code chat.postEphemeral}: a message only {@code userId} sees, in a conversation they are in. */
    boolean postEphemeral(String channel, String userId, Message message) {
        return call(
                "chat.postEphemeral",
                () -> client.chatPostEphemeral(r -> r.channel(channel)
                        .user(userId)
                        .text(SlackRenderer.fallback(message))
                        .blocks(SlackRenderer.blocks(message))));
    }

    /**
     * {@code chat.postMessage} to a user id, straight away: only for telling someone at once that their request
     * could not be handled (when even the outbox is out of reach); everything else goes through the outbox.
     */
    boolean postDirect(String userId, Message message) {
        return call(
                "chat.postMessage",
                () -> client.chatPostMessage(r ->
                        r.channel(userId).text(SlackRenderer.fallback(message)).blocks(SlackRenderer.blocks(message))));
    }

    /** {@code chat.getPermalink}: a link to a message, or empty when Slack can't say. */
    Optional<String> permalink(String channel, String ts) {
        try {
            var response = client.chatGetPermalink(r -> r.channel(channel).messageTs(ts));
            if (response.isOk() && response.getPermalink() != null) {
                return Optional.of(response.getPermalink());
            }
            log.warn("chat.getPermalink for {} {} answered {}", LogIds.of(channel), LogIds.of(ts), response.getError());
        } catch (IOException | SlackApiException e) {
            log.warn("chat.getPermalink for {} {} failed: {}", LogIds.of(channel), LogIds.of(ts), failure(e));
        }
        return Optional.empty();
    }

    /**
     * {@code conversations.info}: whether a channel is private (or a DM or group DM); empty when Slack won't say,
     * e.g. for a private channel the bot is not in.
     */
    Optional<Boolean> isPrivate(String channelId) {
        try {
            var response = client.conversationsInfo(r -> r.channel(channelId));
            if (response.isOk() && response.getChannel() != null) {
                var channel = response.getChannel();
                return Optional.of(channel.isPrivate() || channel.isIm() || channel.isMpim());
            }
            log.warn("conversations.info for {} answered {}", LogIds.of(channelId), response.getError());
        } catch (IOException | SlackApiException e) {
            log.warn("conversations.info for {} failed: {}", LogIds.of(channelId), failure(e));
        }
        return Optional.empty();
    }

    /** {@code usergroups.users.list}: the members of a user group, or empty when Slack won't tell. */
    Optional<List<String>> groupMembers(String groupId) {
        try {
            var response = client.usergroupsUsersList(r -> r.usergroup(groupId));
            if (response.isOk() && response.getUsers() != null) {
                return Optional.of(List.copyOf(response.getUsers()));
            }
            log.warn("usergroups.users.list for {} answered {}", LogIds.of(groupId), response.getError());
        } catch (IOException | SlackApiException e) {
            log.warn("usergroups.users.list for {} failed: {}", LogIds.of(groupId), failure(e));
        }
        return Optional.empty();
    }

    /** Posts to a {@code response_url} (the conversation a command, shortcut or button came from). */
    boolean respond(String responseUrl, String json) {
        try {
            WebhookResponse response = slack.send(responseUrl, json);
            if (response.getCode() == 200) {
                return true;
            }
            log.warn("response_url answered HTTP {}", response.getCode());
        } catch (IOException e) {
            log.warn("response_url failed: {}", failure(e));
        }
        return false;
    }

    private boolean call(String method, ApiCall call) {
        try {
            SlackApiTextResponse response = call.run();
            if (!response.isOk()) {
                log.warn("{} answered {}", method, response.getError());
            }
            return response.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("{} failed: {}", method, failure(e));
            return false;
        }
    }

    /**
     * A failed call in a log line: its type and Slack's error code. Not the exception's message, which quotes the
     * response body (and with it, what Candor sent).
     */
    static String failure(Exception e) {
        if (e instanceof SlackApiException api && api.getError() != null) {
            return "SlackApiException(HTTP " + api.getResponse().code() + ", "
                    + api.getError().getError() + ")";
        }
        return e.getClass().getSimpleName();
    }

    private interface ApiCall {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }
}
