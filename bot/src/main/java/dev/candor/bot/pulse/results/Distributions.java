package dev.candor.bot.pulse.results;

import dev.candor.bot.pulse.results.SurveyResults.Enps;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import dev.candor.scheduler.ask.Question;
import dev.candor.storage.pulse.results.AnswerCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Turns the counts PostgreSQL grouped into each question's distribution, average and eNPS. */
final class Distributions {
    private Distributions() {}

    /** The question's result from its counts, or empty for a question without one (free text). */
    static Optional<QuestionResult> of(Question question, List<AnswerCount> counts) {
        List<String> answers = answers(question);
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> byAnswer = new LinkedHashMap<>();
        counts.stream()
                .filter(count -> count.questionId().equals(question.id()))
                .forEach(count -> byAnswer.merge(count.answer(), count.answers(), Integer::sum));
        List<Integer> tally =
                answers.stream().map(answer -> byAnswer.getOrDefault(answer, 0)).toList();
        return Optional.of(new QuestionResult(
                question,
                labels(question),
                tally,
                average(question, tally),
                question instanceof Question.Nps ? enps(tally) : null));
    }

    /** The average of a numeric question (scale, NPS, mood), by question id, for trends and breakdowns. */
    static Map<String, Double> averages(List<Question> questions, List<AnswerCount> counts) {
        Map<String, Double> averages = new LinkedHashMap<>();
        for (Question question : questions) {
            of(question, counts)
                    .ifPresent(result -> result.average().ifPresent(average -> averages.put(question.id(), average)));
        }
        return averages;
    }

    /** How the answer appears in {@code answer_values}: a number, {@code true}/{@code false}, an option. */
    private static List<String> answers(Question question) {
        OptionalInt first = lowest(question);
        if (first.isPresent()) {
            return IntStream.rangeClosed(first.getAsInt(), highest(question))
                    .mapToObj(Integer::toString)
                    .toList();
        }
        if (question instanceof Question.YesNo) {
            return List.of("true", "false");
        }
        return question instanceof Question.Choice choice ? choice.options() : List.of();
    }

    private static List<String> labels(Question question) {
        return question instanceof Question.YesNo ? List.of("Yes", "No") : answers(question);
    }

    /** The lowest answer of a numeric question; empty for the others. */
    static OptionalInt lowest(Question question) {
        if (question instanceof Question.Nps) {
            return OptionalInt.of(Question.Nps.MIN);
        }
        if (question instanceof Question.Scale || question instanceof Question.Mood) {
            return OptionalInt.of(Question.Scale.MIN);
        }
        return OptionalInt.empty();
    }

    /** The highest answer of a numeric question. */
    static int highest(Question question) {
        return question instanceof Question.Nps ? Question.Nps.MAX : Question.Scale.MAX;
    }

    private static OptionalDouble average(Question question, List<Integer> tally) {
        OptionalInt first = lowest(question);
        int total = tally.stream().mapToInt(Integer::intValue).sum();
        if (first.isEmpty() || total == 0) {
            return OptionalDouble.empty();
        }
        long sum = 0;
        for (int i = 0; i < tally.size(); i++) {
            sum += (long) (first.getAsInt() + i) * tally.get(i);
        }
        return OptionalDouble.of(sum / (double) total);
    }

    /** Promoters answered 9 or 10, detractors 0 to 6; the score is their difference in whole points of percent. */
    private static Enps enps(List<Integer> tally) {
        int detractors =
                tally.subList(0, 7).stream().mapToInt(Integer::intValue).sum();
        int passives = tally.get(7) + tally.get(8);
        int promoters = tally.get(9) + tally.get(10);
        int total = detractors + passives + promoters;
        int score = total == 0 ? 0 : (int) Math.round(100.0 * (promoters - detractors) / total);
        return new Enps(score, promoters, passives, detractors);
    }

    static List<AnswerCount> ofRound(List<AnswerCount> counts, long roundId) {
        List<AnswerCount> ofRound = new ArrayList<>();
        counts.stream().filter(count -> count.roundId() == roundId).forEach(ofRound::add);
        return ofRound;
    }
}
