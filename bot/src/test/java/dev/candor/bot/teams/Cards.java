package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reading the cards Candor sends and filling them in the way Teams clients do. */
final class Cards {
    private static final ObjectMapper mapper = new ObjectMapper();

    private Cards() {}

    /** The Adaptive Card an activity posted to the Bot Connector carries. */
    static JsonNode of(LoggedRequest request) {
        return of(FakeBotFramework.json(request));
    }

    static JsonNode of(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        return attachment.path("content");
    }

    /** What Teams sends when the card's submit button is used: its data with each input's value beside it. */
    static ObjectNode filledIn(JsonNode card, Map<String, String> inputs) {
        ObjectNode value = card.path("actions").get(0).path("data").deepCopy();
        inputs.forEach(value::put);
        return value;
    }

    /** What Teams sends when the card's button with this title is used: its data with each input's value. */
    static ObjectNode filledIn(JsonNode card, String button, Map<String, String> inputs) {
        for (JsonNode action : card.path("actions")) {
            if (button.equals(action.path("title").asText())) {
                ObjectNode value = action.path("data").deepCopy();
                inputs.forEach(value::put);
                return value;
            }
        }
        throw new AssertionError("no button " + button + " in " + card);
    }

    /** An input of a card's body by id. */
    static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("no input " + id + " in " + card);
    }

    /** The requests among these whose body mentions the text. */
    static List<LoggedRequest> saying(List<LoggedRequest> requests, String text) {
        return requests.stream()
                .filter(request -> request.getBodyAsString().contains(text))
                .toList();
    }

    static JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Teams sends: every input's value as the card shows it, changed where {@code changes} says. */
    static com.fasterxml.jackson.databind.node.ObjectNode asFilled(
            com.fasterxml.jackson.databind.JsonNode card, java.util.Map<String, String> changes) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode element : card.path("body")) {
            if (element.has("id") && element.has("value")) {
                values.put(element.path("id").asText(), element.path("value").asText());
            }
        }
        values.putAll(changes);
        return filledIn(card, values);
    }
}
