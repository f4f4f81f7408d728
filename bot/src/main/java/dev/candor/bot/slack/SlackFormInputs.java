package dev.candor.bot.slack;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The element of each neutral input in a modal's input block, named by the input id. Ratings, moods and yes/no are
 * radio buttons, Slack's one choice element shown as a list rather than a menu; it takes at most ten options, so a
 * longer rating (NPS, 0–10) falls back to a select with the end words in its first and last options.
 */
final class SlackFormInputs {
    static final int MAX_PLACEHOLDER = 150;
    static final int MAX_TEXT_INPUT = 3000;
    static final int MAX_OPTIONS = 100;
    static final int MAX_RADIO_OPTIONS = 10;
    static final int MAX_OPTION_TEXT = 75;

    private SlackFormInputs() {}

    /** The element, or null when the input has nothing to offer (Slack refuses empty selects). */
    static BlockElement element(Form.Input input) {
        if (input instanceof Form.PeopleInput people) {
            return people(people);
        } else if (input instanceof Form.TextInput text) {
            return text(text);
        } else if (input instanceof Form.ChoiceInput choice) {
            return choices(choice);
        } else if (input instanceof Form.RatingInput rating) {
            return rating(rating);
        } else if (input instanceof Form.NumberInput number) {
            return number(number);
        } else if (input instanceof Form.DateInput date) {
            return DatePickerElement.builder()
                    .actionId(date.id())
                    .initialDate(blankToNull(date.initial()))
                    .build();
        } else if (input instanceof Form.TimeInput time) {
            return TimePickerElement.builder()
                    .actionId(time.id())
                    .initialTime(blankToNull(time.initial()))
                    .build();
        } else if (input instanceof Form.YesNoInput yesNo) {
            return radio(yesNo.id(), options(Form.YesNoInput.CHOICES), yesNo.initial());
        } else if (input instanceof Form.MoodInput mood) {
            return radio(mood.id(), options(Form.MoodInput.FACES), mood.initial());
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    private static BlockElement people(Form.PeopleInput people) {
        return MultiUsersSelectElement.builder()
                .actionId(people.id())
                .maxSelectedItems(people.max() > 0 ? people.max() : null)
                .initialUsers(
                        people.initial().isEmpty()
                                ? null
                                : people.initial().stream()
                                        .map(Mention::platformUserId)
                                        .distinct()
                                        .toList())
                .build();
    }

    private static BlockElement text(Form.TextInput text) {
        return PlainTextInputElement.builder()
                .actionId(text.id())
                .multiline(text.multiline())
                .maxLength(text.maxLength() > 0 ? Math.min(text.maxLength(), MAX_TEXT_INPUT) : null)
                .initialValue(blankToNull(text.initial()))
                .placeholder(
                        blankToNull(text.placeholder()) == null
                                ? null
                                : SlackRenderer.plain(SlackRenderer.truncate(text.placeholder(), MAX_PLACEHOLDER)))
                .build();
    }

    /** A select of the choices; none to choose from means no input at all. */
    private static BlockElement choices(Form.ChoiceInput choice) {
        List<OptionObject> options =
                options(choice.choices().subList(0, Math.min(choice.choices().size(), MAX_OPTIONS)));
        if (options.isEmpty()) {
            return null;
        }
        List<OptionObject> initial = options.stream()
                .filter(option -> choice.initial().contains(option.getValue()))
                .toList();
        if (choice.multiple()) {
            return MultiStaticSelectElement.builder()
                    .actionId(choice.id())
                    .options(options)
                    .initialOptions(initial.isEmpty() ? null : initial)
                    .build();
        }
        return StaticSelectElement.builder()
                .actionId(choice.id())
                .options(options)
                .initialOption(initial.isEmpty() ? null : initial.get(0))
                .build();
    }

    /** The numbers as radio buttons, the end words under the first and last; a select when they don't fit. */
    private static BlockElement rating(Form.RatingInput rating) {
        List<OptionObject> options = new ArrayList<>();
        boolean radio = rating.values().size() <= MAX_RADIO_OPTIONS;
        for (String value : rating.values()) {
            String word = blankToNull(rating.endLabel(value));
            OptionObject.OptionObjectBuilder option = OptionObject.builder().value(value);
            if (word == null) {
                option.text(SlackRenderer.plain(value));
            } else if (radio) {
                option.text(SlackRenderer.plain(value))
                        .description(SlackRenderer.plain(SlackRenderer.truncate(word, MAX_OPTION_TEXT)));
            } else {
                option.text(SlackRenderer.plain(SlackRenderer.truncate(value + " — " + word, MAX_OPTION_TEXT)));
            }
            options.add(option.build());
        }
        if (radio) {
            return radio(rating.id(), options, rating.initial());
        }
        return StaticSelectElement.builder()
                .actionId(rating.id())
                .options(options)
                .initialOption(initial(options, rating.initial()))
                .build();
    }

    private static BlockElement number(Form.NumberInput number) {
        return NumberInputElement.builder()
                .actionId(number.id())
                .decimalAllowed(number.decimals() > 0)
                .minValue(plain(number.min()))
                .maxValue(plain(number.max()))
                .initialValue(blankToNull(number.initial()))
                .build();
    }

    private static BlockElement radio(String id, List<OptionObject> options, String initial) {
        return RadioButtonsElement.builder()
                .actionId(id)
                .options(options)
                .initialOption(initial(options, initial))
                .build();
    }

    private static List<OptionObject> options(List<Form.Choice> choices) {
        return choices.stream()
                .map(choice -> OptionObject.builder()
                        .text(SlackRenderer.plain(SlackRenderer.truncate(choice.label(), MAX_OPTION_TEXT)))
                        .value(choice.value())
                        .build())
                .toList();
    }

    /** Slack requires the initial option to be one of the options, exactly. */
    private static OptionObject initial(List<OptionObject> options, String value) {
        return options.stream()
                .filter(option -> option.getValue().equals(value))
                .findFirst()
                .orElse(null);
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
