package dev.candor.bot.ask;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.storage.ask.Ask;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a {@link Question.Goals} question lists and does: the answering person's goals as inputs when the form opens,
 * then, with the answer, their updates. The goals feature provides it ({@link AskFeatures#goalQuestions}); without one
 * a goals question shows nothing and changes nothing.
 */
public interface GoalQuestions {

    /**
     * The inputs of the person's goals, filled with {@code given} (form values by input id, see {@link
     * Question.Goals#valueId}) or else with where each goal is now; none when they have no goals to update.
     */
    List<Form.Input> inputs(Handle handle, Actor actor, Question.Goals question, Map<String, List<String>> given);

    /** What to fix in the items given, by input id; empty when they can be saved. */
    Map<String, String> problems(
            Handle handle, Actor actor, Question.Goals question, List<Answers.Value.Progress.Item> items);

    /**
     * Updates the goals as given, in the answer's transaction; {@code sourceKey} (the submission's) keeps each update
     * once however often the request is retried.
     */
    void apply(
            Handle handle,
            Actor actor,
            Ask ask,
            Question.Goals question,
            List<Answers.Value.Progress.Item> items,
            String sourceKey);

    /** No goals feature: nothing to list, nothing to update. */
    GoalQuestions NONE = new GoalQuestions() {
        @Override
        public List<Form.Input> inputs(
                Handle handle, Actor actor, Question.Goals question, Map<String, List<String>> given) {
            return List.of();
        }

        @Override
        public Map<String, String> problems(
                Handle handle, Actor actor, Question.Goals question, List<Answers.Value.Progress.Item> items) {
            return Map.of();
        }

        @Override
        public void apply(
                Handle handle,
                Actor actor,
                Ask ask,
                Question.Goals question,
                List<Answers.Value.Progress.Item> items,
                String sourceKey) {}
    };
}
