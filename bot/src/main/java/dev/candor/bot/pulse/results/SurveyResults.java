package dev.candor.bot.pulse.results;

import dev.candor.scheduler.ask.Question;
import dev.candor.storage.pulse.results.SurveyRef;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What may be shown of a survey's latest round, already through {@link AnonymityRules}: when {@code shown} is false
 * there is nothing but the number of answers so far.
 *
 * @param scope whose answers: everyone's, or a manager's organisation
 * @param answers the round's answers within the scope
 * @param trend each shown round, oldest first, with its averages by question id (at least two rounds to draw)
 * @param comments up to a message's worth of text answers, picked at random, in random order; empty unless shown
 * @param commentCount how many text answers there are in all; 0 unless shown
 */
public record SurveyResults(
        SurveyRef survey,
        Scope scope,
        String period,
        int asks,
        int answered,
        int answers,
        boolean shown,
        List<QuestionResult> questions,
        List<TrendPoint> trend,
        List<BreakdownResult> breakdowns,
        List<ShownComment> comments,
        int commentCount) {

    /** Results that show nothing but how many have answered so far. */
    static SurveyResults waiting(SurveyRef survey, Scope scope, String period, int asks, int answered, int answers) {
        return new SurveyResults(
                survey, scope, period, asks, answered, answers, false, List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** The same results without the comments: what HR shares with a conversation. */
    public SurveyResults withoutComments() {
        return new SurveyResults(
                survey, scope, period, asks, answered, answers, shown, questions, trend, breakdowns, List.of(), 0);
    }

    /** The rule's minimum, for "results show from 5". */
    public int minGroup() {
        return new AnonymityRules(survey.minGroup()).minGroup();
    }

    /** One question's distribution: a count per label in the label's order. */
    public record QuestionResult(
            Question question, List<String> labels, List<Integer> counts, OptionalDouble average, Enps enps) {

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Promoters (9–10) minus detractors (0–6), in whole points of percent, with the three counts. */
    public record Enps(int score, int promoters, int passives, int detractors) {}

    public record TrendPoint(String period, Map<String, Double> averages) {}

    public record BreakdownResult(Breakdown breakdown, List<GroupResult> groups) {}

    public record GroupResult(String name, int answers, Map<String, Double> averages) {}
}
