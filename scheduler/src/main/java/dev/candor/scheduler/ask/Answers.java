package dev.candor.scheduler.ask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A person's answer to a questionnaire: a value per answered question id, in the questionnaire's order. Optional
 * questions left empty have no entry.
 */
public record Answers(Map<String, Value> values) {

    public Answers {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** One question's answer. */
    public sealed interface Value {
        /** A scale, NPS or mood answer. */
        record Number(int value) implements Value {}

        /** The options chosen, by their text. */
        record Chosen(List<String> options) implements Value {
            public Chosen {
                options = List.copyOf(options);
            }
        }

        record Typed(String text) implements Value {}

        record YesNo(boolean yes) implements Value {}

        /** A {@link Question.Goals} answer: each item (a goal, by id) with the value and status given. */
        record Progress(List<Item> items) implements Value {
            public Progress {
                items = List.copyOf(items);
            }

            /** One item; {@code value} or {@code status} is null when left empty. */
            public record Item(String id, String value, String status) {}
        }
    }

    public OptionalInt number(String questionId) {
        return values.get(questionId) instanceof Value.Number number
                ? OptionalInt.of(number.value())
                : OptionalInt.empty();
    }

    public Optional<String> text(String questionId) {
        return values.get(questionId) instanceof Value.Typed typed ? Optional.of(typed.text()) : Optional.empty();
    }

    public List<String> chosen(String questionId) {
        return values.get(questionId) instanceof Value.Chosen chosen ? chosen.options() : List.of();
    }

    public Optional<Boolean> yes(String questionId) {
        return values.get(questionId) instanceof Value.YesNo yesNo ? Optional.of(yesNo.yes()) : Optional.empty();
    }

    /** The items of a {@link Question.Goals} answer; empty when it was left empty. */
    public List<Value.Progress.Item> progress(String questionId) {
        return values.get(questionId) instanceof Value.Progress progress ? progress.items() : List.of();
    }

    /** Checks what a form sent back against the questionnaire: the typed answer, or what to fix per question. */
    public static Check check(Questionnaire questionnaire, Map<String, List<String>> submitted) {
        return AnswerRules.check(questionnaire, submitted);
    }

    /** The answer as a form shows it again (see {@link AnswerRules#formValues}). */
    public Map<String, List<String>> formValues(Questionnaire questionnaire) {
        return AnswerRules.formValues(questionnaire, this);
    }

    /** What {@link #check} found. */
    public sealed interface Check {
        record Valid(Answers answers) implements Check {}

        /** @param errors what to fix, by question id (the form input's id) */
        record Invalid(Map<String, String> errors) implements Check {
            public Invalid {
                errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
            }
        }
    }
}
