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
 * A neutral {@link Form} as an Adaptive Card 1.5 with inputs ({@link TeamsFormInputs}) and one {@code Action.Submit}.
 * People are picked with Teams' people picker, an {@code Input.ChoiceSet} whose choices come from {@code Data.Query}
 * on the organisation's directory; it answers with Azure AD object ids, comma-separated when several people are
 * picked. Mistakes are shown under the input they concern, with what the person typed kept; an input's help under it.
 */
final class TeamsFormCard {
    /** Keys of the submit data; Teams merges the inputs into the same object, so no input may use them. */
    static final String FORM_ID = "formId";

    static final String CONTEXT = "context";
    static final String FORM = "form";
    static final Set<String> RESERVED = Set.of(FORM_ID, CONTEXT, FORM, "action", "value");

    private static final JsonNodeFactory json = JsonNodeFactory.instance;

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
            ObjectNode element = TeamsFormInputs.element(input, draft.values().get(input.id()), surface, known);
            if (form.drafts()) {
                // Teams checks required inputs before any submit, Save draft too: Candor checks them on Send instead
                element.remove("isRequired");
            }
            body.add(element);
            String error = draft.errors().get(input.id());
            if (error != null) {
                body.add(error(error));
            }
            if (input.help() != null && !input.help().isBlank()) {
                body.add(help(input.help()));
            }
        }
        ObjectNode card = TeamsRenderer.card(body, people);
        ArrayNode actions = json.arrayNode().add(submit(form));
        if (form.drafts()) {
            actions.add(saveDraft(form));
        }
        card.set("actions", actions);
        return card;
    }

    /** Under its input, small and muted, as Slack shows an input's hint. */
    private static ObjectNode help(String text) {
        return TeamsRenderer.textBlock(TeamsMarkdown.escape(text))
                .put("size", "Small")
                .put("isSubtle", true)
                .put("spacing", "None");
    }

    private static ObjectNode error(String message) {
        return TeamsRenderer.textBlock("⚠️ " + TeamsMarkdown.escape(message))
                .put("color", "Attention")
                .put("size", "Small")
                .put("spacing", "None");
    }

    /** Teams has no "closed unsent": a form that keeps drafts has a button to keep what is typed for later. */
    private static ObjectNode saveDraft(Form form) {
        ObjectNode action = json.objectNode().put("type", "Action.Submit").put("title", "Save draft");
        // no copy of the form: a draft is never refused with mistakes to draw again, the form is opened afresh
        action.putObject("data")
                .put(FORM_ID, form.formId() + Form.DRAFT)
                .put(CONTEXT, form.context() == null ? "" : form.context());
        return action;
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
