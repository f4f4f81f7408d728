package dev.candor.bot.pulse;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.Questionnaire;
import java.util.List;

/**
 * The second step: the survey's questions as one line each, edited exactly as a check-in's are (the engine's question
 * types and rules through {@link Questions}), filled with the template's questions or the draft's current ones. A
 * mistake is shown under the box with what was typed kept.
 */
final class QuestionsForm {
    static final String FORM_ID = "pulse.questions";
    static final String QUESTIONS = "questions";

    private QuestionsForm() {}

    static Form of(long surveyId, String name, Questionnaire questions) {
        return new Form(
                FORM_ID,
                "Survey questions",
                "Preview",
                List.of(new Block.Context(Text.builder()
                        .plain("Step 2 of 3: the questions of ")
                        .strong(name)
                        .plain(". Change, add or remove lines; nps is 0–10, scale is 1–5 with its two end labels.")
                        .build())),
                List.of(new Form.TextInput(
                        QUESTIONS, "Questions", null, true, true, Questions.lines(questions), 3000, Questions.SYNTAX)),
                String.valueOf(surveyId));
    }
}
