package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders neutral messages as Adaptive Cards 1.5, the highest version Teams renders for bots. People become real
 * Teams mentions: {@code <at>Name</at>} in the text plus an entry in the card's {@code msteams.entities}.
 */
final class TeamsRenderer {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private TeamsRenderer() {}

    static ObjectNode card(Message message) {
        Map<String, Span.PersonRef> people = new LinkedHashMap<>();
        return card(body(message.blocks(), people), people);
    }

    /** A card around a body; {@code people} are those its text mentions. */
    static ObjectNode card(ArrayNode body, Map<String, Span.PersonRef> people) {
        ObjectNode card = json.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION);
        card.set("body", body);
        card.set("msteams", msteams(people));
        return card;
    }

    /** The card elements for blocks; every person their text mentions is added to {@code people}. */
    static ArrayNode body(List<Block> blocks, Map<String, Span.PersonRef> people) {
        ArrayNode body = json.arrayNode();
        boolean separate = false;
        for (Block block : blocks) {
            if (block instanceof Block.Divider) {
                separate = !body.isEmpty();
                continue;
            }
            ObjectNode element = element(block, people);
            if (separate) {
                element.put("separator", true);
                separate = false;
            }
            body.add(element);
        }
        return body;
    }

    private static ObjectNode element(Block block, Map<String, Span.PersonRef> people) {
        if (block instanceof Block.Header header) {
            return textBlock(TeamsMarkdown.escape(header.text()))
                    .put("size", "Large")
                    .put("weight", "Bolder");
        } else if (block instanceof Block.Section section) {
            return textBlock(TeamsMarkdown.of(section.text(), people));
        } else if (block instanceof Block.Quote quote) {
            ObjectNode container = json.objectNode().put("type", "Container").put("style", "emphasis");
            container.set("items", json.arrayNode().add(textBlock(TeamsMarkdown.of(quote.text(), people))));
            return container;
        } else if (block instanceof Block.Fields fields) {
            return factSet(fields);
        } else if (block instanceof Block.Context context) {
            return textBlock(TeamsMarkdown.of(context.text(), people))
                    .put("size", "Small")
                    .put("isSubtle", true);
        } else if (block instanceof Block.Buttons buttons) {
            return actionSet(buttons);
        } else if (block instanceof Block.Progress progress) {
            return textBlock(progress(progress));
        } else if (block instanceof Block.Image image) {
            return json.objectNode()
                    .put("type", "Image")
                    .put("url", image.url())
                    .put("altText", image.altText());
        }
        throw new IllegalArgumentException("unknown block " + block);
    }

    static ObjectNode textBlock(String markdown) {
        return json.objectNode().put("type", "TextBlock").put("text", markdown).put("wrap", true);
    }

    /** Plain values: a fact set is a compact grid, not the place for mentions or formatting. */
    private static ObjectNode factSet(Block.Fields fields) {
        ArrayNode facts = json.arrayNode();
        for (Block.Field field : fields.fields()) {
            facts.add(json.objectNode()
                    .put("title", TeamsMarkdown.escape(field.label()))
                    .put("value", TeamsMarkdown.escape(field.value().plain())));
        }
        ObjectNode factSet = json.objectNode().put("type", "FactSet");
        factSet.set("facts", facts);
        return factSet;
    }

    /** Action.Submit posts its data back as a message activity with this value; Teams needs no invoke handling. */
    private static ObjectNode actionSet(Block.Buttons buttons) {
        ArrayNode actions = json.arrayNode();
        for (Block.Button button : buttons.buttons()) {
            ObjectNode action = json.objectNode().put("type", "Action.Submit").put("title", button.label());
            if (button.style() == Block.ButtonStyle.PRIMARY) {
                action.put("style", "positive");
            } else if (button.style() == Block.ButtonStyle.DANGER) {
                action.put("style", "destructive");
            }
            action.set(
                    "data", json.objectNode().put("action", button.actionId()).put("value", button.value()));
            actions.add(action);
        }
        ObjectNode actionSet = json.objectNode().put("type", "ActionSet");
        actionSet.set("actions", actions);
        return actionSet;
    }

    private static String progress(Block.Progress progress) {
        int total = Math.max(progress.total(), 1);
        int filled = Math.round(10f * Math.max(0, Math.min(progress.done(), total)) / total);
        return "**" + TeamsMarkdown.escape(progress.label()) + "**  " + "▓".repeat(filled) + "░".repeat(10 - filled)
                + "  " + progress.figure();
    }

    private static ObjectNode msteams(Map<String, Span.PersonRef> people) {
        ObjectNode msteams = json.objectNode().put("width", "Full");
        if (!people.isEmpty()) {
            ArrayNode entities = msteams.putArray("entities");
            for (Span.PersonRef person : people.values()) {
                ObjectNode entity =
                        entities.addObject().put("type", "mention").put("text", TeamsMarkdown.mentionText(person));
                entity.set(
                        "mentioned",
                        json.objectNode().put("id", person.platformUserId()).put("name", person.name()));
            }
        }
        return msteams;
    }
}
