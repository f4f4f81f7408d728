package dev.candor.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import java.util.Locale;

/**
 * Where a modal was opened from, carried in the view's {@code private_metadata} (Slack hands it back unchanged
 * with the submission): the conversation, the form's own context string, and the {@code response_url} of the
 * command or shortcut that opened it, so that a post can still reach a conversation the bot is not in.
 *
 * @param where the conversation, or null when the form was not opened from one (App Home)
 */
record SlackOrigin(ConversationRef where, String context, String replyUrl) {
    /** Slack's limit for {@code private_metadata}. */
    static final int MAX_METADATA = 3000;

    private static final ObjectMapper json = new ObjectMapper();

    /**
     * The metadata as JSON within Slack's limit. The reply URL is only a fallback, so it is dropped when the
     * context needs the room; a context that cannot fit at all is a bug in the feature that made the form.
     */
    String encode() {
        String full = write(true);
        if (full.length() <= MAX_METADATA) {
            return full;
        }
        String withoutReplyUrl = write(false);
        if (withoutReplyUrl.length() <= MAX_METADATA) {
            return withoutReplyUrl;
        }
        throw new IllegalArgumentException("form context too long for Slack's private_metadata: "
                + (context == null ? 0 : context.length()) + " characters");
    }

    /** Reads metadata Candor wrote; anything else (empty, foreign, tampered) is an origin without details. */
    static SlackOrigin decode(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return new SlackOrigin(null, null, null);
        }
        try {
            JsonNode node = json.readTree(metadata);
            String channel = text(node, "channel");
            ConversationRef where = channel == null
                    ? null
                    : new ConversationRef(Platform.SLACK, channel, kind(text(node, "kind")), text(node, "thread"));
            return new SlackOrigin(where, text(node, "context"), text(node, "reply_url"));
        } catch (JsonProcessingException e) {
            return new SlackOrigin(null, null, null);
        }
    }

    /** The conversation, or the person's DM with the app when the form came from nowhere in particular. */
    ConversationRef whereOr(String userId) {
        return where != null ? where : new ConversationRef(Platform.SLACK, userId, ConversationKind.DM, null);
    }

    private String write(boolean withReplyUrl) {
        ObjectNode node = json.createObjectNode();
        if (where != null) {
            node.put("channel", where.conversationId());
            node.put("kind", where.kind().dbValue());
            if (where.threadId() != null) {
                node.put("thread", where.threadId());
            }
        }
        if (context != null && !context.isEmpty()) {
            node.put("context", context);
        }
        if (withReplyUrl && replyUrl != null) {
            node.put("reply_url", replyUrl);
        }
        return node.toString();
    }

    private static ConversationKind kind(String value) {
        try {
            return value == null ? ConversationKind.CHANNEL : ConversationKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ConversationKind.CHANNEL;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
