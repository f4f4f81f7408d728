package dev.candor.bot.pulse;

import dev.candor.bot.ask.AskForms;
import dev.candor.bot.ask.AskMessages;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Form.Choice;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.pulse.Survey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last step: exactly the DM and the form people will get, rendered by the engine's own {@link AskMessages} and
 * {@link AskForms} (the form's inputs shown as text, so the preview can't be answered), who gets it and when, and
 * what to do next: launch, or go back to the settings or the questions. A choice rather than buttons because a
 * button inside a Slack modal has nowhere to answer.
 */
final class PreviewForm {
    static final String FORM_ID = "pulse.preview";
    static final String NEXT = "next";
    static final String LAUNCH = "launch";
    static final String SETTINGS = "settings";
    static final String QUESTIONS = "questions";
    static final String DRAFT = "draft";

    private PreviewForm() {}

    /**
     * @param reach who gets it, e.g. "12 people in Sales"
     * @param when when it goes out, e.g. "now"
     * @param dueAt the deadline the preview shows, as if opened now
     */
    static Form of(
            Survey survey,
            AskText text,
            Questionnaire questions,
            String reach,
            String when,
            Instant dueAt,
            ZoneId zone) {
        List<Block> intro = new ArrayList<>();
        intro.add(new Block.Section(Text.builder()
                .plain("Step 3 of 3: ")
                .strong(survey.name())
                .plain(" goes to " + reach + ", " + when + ". This is exactly what each person gets:")
                .build()));
        intro.add(new Block.Divider());
        AskMessages.ask(text, 0, dueAt, zone, 0).blocks().stream()
                .filter(block -> !(block instanceof Block.Buttons))
                .forEach(intro::add);
        intro.add(new Block.Context(Text.of("Their Answer button opens this form:")));
        intro.add(new Block.Divider());
        Form answer = AskForms.form(text, 0, questions, Map.of(), dueAt, zone);
        intro.addAll(answer.intro());
        int number = 1;
        for (Form.Input input : answer.inputs()) {
            intro.add(new Block.Section(question(number++, input)));
        }
        intro.add(new Block.Divider());
        Form.ChoiceInput next = new Form.ChoiceInput(
                NEXT,
                "What next",
                List.of(
                        new Choice(LAUNCH, "Launch it"),
                        new Choice(SETTINGS, "Edit the settings"),
                        new Choice(QUESTIONS, "Edit the questions"),
                        new Choice(DRAFT, "Keep it as a draft")),
                false,
                true,
                List.of(LAUNCH),
                null);
        return new Form(FORM_ID, "Preview", "Continue", intro, List.of(next), String.valueOf(survey.id()));
    }

    /** One input of the answer form as text: its label and what can be given. */
    private static Text question(int number, Form.Input input) {
        Text.Builder line =
                Text.builder().strong(number + ". " + input.label()).plain(input.required() ? "" : " (optional)");
        if (input instanceof Form.RatingInput rating) {
            line.plain("\n" + rating.min() + " " + rating.minLabel() + " … " + rating.max() + " " + rating.maxLabel());
        } else if (input instanceof Form.ChoiceInput choice) {
            line.plain("\n"
                    + String.join(
                            " · ", choice.choices().stream().map(Choice::label).toList()));
        } else if (input instanceof Form.MoodInput) {
            line.plain("\n"
                    + String.join(
                            " · ",
                            Form.MoodInput.FACES.stream().map(Choice::label).toList()));
        } else if (input instanceof Form.YesNoInput) {
            line.plain("\nYes · No");
        } else if (input instanceof Form.TextInput typed) {
            line.plain(typed.multiline() ? "\nA few lines of text" : "\nA short text");
        }
        return line.build();
    }
}
