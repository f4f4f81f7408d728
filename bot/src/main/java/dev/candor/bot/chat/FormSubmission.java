package dev.candor.bot.chat;

import java.util.List;
import java.util.Map;

/**
 * A filled-in {@link Form} (Slack {@code view_submission}, a Teams card submit).
 *
 * @param where the conversation the form was opened from
 * @param values answers by input id: one entry for text, platform user ids for people, option values for choices
 * @param context what the form was opened with ({@link Form#context()}), handed back unchanged
 */
public record FormSubmission(
        Actor actor,
        ConversationRef where,
        String formId,
        Map<String, List<String>> values,
        String context,
        String sourceKey)
        implements Inbound {

    public FormSubmission {
        values = Map.copyOf(values);
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
