package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A neutral {@link Form} as an Adaptive Card 1.5 with inputs and one {@code Action.Submit}. People are picked with
 * Teams' people picker, an {@code Input.ChoiceSet} whose choices come from {@code Data.Query} on the organisation's
 * directory; it answers with Azure AD object ids, comma-separated when several people are picked. Mistakes are shown
 * under the input they concern, with what the person typed kept.
 */
final class TeamsFormCard {
    /** Keys of the submit data; Teams merges the inputs into the same object, so no input may use them. */
    static final String FORM_ID = "formId";

    static final String CONTEXT = "context";
    static final String FORM = "form";
    static final Set<String> RESERVED = Set.of(FORM_ID, CONTEXT, FORM, "action", "value");

    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    /** "Searching the whole organisation works in 1:1 chats with bots, dialogs and tabs, not in chats or channels." */
    private static final String EVERYONE = "graph.microsoft.com/users";

    private static final String MEMBERS = "graph.microsoft.com/users?scope=currentContext";
    private static final int EXPANDED_CHOICES = 5;

    private TeamsFormCard() {}

    /**
     * @param values what each input shows, as Teams submits it (comma-separated for several choices or people); an
     *     input without an entry shows the form's initial value
     * @param errors a message per input id; others are shown above the inputs
     */
    record Draft(Form form, Map<String, String> values, Map<String, String> errors) {
        Draft {
            values = Map.copyOf(values);
            errors = Map.copyOf(errors);
        }

        static Draft of(Form form) {
            return new Draft(form, Map.of(), Map.of());
        }
    }

    /** Where the card is shown: in a conversation (with the form's title on top) or in a dialog that has its own. */
    enum Surface {
        PERSONAL_CHAT,
        SHARED_CHAT,
        DIALOG
    }

    /**
     * How the people picker names people: by Azure AD object id where Candor knows it, else by Teams id.
     *
     * @param self the person the form is for
     * @param objectIds a person's object id, or null when Candor doesn't know it
     */
    record People(Mention self, Function<Mention, String> objectIds) {
        String pickerId(Mention person) {
            String objectId = objectIds.apply(person);
            return objectId != null ? objectId : person.platformUserId();
        }
    }

    static ObjectNode card(Draft draft, Surface surface, People known) {
        Form form = draft.form();
        Map<String, Span.PersonRef> people = new LinkedHashMap<>();
        List<Block> intro = new ArrayList<>();
        if (surface != Surface.DIALOG) {
            intro.add(new Block.Header(form.title()));
        }
        intro.addAll(form.intro());
        ArrayNode body = TeamsRenderer.body(intro, people);
        draft.errors().entrySet().stream()
                .filter(error -> form.inputs().stream().noneMatch(in -> in.id().equals(error.getKey())))
                .forEach(error -> body.add(error(error.getValue())));
        for (Form.Input input : form.inputs()) {
            if (RESERVED.contains(input.id())) {
                throw new IllegalArgumentException("form input id " + input.id() + " is reserved in Teams cards");
            }
            body.add(input(input, draft.values().get(input.id()), surface, known));
            String error = draft.errors().get(input.id());
            if (error != null) {
                body.add(error(error));
            }
        }
        ObjectNode card = TeamsRenderer.card(body, people);
        card.set("actions", json.arrayNode().add(submit(form)));
        return card;
    }

    private static ObjectNode input(Form.Input input, String value, Surface surface, People known) {
        ObjectNode element = json.objectNode()
                .put("type", input instanceof Form.TextInput ? "Input.Text" : "Input.ChoiceSet")
                .put("id", input.id())
                .put("label", input.label());
        if (input instanceof Form.TextInput text) {
            text(element, text, value);
        } else if (input instanceof Form.ChoiceInput choice) {
            choices(element, choice, value);
        } else {
            people(element, (Form.PeopleInput) input, value, surface, known);
        }
        if (input.required()) {
            element.put("isRequired", true).put("errorMessage", required(input));
        }
        return element;
    }

    /** What Teams says, before anything is sent, when a required input is left empty. */
    private static String required(Form.Input input) {
        if (input instanceof Form.PeopleInput) {
            return "Please choose at least one person.";
        }
        return input instanceof Form.ChoiceInput ? "Please choose one." : "Please fill this in.";
    }

    private static void text(ObjectNode element, Form.TextInput input, String value) {
        element.put("isMultiline", input.multiline());
        if (input.placeholder() != null) {
            element.put("placeholder", input.placeholder());
        }
        if (input.maxLength() > 0) {
            element.put("maxLength", input.maxLength());
        }
        String shown = value != null ? value : input.initial();
        if (shown != null && !shown.isEmpty()) {
            element.put("value", shown);
        }
    }

    private static void choices(ObjectNode element, Form.ChoiceInput input, String value) {
        element.put("style", input.choices().size() <= EXPANDED_CHOICES ? "expanded" : "compact")
                .put("isMultiSelect", input.multiple());
        ArrayNode choices = element.putArray("choices");
        input.choices()
                .forEach(choice ->
                        choices.addObject().put("title", choice.label()).put("value", choice.value()));
        String shown = value != null ? value : String.join(",", input.initial());
        if (!shown.isEmpty()) {
            element.put("value", shown);
        }
    }

    /**
     * The people already chosen, and the person filling in the form, are also static choices: the picker shows them
     * as profiles with that name (needed for people Candor knows without an object id, who are submitted with their
     * Teams id), and Adaptive Cards require a choice set to have at least one choice (Teams' own example has none,
     * which the Adaptive Cards validator refuses).
     */
    private static void people(
            ObjectNode element, Form.PeopleInput input, String value, Surface surface, People known) {
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
                .put("dataset", surface == Surface.SHARED_CHAT ? MEMBERS : EVERYONE);
        String shown = value != null ? value : String.join(",", preselected);
        if (!shown.isEmpty()) {
            element.put("value", shown);
        }
    }

    private static ObjectNode error(String message) {
        return TeamsRenderer.textBlock("⚠️ " + TeamsMarkdown.escape(message))
                .put("color", "Attention")
                .put("size", "Small")
                .put("spacing", "None");
    }

    private static ObjectNode submit(Form form) {
        ObjectNode action = json.objectNode()
                .put("type", "Action.Submit")
                .put("title", form.submitLabel())
                .put("style", "positive");
        action.putObject("data")
                .put(FORM_ID, form.formId())
                .put(CONTEXT, form.context() == null ? "" : form.context())
                .set(FORM, TeamsFormJson.write(form));
        return action;
    }
}
