package dev.candor.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.webhook.WebhookResponse;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
import dev.candor.storage.outbox.TargetKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends outbox messages with {@code chat.postMessage}. A DM goes to the user's DM channel, opened once with
 * {@code conversations.open} and kept ({@link SlackDirectChannels}). Slack's answers are classified for the
 * delivery worker, which owns retries and pacing. Every message carries its outbox key in its metadata, so that one
 * in doubt is looked for in its conversation ({@link SlackHistory}) before it is sent again.
 *
 * <p>A message in a thread is posted with {@code thread_ts}, to the channel the thread's first message went to (a
 * DM's D… id, which {@code chat.postMessage} answered). An update is a {@code chat.update} of the message by that
 * channel and {@code ts}: Slack accepts no user id there.
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
            "user_not_visible",
            "invalid_user_combination",
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
            "ekm_access_denied",
            "message_not_found",
            "cant_update_message",
            "edit_window_closed");

    /** Posting to these can still work through the reply URL of the request that caused the message. */
    private static final Set<String> TRY_REPLY_URL = Set.of("not_in_channel", "channel_not_found");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Slack slack;
    private final MethodsClient client;
    private final String botToken;
    private final SlackHistory history;
    private final SlackDirectChannels directChannels;

    SlackGateway(Slack slack, MethodsClient client, String botToken, SlackDirectChannels directChannels) {
        this.slack = slack;
        this.client = client;
        this.botToken = botToken;
        this.history = new SlackHistory(client, botToken);
        this.directChannels = directChannels;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage outbound) {
        if (outbound.operation() == OutboxOperation.UPDATE) {
            // Replacing a message again with the same content can't duplicate anything: no need to look first.
            return update(outbound);
        }
        String channel = channel(outbound);
        if (outbound.platformChannel() == null && outbound.targetKind() == TargetKind.USER) {
            SlackDirectChannels.Opened dm = directChannels.open(outbound.orgId(), outbound.target());
            if (dm.failure() != null) {
                return dm.failure();
            }
            channel = dm.channel();
        }
        SlackHistory.Lookup lookup =
                outbound.inDoubt() ? history.find(outbound, channel) : new SlackHistory.Lookup.NotFound();
        if (lookup instanceof SlackHistory.Lookup.Found found) {
            return new DeliveryResult.AlreadyDelivered(found.ts(), found.channel());
        }
        if (lookup instanceof SlackHistory.Lookup.RateLimited limited) {
            return new DeliveryResult.RateLimited(limited.retryAfter());
        }
        DeliveryResult result = send(outbound, channel);
        // Slack would not say whether it has the message: it is sent again all the same, and counted.
        return lookup instanceof SlackHistory.Lookup.Unchecked impossible && result instanceof DeliveryResult.Sent sent
                ? sent.unchecked(impossible.reason())
                : result;
    }

    private DeliveryResult send(OutboxMessage outbound, String channel) {
        Message message = MessageJson.read(outbound.payload());
        DeliveryResult result = post(outbound, channel, message);
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

    /**
     * Posts through the SDK's HTTP client but reads the answer itself: the SDK's typed call parses every answer with
     * a newly built Gson, whose reflective adapters for Slack's whole message model cost more CPU than the rest of a
     * delivery, and only {@code ok}, {@code error} and {@code ts} matter here.
     */
    private DeliveryResult post(OutboxMessage outbound, String channel, Message message) {
        ChatPostMessageRequest request = ChatPostMessageRequest.builder()
                .channel(channel)
                .threadTs(outbound.threadId())
                .text(SlackRenderer.fallback(message))
                .blocks(SlackRenderer.blocks(message))
                .unfurlLinks(false)
                .metadataAsString(SlackHistory.metadata(outbound))
                .build();
        return call(RequestFormBuilder.toForm(request), Methods.CHAT_POST_MESSAGE);
    }

    /** {@code chat.update} of the message the outbox row's earlier key sent, addressed by the worker. */
    private DeliveryResult update(OutboxMessage outbound) {
        Message message = MessageJson.read(outbound.payload());
        ChatUpdateRequest request = ChatUpdateRequest.builder()
                .channel(channel(outbound))
                .ts(outbound.platformMessageId())
                .text(SlackRenderer.fallback(message))
                .blocks(SlackRenderer.blocks(message))
                .build();
        return call(RequestFormBuilder.toForm(request), Methods.CHAT_UPDATE);
    }

    /** Where the earlier message of a reply or update went; else the target (a user id for a new DM). */
    static String channel(OutboxMessage outbound) {
        return outbound.platformChannel() != null ? outbound.platformChannel() : outbound.target();
    }

    private DeliveryResult call(FormBody.Builder form, String method) {
        try (Response response = client.runPostFormWithToken(form, method, botToken)) {
            ResponseBody body = response.body();
            return classify(response.code(), response.header("Retry-After"), body == null ? "" : body.string());
        } catch (ConnectException e) {
            return DeliveryResult.Transient.notSent("connect_error");
        } catch (InterruptedIOException e) {
            return new DeliveryResult.Transient("timeout");
        } catch (IOException e) {
            return new DeliveryResult.Transient("io_error");
        }
    }

    /**
     * What an HTTP answer of {@code chat.postMessage} or {@code chat.update} means for the delivery worker. A transient error is one that
     * may have posted the message all the same: Slack says so of {@code internal_error} and {@code fatal_error}, and
     * a proxy's 5xx can't tell.
     */
    static DeliveryResult classify(int status, String retryAfter, String body) {
        if (status == 429) {
            return new DeliveryResult.RateLimited(retryAfter(retryAfter));
        }
        JsonNode answer = parse(body);
        if (status == 200) {
            if (answer == null) {
                return new DeliveryResult.Transient("invalid_response");
            }
            return answer.path("ok").asBoolean(false)
                    ? DeliveryResult.Sent.in(
                            answer.path("channel").asText(null),
                            answer.path("ts").asText(null))
                    : classify(answer.path("error").asText(null));
        }
        if (answer != null && answer.hasNonNull("error")) {
            return classify(answer.get("error").asText());
        }
        return status >= 500
                ? new DeliveryResult.Transient("http_" + status)
                : new DeliveryResult.Permanent("http_" + status);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            return answer != null && answer.isObject() ? answer : null;
        } catch (JsonProcessingException e) {
            return null;
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

    private static Duration retryAfter(String header) {
        if (header == null) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }
}
