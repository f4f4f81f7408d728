package dev.candor.bot.slack;

import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answers of a submitted modal, by block id (= the neutral input id): typed text and numbers, chosen users, chosen
 * option values (radio buttons too), picked dates and times. An input left empty has no answers.
 */
final class SlackFormValues {
    private SlackFormValues() {}

    static Map<String, List<String>> of(ViewState state) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, elements) -> {
            List<String> answers = new ArrayList<>();
            if (elements != null) {
                elements.values().forEach(value -> answers.addAll(answers(value)));
            }
            values.put(blockId, List.copyOf(answers));
        });
        return values;
    }

    private static List<String> answers(ViewState.Value value) {
        if (value == null) {
            return List.of();
        }
        List<String> answers = new ArrayList<>();
        if (value.getValue() != null) {
            answers.add(value.getValue());
        }
        if (value.getSelectedUsers() != null) {
            answers.addAll(value.getSelectedUsers());
        }
        if (value.getSelectedUser() != null) {
            answers.add(value.getSelectedUser());
        }
        if (value.getSelectedOptions() != null) {
            value.getSelectedOptions().stream()
                    .filter(Objects::nonNull)
                    .map(ViewState.SelectedOption::getValue)
                    .forEach(answers::add);
        }
        if (value.getSelectedOption() != null) {
            answers.add(value.getSelectedOption().getValue());
        }
        // A date picker answers yyyy-MM-dd, a time picker HH:mm: the neutral forms already.
        if (value.getSelectedDate() != null) {
            answers.add(value.getSelectedDate());
        }
        if (value.getSelectedTime() != null) {
            answers.add(value.getSelectedTime());
        }
        answers.removeIf(Objects::isNull);
        return answers;
    }
}
