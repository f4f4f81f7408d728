package dev.candor.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import dev.candor.storage.outbox.OutboxMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Finds whether an outbox message in doubt is already in its conversation: every message Candor posts carries its
 * outbox key in its metadata ({@link #metadata}), and {@code conversations.history} returns it with
 * {@code include_all_metadata}. Reads only the messages since the doubtful send started (less a margin for clock
 * differences), a few pages at most. Needs the {@code *:history} scope of the conversation's type. A message in a
 * thread is looked for among the thread's replies ({@code conversations.replies}), which the history leaves out.
 */
final class SlackHistory {
    static final String EVENT_TYPE = "candor_outbox";
    /** Candor's and Slack's clocks may differ; a message stamped a little before our send started must count. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MethodsClient client;
    private final String botToken;

    SlackHistory(MethodsClient client, String botToken) {
        this.client = client;
        this.botToken = botToken;
    }

    /** What the lookup found. */
    sealed interface Lookup {
        /** The message is there: its {@code ts}, in {@code channel}. */
        record Found(String ts, String channel) implements Lookup {}

        record NotFound() implements Lookup {}

        /** Slack asked to wait before the next call. */
        record RateLimited(Duration retryAfter) implements Lookup {}

        /** Slack would not say (a missing scope, not a member, an error): a short snake_case code. */
        record Unchecked(String reason) implements Lookup {}
    }

    /** The key a message carries in its metadata: unique across organisations that share one conversation id. */
    static String key(OutboxMessage message) {
        return message.orgId() + ":" + message.idempotencyKey();
    }

    /** {@code chat.postMessage}'s {@code metadata}: a JSON string of {@code event_type} and {@code event_payload}. */
    static String metadata(OutboxMessage message) {
        var metadata = JSON.createObjectNode().put("event_type", EVENT_TYPE);
        metadata.putObject("event_payload").put("key", key(message));
        return metadata.toString();
    }

    /** @param channel the conversation it was posted to: for a DM, the user's DM channel */
    Lookup find(OutboxMessage message, String channel) {
        try {
            return search(channel, message.threadId(), key(message), oldest(message.inDoubtSince()));
        } catch (IOException e) {
            return new Lookup.Unchecked("history_io_error");
        }
    }

    private Lookup search(String channel, String thread, String key, String oldest) throws IOException {
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            FormBody.Builder form = new FormBody.Builder().add("channel", channel);
            if (thread != null) {
                form.add("ts", thread);
            }
            form.add("oldest", oldest)
                    .add("inclusive", "true")
                    .add("include_all_metadata", "true")
                    .add("limit", String.valueOf(PAGE_SIZE));
            if (!cursor.isEmpty()) {
                form.add("cursor", cursor);
            }
            Answer answer = call(thread == null ? Methods.CONVERSATIONS_HISTORY : Methods.CONVERSATIONS_REPLIES, form);
            if (answer.lookup != null) {
                return answer.lookup;
            }
            for (JsonNode posted : answer.body.path("messages")) {
                JsonNode metadata = posted.path("metadata");
                if (EVENT_TYPE.equals(metadata.path("event_type").asText())
                        && key.equals(metadata.path("event_payload").path("key").asText())) {
                    return new Lookup.Found(posted.path("ts").asText(null), channel);
                }
            }
            cursor = answer.body.path("response_metadata").path("next_cursor").asText("");
            if (cursor.isEmpty()) {
                return new Lookup.NotFound();
            }
        }
        // Hundreds of messages in a few minutes: a duplicate would drown in them, and reading on costs rate limit.
        return new Lookup.Unchecked("history_too_long");
    }

    /** Slack's answer: the body when {@code ok}, else what that means for the lookup. */
    private record Answer(JsonNode body, Lookup lookup) {}

    private Answer call(String method, FormBody.Builder form) throws IOException {
        try (Response response = client.runPostFormWithToken(form, method, botToken)) {
            if (response.code() == 429) {
                return new Answer(null, new Lookup.RateLimited(retryAfter(response.header("Retry-After"))));
            }
            ResponseBody body = response.body();
            JsonNode answer = JSON.readTree(body == null ? "" : body.string());
            if (answer == null || !answer.isObject()) {
                return new Answer(null, new Lookup.Unchecked("history_http_" + response.code()));
            }
            if (!answer.path("ok").asBoolean(false)) {
                String error = answer.path("error").asText("unknown_error");
                return new Answer(
                        null,
                        error.equals("ratelimited")
                                ? new Lookup.RateLimited(Duration.ofSeconds(1))
                                : new Lookup.Unchecked(error));
            }
            return new Answer(answer, null);
        } catch (JsonProcessingException e) {
            return new Answer(null, new Lookup.Unchecked("history_invalid_response"));
        }
    }

    /** A Slack timestamp: seconds and microseconds since the epoch. */
    static String oldest(Instant inDoubtSince) {
        Instant from = inDoubtSince.minus(CLOCK_MARGIN);
        return String.format(Locale.ROOT, "%d.%06d", from.getEpochSecond(), from.getNano() / 1_000);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }
}
