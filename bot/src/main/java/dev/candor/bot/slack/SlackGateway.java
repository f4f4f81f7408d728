package dev.candor.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.outbox.OutboxMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;

/**
 * Sends outbox messages with {@code chat.postMessage}. A DM goes to the user id itself, which Slack delivers in
 * the app's Messages tab without a {@code conversations.open} call. Slack's answers are classified for the
 * delivery worker, which owns retries and pacing.
 */
final class SlackGateway implements ChatGateway {
    /** Errors that will not go away by trying again. */
    private static final Set<String> PERMANENT = Set.of(
            "channel_not_found",
            "not_in_channel",
            "is_archived",
            "user_not_found",
            "account_inactive",
            "user_disabled",
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "token_expired",
            "no_permission",
            "missing_scope",
            "msg_too_long",
            "invalid_blocks",
            "invalid_blocks_format",
            "restricted_action",
            "cannot_dm_bot",
            "messages_tab_disabled",
            "team_access_not_granted",
            "ekm_access_denied");

    /** Posting to these can still work through the reply URL of the request that caused the message. */
    private static final Set<String> TRY_REPLY_URL = Set.of("not_in_channel", "channel_not_found");

    private final Slack slack;
    private final MethodsClient client;

    SlackGateway(Slack slack, MethodsClient client) {
        this.slack = slack;
        this.client = client;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage outbound) {
        Message message = MessageJson.read(outbound.payload());
        DeliveryResult result = post(outbound, message);
        if (result instanceof DeliveryResult.Permanent permanent
                && TRY_REPLY_URL.contains(permanent.reason())
                && outbound.replyUrl() != null) {
            return viaReplyUrl(outbound.replyUrl(), message);
        }
        return result;
    }

    /**
     * Slack lets a slash command answer in its conversation through {@code response_url} for 30 minutes, even
     * where the bot is not a member (a private channel, a DM between two people).
     */
    private DeliveryResult viaReplyUrl(String replyUrl, Message message) {
        try {
            WebhookResponse response = slack.send(replyUrl, SlackReplies.inChannelJson(message));
            int status = response.getCode();
            if (status == 200) {
                return new DeliveryResult.Sent(null);
            }
            if (status == 429) {
                return new DeliveryResult.RateLimited(Duration.ofSeconds(1));
            }
            return status >= 500
                    ? new DeliveryResult.Transient("reply_url_http_" + status)
                    : new DeliveryResult.Permanent("reply_url_expired");
        } catch (IOException e) {
            return new DeliveryResult.Transient("io_error");
        }
    }

    private DeliveryResult post(OutboxMessage outbound, Message message) {
        try {
            ChatPostMessageResponse response = client.chatPostMessage(request -> request.channel(outbound.target())
                    .text(SlackRenderer.fallback(message))
                    .blocks(SlackRenderer.blocks(message))
                    .unfurlLinks(false));
            if (response.isOk()) {
                return new DeliveryResult.Sent(response.getTs());
            }
            return classify(response.getError());
        } catch (SlackApiException e) {
            return classify(e);
        } catch (InterruptedIOException e) {
            return new DeliveryResult.Transient("timeout");
        } catch (IOException e) {
            return new DeliveryResult.Transient("io_error");
        }
    }

    static DeliveryResult classify(String error) {
        if (error == null) {
            return new DeliveryResult.Transient("unknown_error");
        }
        if (error.equals("ratelimited")) {
            return new DeliveryResult.RateLimited(Duration.ofSeconds(1));
        }
        return PERMANENT.contains(error) ? new DeliveryResult.Permanent(error) : new DeliveryResult.Transient(error);
    }

    private static DeliveryResult classify(SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
            return new DeliveryResult.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
        }
        if (e.getError() != null && e.getError().getError() != null) {
            return classify(e.getError().getError());
        }
        return status >= 500
                ? new DeliveryResult.Transient("http_" + status)
                : new DeliveryResult.Permanent("http_" + status);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }
}
