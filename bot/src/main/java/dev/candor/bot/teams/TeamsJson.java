package dev.candor.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import dev.candor.storage.StorableText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON through the SDK's own mapper ({@link Serialization}), so activities and conversation references read and
 * write exactly as the Bot Framework expects.
 */
final class TeamsJson {
    private TeamsJson() {}

    /** The activity in a request body; empty when the body is not JSON or not an object. */
    static Optional<Activity> activity(String body) {
        try {
            JsonNode tree = body == null ? null : Serialization.jsonToTree(body);
            if (tree == null || !tree.isObject()) {
                return Optional.empty();
            }
            return Optional.ofNullable(Serialization.treeToValue(tree, Activity.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String write(Object value) {
        try {
            return Serialization.toString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * A value as JSON that PostgreSQL's {@code jsonb} accepts: every string cleaned by {@link StorableText#clean}, since
     * a name with a NUL would otherwise be written as the {@code \u0000} escape that {@code jsonb} refuses.
     */
    static String writeStorable(Object value) {
        JsonNode tree = Serialization.objectToTree(value);
        clean(tree);
        return write(tree);
    }

    private static void clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                object.remove(name);
                object.set(
                        StorableText.clean(name),
                        child.isTextual() ? TextNode.valueOf(StorableText.clean(child.asText())) : child);
                clean(child);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, TextNode.valueOf(StorableText.clean(child.asText())));
                } else {
                    clean(child);
                }
            }
        }
    }

    /** A stored reference; empty when the row holds none (Slack rows hold {@code {}}) or it cannot be read. */
    static Optional<ConversationReference> reference(String json) {
        try {
            JsonNode tree = Serialization.jsonToTree(json);
            ConversationReference reference = Serialization.treeToValue(tree, ConversationReference.class);
            boolean usable = reference != null
                    && reference.getServiceUrl() != null
                    && reference.getConversation() != null
                    && reference.getConversation().getId() != null;
            return usable ? Optional.of(reference) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Any SDK value (channelData arrives as a Map or a tree) as a tree; missing when null. */
    static JsonNode tree(Object value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            return Serialization.objectToTree(value);
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }
}
