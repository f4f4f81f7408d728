package dev.candor.bot.pulse.results;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.pulse.results.SurveyResults.TrendPoint;
import dev.candor.bot.server.PublicFiles;
import dev.candor.scheduler.ask.Question;
import dev.candor.storage.pulse.results.AnswerCount;
import dev.candor.storage.pulse.results.SurveyRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results messages of fixed content, for the golden files of both platforms. */
public final class ResultsSamples {
    static final SurveyRef SURVEY = new SurveyRef(42, "December pulse", true, 5);
    static final Question NPS = new Question.Nps("enps", "How likely are you to recommend working here?", true);
    static final Question WORKLOAD =
            new Question.Scale("workload", "How manageable is your workload?", true, "Not at all", "Completely");
    static final Question REMOTE = new Question.YesNo("remote", "Do you work remotely most days?", false);

    private ResultsSamples() {}

    /** The messages by golden file name. */
    public static Map<String, Message> messages() {
        Map<String, Message> messages = new LinkedHashMap<>();
        ResultsMessages withCharts = new ResultsMessages(new FixedFiles(true));
        messages.put(
                "pulse-results",
                withCharts.results(
                        1,
                        results(),
                        List.of(
                                new Block.Button(
                                        PulseResultsCommands.SHARE, "Share here", "42", Block.ButtonStyle.DEFAULT),
                                new Block.Button(
                                        PulseResultsCommands.EXPORT, "Export CSV", "42", Block.ButtonStyle.DEFAULT))));
        messages.put(
                "pulse-results-no-charts", new ResultsMessages(new FixedFiles(false)).results(1, results(), List.of()));
        messages.put("pulse-results-shared", withCharts.results(1, results().withoutComments(), List.of()));
        messages.put(
                "pulse-results-too-few",
                withCharts.results(
                        1, SurveyResults.waiting(SURVEY, Scope.wholeOrganisation(), "2026-W49", 20, 4, 4), List.of()));
        return messages;
    }

    static SurveyResults results() {
        List<AnswerCount> counts = new ArrayList<>();
        int[] nps = {0, 0, 0, 1, 0, 1, 1, 2, 3, 4, 3};
        for (int i = 0; i < nps.length; i++) {
            counts.add(new AnswerCount(7, "enps", Integer.toString(i), nps[i]));
        }
        int[] workload = {1, 2, 6, 4, 2};
        for (int i = 0; i < workload.length; i++) {
            counts.add(new AnswerCount(7, "workload", Integer.toString(i + 1), workload[i]));
        }
        counts.add(new AnswerCount(7, "remote", "true", 9));
        counts.add(new AnswerCount(7, "remote", "false", 6));
        List<Question> questions = List.of(NPS, WORKLOAD, REMOTE);
        return new SurveyResults(
                SURVEY,
                Scope.wholeOrganisation(),
                "2026-W49",
                20,
                15,
                15,
                true,
                questions.stream()
                        .flatMap(question -> Distributions.of(question, counts).stream())
                        .toList(),
                List.of(
                        new TrendPoint("2026-W45", Map.of("enps", 6.9, "workload", 2.8)),
                        new TrendPoint("2026-W49", Distributions.averages(questions, counts))),
                List.of(new BreakdownResult(
                        Breakdown.DEPARTMENT,
                        List.of(
                                new GroupResult("Sales", 8, Map.of("enps", 7.9, "workload", 3.1)),
                                new GroupResult("Support", 7, Map.of("enps", 7.4, "workload", 3.3))))),
                List.of(
                        new ShownComment("More time for focused work, please.", "6d1f0c1e-0000-4000-8000-000000000001"),
                        new ShownComment("The new onboarding helped a lot.", "6d1f0c1e-0000-4000-8000-000000000002")),
                2);
    }

    /** Publishes nowhere and answers with fixed addresses, so that golden files stay the same. */
    private record FixedFiles(boolean enabled) implements PublicFiles {
        @Override
        public Optional<String> publish(long orgId, String contentType, String fileName, byte[] body) {
            return enabled ? Optional.of("https://candor.example.com/files/TOKEN/" + fileName) : Optional.empty();
        }
    }
}
