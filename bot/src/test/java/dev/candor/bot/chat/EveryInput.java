package dev.candor.bot.chat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A small feature for adapter tests: the button {@code sample.open} opens a form with every kind of input (each with
 * help text), and the form {@code sample.answer} is kept as submitted, for the test to read what the platform sent.
 */
public final class EveryInput implements Handlers.ActionHandler, Handlers.FormHandler {
    public static final String OPEN = "sample.open";
    public static final String FORM_ID = "sample.answer";

    private final LinkedBlockingQueue<FormSubmission> submitted = new LinkedBlockingQueue<>();

    /** Every input, pre-filled or not: optional ones start empty, required ones show an initial answer. */
    public static Form form() {
        return new Form(
                FORM_ID,
                "Weekly check-in",
                "Send",
                List.of(new Block.Section(Text.of("A few questions about your week."))),
                List.of(
                        new Form.MoodInput("mood", "How do you feel?", true, null, "Pick the face closest to it."),
                        new Form.RatingInput(
                                "workload",
                                "My workload is manageable",
                                1,
                                5,
                                "Not at all",
                                "Completely",
                                true,
                                "3",
                                "1 is overwhelmed, 5 is comfortable."),
                        new Form.RatingInput(
                                "nps",
                                "Would you recommend working here?",
                                0,
                                10,
                                "Not likely",
                                "Very likely",
                                false,
                                null,
                                null),
                        new Form.NumberInput(
                                "hours",
                                "Hours of focus time",
                                BigDecimal.ZERO,
                                new BigDecimal("80"),
                                1,
                                false,
                                null,
                                "Roughly is fine."),
                        new Form.DateInput("back", "Back from leave on", false, null, "Only if you're away."),
                        new Form.TimeInput("standup", "Best time for stand-up", true, "09:30", null),
                        new Form.YesNoInput("blocked", "Are you blocked?", true, null, null),
                        new Form.TextInput(
                                "notes",
                                "Anything else?",
                                "Optional",
                                true,
                                false,
                                null,
                                500,
                                "Only your manager sees this."),
                        new Form.ChoiceInput(
                                "focus",
                                "Focus next week",
                                List.of(new Form.Choice("build", "Building"), new Form.Choice("learn", "Learning")),
                                true,
                                false,
                                List.of(),
                                "Choose any.")),
                "round:7");
    }

    @Override
    public Reply handle(Action action) {
        return OPEN.equals(action.actionId()) ? Reply.form(form()) : Reply.none();
    }

    @Override
    public Reply handle(FormSubmission submission) {
        submitted.add(submission);
        return Reply.privately("Thanks, saved.");
    }

    /** The next submission that arrives; fails when none comes within a few seconds. */
    public FormSubmission next() throws InterruptedException {
        FormSubmission submission = submitted.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        if (submission == null) {
            throw new AssertionError("no form submission arrived");
        }
        return submission;
    }
}
