package dev.candor.bot.chat;

import java.util.List;

/**
 * A form for a person to fill in: a Slack modal, or a Teams Adaptive Card with inputs.
 *
 * @param formId {@code feature.verb}; the submission comes back with it
 * @param intro blocks shown above the inputs
 * @param context opaque text the submission hands back (e.g. the quoted message's id); keep it short
 */
public record Form(
        String formId, String title, String submitLabel, List<Block> intro, List<Input> inputs, String context) {

    public Form {
        intro = List.copyOf(intro);
        inputs = List.copyOf(inputs);
    }

    /** One field of a form. */
    public sealed interface Input {
        String id();

        String label();

        boolean required();
    }

    public record TextInput(
            String id,
            String label,
            String placeholder,
            boolean multiline,
            boolean required,
            String initial,
            int maxLength)
            implements Input {}

    /** Pick people of the organisation; the answer is their platform user ids. */
    public record PeopleInput(String id, String label, int max, boolean required, List<Mention> initial)
            implements Input {
        public PeopleInput {
            initial = List.copyOf(initial);
        }
    }

    public record ChoiceInput(
            String id, String label, List<Choice> choices, boolean multiple, boolean required, List<String> initial)
            implements Input {
        public ChoiceInput {
            choices = List.copyOf(choices);
            initial = List.copyOf(initial);
        }
    }

    public record Choice(String value, String label) {}
}
