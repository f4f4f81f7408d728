package dev.candor.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What Slack sends as a modal's {@code view.state.values} when it is submitted, for tests that fill in forms. */
final class ModalState {
    private static final ObjectMapper json = new ObjectMapper();

    private ModalState() {}

    /** Slack's state for the view's inputs: each one's initial value, or the change; written as its type is. */
    static ObjectNode of(JsonNode view, Map<String, String> changes) {
        ObjectNode state = json.createObjectNode();
        for (JsonNode block : view.get("blocks")) {
            if (!"input".equals(block.path("type").asText())) {
                continue;
            }
            String id = block.path("block_id").asText();
            JsonNode element = block.path("element");
            String type = element.path("type").asText();
            ObjectNode value = state.putObject(id)
                    .putObject(element.path("action_id").asText())
                    .put("type", type);
            String change = changes.get(id);
            switch (type) {
                case "plain_text_input", "number_input" ->
                    value.put(
                            "value",
                            change != null
                                    ? change
                                    : element.path("initial_value").asText(null));
                case "timepicker" ->
                    value.put(
                            "selected_time",
                            change != null
                                    ? change
                                    : element.path("initial_time").asText());
                case "datepicker" ->
                    value.put(
                            "selected_date",
                            change != null
                                    ? change
                                    : element.path("initial_date").asText(null));
                case "multi_users_select" -> {
                    ArrayNode users = value.putArray("selected_users");
                    if (change != null) {
                        // several people as "U01,U02"
                        for (String user : change.split(",")) {
                            users.add(user.strip());
                        }
                    } else {
                        element.path("initial_users").forEach(users::add);
                    }
                }
                case "checkboxes", "multi_static_select" -> {
                    ArrayNode options = value.putArray("selected_options");
                    if (change != null) {
                        options.addObject().put("value", change);
                    } else {
                        element.path("initial_options").forEach(options::add);
                    }
                }
                default -> {
                    String chosen = change != null
                            ? change
                            : element.path("initial_option").path("value").asText(null);
                    if (chosen != null) {
                        value.putObject("selected_option").put("value", chosen);
                    } else {
                        value.putNull("selected_option");
                    }
                }
            }
        }
        return state;
    }
}
