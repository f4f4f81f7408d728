package dev.candor.bot.chat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A form for a person to fill in: a Slack modal, or a Teams Adaptive Card with inputs. What each input answers comes
 * back in {@link FormSubmission#values()} as text: see each input for the form of its answer.
 *
 * @param formId {@code feature.verb}; the submission comes back with it
 * @param intro blocks shown above the inputs
 * @param context opaque text the submission hands back (e.g. the quoted message's id); keep it short
 * @param drafts whether its values come back as a draft when closed unsent (see {@link #withDrafts})
 */
public record Form(
        String formId,
        String title,
        String submitLabel,
        List<Block> intro,
        List<Input> inputs,
        String context,
        boolean drafts) {

    /** The id a form's draft comes back with: its own id and this suffix. */
    public static final String DRAFT = ".draft";

    public Form {
        intro = List.copyOf(intro);
        inputs = List.copyOf(inputs);
    }

    public Form(
            String formId, String title, String submitLabel, List<Block> intro, List<Input> inputs, String context) {
        this(formId, title, submitLabel, intro, inputs, context, false);
    }

    /**
     * The same form, whose values come back as a draft ({@code formId + DRAFT}) when the person closes it unsent
     * (Slack) or saves it for later (Teams' Save draft), so that a long answer is never lost.
     */
    public Form withDrafts() {
        return new Form(formId, title, submitLabel, intro, inputs, context, true);
    }

    /** One field of a form. Its {@code initial} value, where it has one, is written as its answer would be. */
    public sealed interface Input
            permits TextInput,
                    PeopleInput,
                    ChoiceInput,
                    RatingInput,
                    NumberInput,
                    DateInput,
                    TimeInput,
                    YesNoInput,
                    MoodInput {
        String id();

        String label();

        boolean required();

        /** A short explanation shown under the input, or null. */
        String help();
    }

    /** Typed text; the answer is the text as typed. */
    public record TextInput(
            String id,
            String label,
            String placeholder,
            boolean multiline,
            boolean required,
            String initial,
            int maxLength,
            String help)
            implements Input {

        public TextInput(
                String id,
                String label,
                String placeholder,
                boolean multiline,
                boolean required,
                String initial,
                int maxLength) {
            this(id, label, placeholder, multiline, required, initial, maxLength, null);
        }
    }

    /** Pick people of the organisation; the answer is their platform user ids. */
    public record PeopleInput(String id, String label, int max, boolean required, List<Mention> initial, String help)
            implements Input {
        public PeopleInput {
            initial = List.copyOf(initial);
        }

        public PeopleInput(String id, String label, int max, boolean required, List<Mention> initial) {
            this(id, label, max, required, initial, null);
        }
    }

    /** Pick one or several options; the answer is the chosen options' values. */
    public record ChoiceInput(
            String id,
            String label,
            List<Choice> choices,
            boolean multiple,
            boolean required,
            List<String> initial,
            String help)
            implements Input {
        public ChoiceInput {
            choices = List.copyOf(choices);
            initial = List.copyOf(initial);
        }

        public ChoiceInput(
                String id,
                String label,
                List<Choice> choices,
                boolean multiple,
                boolean required,
                List<String> initial) {
            this(id, label, choices, multiple, required, initial, null);
        }
    }

    public record Choice(String value, String label) {
        /** The days of the week, Monday first, each answering as {@link #weekday}. */
        public static final List<Choice> WEEKDAYS = Arrays.stream(DayOfWeek.values())
                .map(day -> new Choice(weekday(day), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toList();

        /** A day's value among {@link #WEEKDAYS}: its lower-case English name, e.g. {@code friday}. */
        public static String weekday(DayOfWeek day) {
            return day.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A rating from {@code min} to {@code max} (1–5 for a scale, 0–10 for NPS), shown as a row of choices with a word
     * at each end ("Not at all" … "Completely"), never as a dropdown where the platform allows otherwise. The answer
     * is the number chosen, e.g. {@code "4"}.
     */
    public record RatingInput(
            String id,
            String label,
            int min,
            int max,
            String minLabel,
            String maxLabel,
            boolean required,
            String initial,
            String help)
            implements Input {
        /** NPS: 0 to 10. */
        public static final int MAX_CHOICES = 11;

        public RatingInput {
            if (max <= min || max - min + 1 > MAX_CHOICES) {
                throw new IllegalArgumentException(
                        "a rating has 2 to " + MAX_CHOICES + " choices, not " + min + "–" + max);
            }
        }

        /** Every value that can be chosen, lowest first. */
        public List<String> values() {
            return IntStream.rangeClosed(min, max).mapToObj(String::valueOf).toList();
        }

        /** The word shown with a value: the end labels at both ends, nothing in between. */
        public String endLabel(String value) {
            if (value.equals(String.valueOf(min))) {
                return minLabel;
            }
            return value.equals(String.valueOf(max)) ? maxLabel : null;
        }
    }

    /**
     * A number typed in, within {@code min} and {@code max} where they are not null, with at most {@code decimals}
     * digits after the point (0: whole numbers). The answer is the number as decimal text, e.g. {@code "7.5"}.
     */
    public record NumberInput(
            String id,
            String label,
            BigDecimal min,
            BigDecimal max,
            int decimals,
            boolean required,
            String initial,
            String help)
            implements Input {}

    /** A day picked from a calendar; the answer is ISO {@code yyyy-MM-dd}. */
    public record DateInput(String id, String label, boolean required, String initial, String help) implements Input {}

    /** A time of day; the answer is {@code HH:mm} (24 hours). */
    public record TimeInput(String id, String label, boolean required, String initial, String help) implements Input {}

    /** Yes or no, as two choices; the answer is {@code yes} or {@code no}. */
    public record YesNoInput(String id, String label, boolean required, String initial, String help) implements Input {
        public static final String YES = "yes";
        public static final String NO = "no";
        public static final List<Choice> CHOICES = List.of(new Choice(YES, "Yes"), new Choice(NO, "No"));
    }

    /** How someone feels, as five faces from awful to great; the answer is {@code 1} to {@code 5}. */
    public record MoodInput(String id, String label, boolean required, String initial, String help) implements Input {
        public static final List<Choice> FACES = List.of(
                new Choice("1", "😫 Awful"),
                new Choice("2", "🙁 Not great"),
                new Choice("3", "😐 Okay"),
                new Choice("4", "🙂 Good"),
                new Choice("5", "😄 Great"));
    }
}
