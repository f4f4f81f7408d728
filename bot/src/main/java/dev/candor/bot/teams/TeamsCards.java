package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Inbound;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Candor's cards send back, as neutral requests: a button's {@code action} and {@code value}, or a form's
 * inputs beside its {@code formId}, {@code context} and the form itself. {@code Action.Submit} sends them as a message
 * whose value is the card's data, {@code Action.Execute} as an {@code adaptiveCard/action} invoke with a verb, a
 * message extension's dialog as {@code composeExtension/submitAction}.
 */
final class TeamsCards {
    private final TeamsPeople people;

    TeamsCards(TeamsPeople people) {
        this.people = people;
    }

    /**
     * One use of a card.
     *
     * @param inputs what each input held, as Teams sent it (comma-separated when several were chosen)
     * @param cardId the message holding the card, for replacing it; null in a dialog
     */
    record Submit(
            String formId,
            String actionId,
            String value,
            String context,
            Form form,
            Map<String, String> inputs,
            String cardId) {

        boolean isForm() {
            return formId != null;
        }

        /** The form as submitted, to draw again; null when the card carried none. */
        TeamsFormCard.Draft draft() {
            return form == null ? null : new TeamsFormCard.Draft(form, inputs, Map.of());
        }
    }

    /** An {@code Action.Submit}: a message without text whose value is the card's data. */
    static Optional<Submit> fromMessage(Activity activity) {
        return read(TeamsJson.tree(activity.getValue()), null, activity.getReplyToId());
    }

    /** An {@code Action.Execute}: the verb is the action or form id, the data as for {@code Action.Submit}. */
    static Optional<Submit> fromExecute(Activity activity) {
        JsonNode action = TeamsJson.tree(activity.getValue()).path("action");
        return read(action.path("data"), text(action.path("verb")), activity.getReplyToId());
    }

    /** A dialog's submit: its data, with no message to replace. */
    static Optional<Submit> fromDialog(Activity activity) {
        return read(TeamsJson.tree(activity.getValue()).path("data"), null, null);
    }

    private static Optional<Submit> read(JsonNode data, String verb, String cardId) {
        if (!data.isObject() && verb == null) {
            return Optional.empty();
        }
        Form form = TeamsFormJson.read(data.path(TeamsFormCard.FORM)).orElse(null);
        String formId = text(data.path(TeamsFormCard.FORM_ID));
        if (formId == null && form != null) {
            formId = verb != null ? verb : form.formId();
        }
        // Action.Execute names its action by verb; Action.Submit can only put it in the data.
        String actionId = formId != null ? null : Optional.ofNullable(verb).orElse(text(data.path("action")));
        if (formId == null && actionId == null) {
            return Optional.empty();
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        data.fields().forEachRemaining(field -> {
            if (!TeamsFormCard.RESERVED.contains(field.getKey())) {
                inputs.put(field.getKey(), inputText(field.getValue()));
            }
        });
        String context =
                Optional.ofNullable(text(data.path(TeamsFormCard.CONTEXT))).orElse("");
        return Optional.of(new Submit(formId, actionId, text(data.path("value")), context, form, inputs, cardId));
    }

    /** The neutral request; people picked by object id become Teams ids (looked up or provisioned). */
    Inbound inbound(TurnContext turn, Actor actor, ConversationRef where, Submit submit) {
        String sourceKey = sourceKey(turn.getActivity(), where, submit);
        if (!submit.isForm()) {
            return new Action(actor, where, submit.actionId(), submit.value(), submit.cardId(), sourceKey);
        }
        return new FormSubmission(
                actor, where, submit.formId(), values(turn, actor, submit), submit.context(), sourceKey);
    }

    private Map<String, List<String>> values(TurnContext turn, Actor actor, Submit submit) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (submit.form() == null) {
            submit.inputs().forEach((id, text) -> values.put(id, List.of(text)));
            return values;
        }
        for (Form.Input input : submit.form().inputs()) {
            String raw = submit.inputs().getOrDefault(input.id(), "");
            if (input instanceof Form.TextInput) {
                values.put(input.id(), List.of(raw));
            } else if (input instanceof Form.PeopleInput) {
                values.put(input.id(), people.platformIds(turn, actor, split(raw)));
            } else if (input instanceof Form.NumberInput) {
                values.put(input.id(), single(decimalText(raw)));
            } else if (input instanceof Form.DateInput || input instanceof Form.TimeInput) {
                // Input.Date answers yyyy-MM-dd, Input.Time HH:mm: the neutral forms already.
                values.put(input.id(), single(raw));
            } else {
                values.put(input.id(), split(raw));
            }
        }
        return values;
    }

    /**
     * The same card used twice with the same answers by the same person is one submission: a double click, Teams
     * trying a dialog again after five seconds. Teams gives each a new activity id, so the key is made from what was
     * sent, where, by whom and on which card.
     */
    static String sourceKey(Activity activity, ConversationRef where, Submit submit) {
        String card = submit.cardId() != null
                ? submit.cardId()
                : TeamsDialogs.SUBMIT_ACTION.equals(activity.getName()) ? "dialog" : String.valueOf(activity.getId());
        StringBuilder what = new StringBuilder()
                .append(where.conversationId())
                .append('\n')
                .append(card)
                .append('\n')
                .append(activity.getFrom().getId())
                .append('\n')
                .append(submit.isForm() ? "form " + submit.formId() : "action " + submit.actionId())
                .append('\n')
                .append(submit.context())
                .append('\n')
                .append(submit.value());
        new TreeMap<>(submit.inputs())
                .forEach((id, text) -> what.append('\n').append(id).append('=').append(text));
        return "teams:card:" + sha256(what.toString());
    }

    private static List<String> single(String raw) {
        return raw.isBlank() ? List.of() : List.of(raw.strip());
    }

    /** A number as plain decimal text ({@code 1E+3} → {@code 1000}); what isn't one is left for validation to name. */
    private static String decimalText(String raw) {
        BigDecimal number = number(raw);
        return number == null ? raw : number.toPlainString();
    }

    /** The number in a text, or null when it is empty or not one. */
    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> split(String raw) {
        return Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    private static String inputText(JsonNode value) {
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
            return joined.toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isNull() ? "" : value.asText();
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
