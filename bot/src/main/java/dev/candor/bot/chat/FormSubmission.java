package dev.candor.bot.chat;

import dev.candor.storage.StorableText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filled-in {@link Form} (Slack {@code view_submission}, a Teams card submit).
 *
 * @param where the conversation the form was opened from
 * @param values answers by input id: one entry for text, platform user ids for people, option values for choices
 * @param context what the form was opened with ({@link Form#context()}), handed back unchanged
 * @param replyUrl where the platform lets Candor answer in {@code where} later (the Slack response_url of the
 *     command or shortcut that opened the form), or null
 */
public record FormSubmission(
        Actor actor,
        ConversationRef where,
        String formId,
        Map<String, List<String>> values,
        String context,
        String sourceKey,
        String replyUrl)
        implements Inbound {

    public FormSubmission {
        values = cleaned(values);
        context = StorableText.clean(context);
    }

    public FormSubmission(
            Actor actor,
            ConversationRef where,
            String formId,
            Map<String, List<String>> values,
            String context,
            String sourceKey) {
        this(actor, where, formId, values, context, sourceKey, null);
    }

    /** Answers as PostgreSQL can store them; an answer that is null is dropped. */
    private static Map<String, List<String>> cleaned(Map<String, List<String>> values) {
        Map<String, List<String>> cleaned = new LinkedHashMap<>();
        values.forEach((input, answers) -> cleaned.put(
                StorableText.clean(input),
                answers == null
                        ? List.of()
                        : answers.stream()
                                .filter(Objects::nonNull)
                                .map(StorableText::clean)
                                .toList()));
        return Map.copyOf(cleaned);
    }

    /**
     * The day picked in a date input; null when none was (or what came can't be read as one, which is noted in
     * {@code errors} under the input's id).
     */
    public java.time.LocalDate date(String inputId, Map<String, String> errors) {
        String text = text(inputId);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            errors.put(inputId, "Pick a day from the calendar.");
            return null;
        }
    }

    /** The text typed into an input, trimmed, or "" when empty. */
    public String text(String inputId) {
        List<String> answer = values.getOrDefault(inputId, List.of());
        return answer.isEmpty() || answer.get(0) == null ? "" : answer.get(0).strip();
    }

    /** Everything chosen in an input (people, options), in order. */
    public List<String> chosen(String inputId) {
        return values.getOrDefault(inputId, List.of());
    }
}
