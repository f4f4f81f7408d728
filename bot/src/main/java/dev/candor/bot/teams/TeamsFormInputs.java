package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Adaptive Card input of each neutral input. Ratings, moods and yes/no are expanded choice sets: every choice in
 * sight rather than a menu, the end words of a rating with its first and last number. Yes/no is not a toggle: a toggle
 * always answers, so "not answered" could not be told from "no". Required inputs get Teams' own check before anything
 * is sent, with a message that says what to do.
 */
final class TeamsFormInputs {
    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    /** "Searching the whole organisation works in 1:1 chats with bots, dialogs and tabs, not in chats or channels." */
    private static final String EVERYONE = "graph.microsoft.com/users";

    private static final String MEMBERS = "graph.microsoft.com/users?scope=currentContext";
    private static final int EXPANDED_CHOICES = 5;

    private TeamsFormInputs() {}

    /** @param value what the input shows, as Teams submitted it; null shows the form's initial value */
    static ObjectNode element(
            Form.Input input, String value, TeamsFormCard.Surface surface, TeamsFormCard.People known) {
        ObjectNode element =
                json.objectNode().put("type", type(input)).put("id", input.id()).put("label", input.label());
        if (input instanceof Form.TextInput text) {
            text(element, text, value);
        } else if (input instanceof Form.ChoiceInput choice) {
            choices(element, choice.choices(), choice.multiple(), value, String.join(",", choice.initial()));
            element.put("style", choice.choices().size() <= EXPANDED_CHOICES ? "expanded" : "compact");
        } else if (input instanceof Form.PeopleInput people) {
            people(element, people, value, surface, known);
        } else if (input instanceof Form.RatingInput rating) {
            choices(element, ratingChoices(rating), false, value, rating.initial());
        } else if (input instanceof Form.YesNoInput yesNo) {
            choices(element, Form.YesNoInput.CHOICES, false, value, yesNo.initial());
        } else if (input instanceof Form.MoodInput mood) {
            choices(element, Form.MoodInput.FACES, false, value, mood.initial());
        } else if (input instanceof Form.NumberInput number) {
            number(element, number, value);
        } else if (input instanceof Form.DateInput date) {
            shown(element, value, date.initial());
        } else if (input instanceof Form.TimeInput time) {
            shown(element, value, time.initial());
        }
        String message = errorMessage(input);
        if (input.required()) {
            element.put("isRequired", true);
        }
        if (message != null) {
            element.put("errorMessage", message);
        }
        return element;
    }

    private static String type(Form.Input input) {
        if (input instanceof Form.TextInput) {
            return "Input.Text";
        } else if (input instanceof Form.NumberInput) {
            return "Input.Number";
        } else if (input instanceof Form.DateInput) {
            return "Input.Date";
        } else if (input instanceof Form.TimeInput) {
            return "Input.Time";
        }
        return "Input.ChoiceSet";
    }

    /** What Teams says, before anything is sent, when an input is left empty (or a number is out of range). */
    private static String errorMessage(Form.Input input) {
        if (input instanceof Form.NumberInput number && (number.min() != null || number.max() != null)) {
            return "Please enter a number" + range(number) + ".";
        }
        if (!input.required()) {
            return null;
        }
        if (input instanceof Form.PeopleInput) {
            return "Please choose at least one person.";
        } else if (input instanceof Form.TextInput) {
            return "Please fill this in.";
        } else if (input instanceof Form.NumberInput) {
            return "Please enter a number.";
        } else if (input instanceof Form.DateInput) {
            return "Please pick a date.";
        } else if (input instanceof Form.TimeInput) {
            return "Please pick a time.";
        }
        return "Please choose one.";
    }

    private static String range(Form.NumberInput number) {
        if (number.min() != null && number.max() != null) {
            return " from " + number.min().toPlainString() + " to "
                    + number.max().toPlainString();
        }
        return number.min() != null
                ? " of at least " + number.min().toPlainString()
                : " of at most " + number.max().toPlainString();
    }

    private static void text(ObjectNode element, Form.TextInput input, String value) {
        element.put("isMultiline", input.multiline());
        if (input.placeholder() != null) {
            element.put("placeholder", input.placeholder());
        }
        if (input.maxLength() > 0) {
            element.put("maxLength", input.maxLength());
        }
        shown(element, value, input.initial());
    }

    private static void choices(
            ObjectNode element, List<Form.Choice> choices, boolean multiple, String value, String initial) {
        element.put("style", "expanded").put("isMultiSelect", multiple);
        ArrayNode options = element.putArray("choices");
        choices.forEach(
                choice -> options.addObject().put("title", choice.label()).put("value", choice.value()));
        shown(element, value, initial);
    }

    /** 1 — Not at all, 2, 3, 4, 5 — Completely. */
    private static List<Form.Choice> ratingChoices(Form.RatingInput rating) {
        List<Form.Choice> choices = new ArrayList<>();
        for (String value : rating.values()) {
            String word = rating.endLabel(value);
            choices.add(new Form.Choice(value, word == null || word.isBlank() ? value : value + " — " + word));
        }
        return choices;
    }

    /** Teams submits a number as text; shown again, it must be a JSON number or the card is refused. */
    private static void number(ObjectNode element, Form.NumberInput input, String value) {
        if (input.min() != null) {
            element.set("min", number(input.min()));
        }
        if (input.max() != null) {
            element.set("max", number(input.max()));
        }
        BigDecimal shown = TeamsCards.number(value != null ? value : input.initial());
        if (shown != null) {
            element.set("value", number(shown));
        }
    }

    /** Whole numbers as integers, others as decimals: never the exponent form a BigDecimal may print. */
    private static JsonNode number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? json.numberNode(plain.longValueExact())
                : json.numberNode(plain.doubleValue());
    }

    /**
     * The people already chosen, and the person filling in the form, are also static choices: the picker shows them
     * as profiles with that name (needed for people Candor knows without an object id, who are submitted with their
     * Teams id), and Adaptive Cards require a choice set to have at least one choice (Teams' own example has none,
     * which the Adaptive Cards validator refuses).
     */
    private static void people(
            ObjectNode element,
            Form.PeopleInput input,
            String value,
            TeamsFormCard.Surface surface,
            TeamsFormCard.People known) {
        element.put("isMultiSelect", input.max() > 1).put("placeholder", "Search for people");
        Map<String, String> choices = new LinkedHashMap<>();
        List<String> preselected = new ArrayList<>();
        for (Mention person : input.initial()) {
            String id = known.pickerId(person);
            choices.putIfAbsent(id, person.displayName());
            preselected.add(id);
        }
        choices.putIfAbsent(known.pickerId(known.self()), known.self().displayName());
        ArrayNode options = element.putArray("choices");
        choices.forEach((id, name) -> options.addObject().put("title", name).put("value", id));
        element.putObject("choices.data")
                .put("type", "Data.Query")
                .put("dataset", surface == TeamsFormCard.Surface.SHARED_CHAT ? MEMBERS : EVERYONE);
        shown(element, value, String.join(",", preselected));
    }

    private static void shown(ObjectNode element, String value, String initial) {
        String shown = value != null ? value : initial;
        if (shown != null && !shown.isEmpty()) {
            element.put("value", shown);
        }
    }
}
