package dev.candor.bot.ask;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The answer form, built from a questionnaire version: one input per question, filled with what was given. */
public final class AskForms {
    public static final String FORM_ID = "ask.answer";
    public static final String DECLINE_ID = "ask.decline";
    static final String REASON = "reason";
    /** Slack's limit for a modal's title. */
    private static final int LONGEST_TITLE = 24;

    private AskForms() {}

    /**
     * The form for an ask.
     *
     * @param given the previous answer (or what was typed before an error) as form values, by question id
     */
    public static Form form(
            AskText text,
            long askId,
            Questionnaire questionnaire,
            Map<String, List<String>> given,
            Instant dueAt,
            ZoneId zone) {
        return form(text, askId, questionnaire, given, dueAt, zone, goals -> List.of(), List.of(), List.of());
    }

    /**
     * The form for an ask whose goals questions list the inputs {@code goalInputs} gives (the person's goals, see
     * {@link GoalQuestions}), with what the round's feature shows above the questions and its own inputs below them.
     */
    static Form form(
            AskText text,
            long askId,
            Questionnaire questionnaire,
            Map<String, List<String>> given,
            Instant dueAt,
            ZoneId zone,
            java.util.function.Function<Question.Goals, List<Form.Input>> goalInputs,
            List<Block> extraIntro,
            List<Form.Input> extraInputs) {
        List<Block> intro = new ArrayList<>();
        intro.add(new Block.Section(Text.builder()
                .strong(text.title())
                .plain(text.askedBy() == null ? "" : " from " + text.askedBy())
                .build()));
        if (text.note() != null) {
            intro.add(new Block.Context(Text.of(text.note())));
        }
        intro.add(new Block.Context(Text.of(
                "Answer by " + AskMessages.due(dueAt, zone) + " (your time); you can change your answer until then.")));
        intro.addAll(extraIntro);
        List<Form.Input> inputs = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            if (question instanceof Question.Goals goals) {
                inputs.addAll(goalInputs.apply(goals));
            } else {
                inputs.add(input(question, given.getOrDefault(question.id(), List.of())));
            }
        }
        inputs.addAll(extraInputs);
        return new Form(FORM_ID, title(text.title()), "Send", intro, inputs, String.valueOf(askId));
    }

    static Form.Input input(Question question, List<String> given) {
        String first = given.isEmpty() ? null : given.get(0);
        if (question instanceof Question.Scale scale) {
            return new Form.RatingInput(
                    scale.id(),
                    scale.prompt(),
                    Question.Scale.MIN,
                    Question.Scale.MAX,
                    scale.minLabel(),
                    scale.maxLabel(),
                    scale.required(),
                    first,
                    null);
        } else if (question instanceof Question.Nps nps) {
            return new Form.RatingInput(
                    nps.id(),
                    nps.prompt(),
                    Question.Nps.MIN,
                    Question.Nps.MAX,
                    Question.Nps.MIN_LABEL,
                    Question.Nps.MAX_LABEL,
                    nps.required(),
                    first,
                    null);
        } else if (question instanceof Question.Mood mood) {
            return new Form.MoodInput(mood.id(), mood.prompt(), mood.required(), first, null);
        } else if (question instanceof Question.YesNo yesNo) {
            return new Form.YesNoInput(yesNo.id(), yesNo.prompt(), yesNo.required(), first, null);
        } else if (question instanceof Question.Text typed) {
            return new Form.TextInput(
                    typed.id(),
                    typed.prompt(),
                    null,
                    typed.multiline(),
                    typed.required(),
                    first,
                    typed.maxLength(),
                    null);
        }
        Question.Choice choice = (Question.Choice) question;
        List<Form.Choice> options = IntStream.range(0, choice.options().size())
                .mapToObj(
                        i -> new Form.Choice(String.valueOf(i), choice.options().get(i)))
                .toList();
        return new Form.ChoiceInput(
                choice.id(),
                choice.prompt(),
                options,
                choice.multiple(),
                choice.required(),
                given,
                choice.multiple() ? "Pick any that apply." : null);
    }

    private static String title(String title) {
        return title.length() <= LONGEST_TITLE ? title : title.substring(0, LONGEST_TITLE - 1) + "…";
    }

    /** Declining an ask: the reason, which goes to whoever asked. */
    static Form declineForm(AskText text, long askId) {
        return new Form(
                DECLINE_ID,
                "Decline",
                "Decline",
                List.of(new Block.Section(Text.builder()
                        .strong(text.title())
                        .plain(text.askedBy() == null ? "" : " from " + text.askedBy())
                        .build())),
                List.of(new Form.TextInput(
                        REASON,
                        "Why? " + (text.askedBy() == null ? "" : text.askedBy() + " reads this."),
                        "I didn't work with you on this",
                        true,
                        false,
                        null,
                        500)),
                String.valueOf(askId));
    }
}
