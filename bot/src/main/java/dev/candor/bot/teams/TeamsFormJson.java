package dev.candor.bot.teams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Form;
import java.util.Optional;

/**
 * A neutral {@link Form} as JSON inside its own card's submit data. Teams hands a card's data back with every submit
 * but never the card itself, and a Slack modal stays open on errors while a Teams card must be drawn again: carrying
 * the form keeps Candor stateless across nodes and restarts. The client could change it, but only to redraw its own
 * form differently; routing uses the form id and context, which Slack's modals trust just as much.
 */
final class TeamsFormJson {
    private static final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(Form.Input.class, InputTypes.class)
            .addMixIn(Form.class, FormDrafts.class);

    private TeamsFormJson() {}

    static ObjectNode write(Form form) {
        return mapper.valueToTree(form);
    }

    /** The form in a card's data; empty when there is none or it cannot be read. */
    static Optional<Form> read(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.treeToValue(json, Form.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A form's drafts flag only when set: the card of a form without drafts carries what it always did. */
    private interface FormDrafts {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean drafts();
    }

    /** Names the input kinds in the JSON, without annotating the neutral model for one adapter's sake. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "input")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Form.TextInput.class, name = "text"),
        @JsonSubTypes.Type(value = Form.PeopleInput.class, name = "people"),
        @JsonSubTypes.Type(value = Form.ChoiceInput.class, name = "choice"),
        @JsonSubTypes.Type(value = Form.RatingInput.class, name = "rating"),
        @JsonSubTypes.Type(value = Form.NumberInput.class, name = "number"),
        @JsonSubTypes.Type(value = Form.DateInput.class, name = "date"),
        @JsonSubTypes.Type(value = Form.TimeInput.class, name = "time"),
        @JsonSubTypes.Type(value = Form.YesNoInput.class, name = "yes_no"),
        @JsonSubTypes.Type(value = Form.MoodInput.class, name = "mood")
    })
    private interface InputTypes {}
}
