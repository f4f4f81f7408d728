package dev.candor.bot.pulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import dev.candor.bot.server.PublicFiles;
import dev.candor.scheduler.ask.Question;
import dev.candor.storage.pulse.results.AnswerCount;
import dev.candor.storage.pulse.results.SurveyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultsMessagesTest {

    /** Slack shows 50 blocks of a message: the largest results keep their buttons, some comments and the count. */
    @Test
    void theLargestResultsFitInOneSlackMessageWithTheirButtons() {
        List<QuestionResult> questions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Question question = new Question.Scale("q" + i, "Question " + i, true, "Low", "High");
            questions.add(Distributions.of(question, List.of(new AnswerCount(1, "q" + i, "3", 9)))
                    .orElseThrow());
        }
        List<BreakdownResult> breakdowns = List.of(Breakdown.values()).stream()
                .map(breakdown -> new BreakdownResult(breakdown, List.of(new GroupResult("A", 9, Map.of("q0", 3.0)))))
                .toList();
        List<ShownComment> comments = IntStream.range(0, 30)
                .mapToObj(i -> new ShownComment("Comment " + i, "thread-" + i))
                .toList();
        SurveyResults results = new SurveyResults(
                new SurveyRef(1, "Big", true, 5),
                Scope.wholeOrganisation(),
                "once",
                9,
                9,
                9,
                true,
                questions,
                List.of(),
                breakdowns,
                comments,
                comments.size());
        PublicFiles files = new PublicFiles() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Optional<String> publish(long orgId, String contentType, String fileName, byte[] body) {
                return Optional.of("https://candor.example.com/files/T/" + fileName);
            }
        };

        Message message = new ResultsMessages(files)
                .results(
                        1,
                        results,
                        List.of(new Block.Button(
                                PulseResultsCommands.EXPORT, "Export CSV", "1", Block.ButtonStyle.DEFAULT)));

        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(ResultsMessages.MOST_BLOCKS);
        assertThat(message.blocks().get(message.blocks().size() - 1)).isInstanceOf(Block.Buttons.class);
        assertThat(message.blocks()).filteredOn(Block.Quote.class::isInstance).isNotEmpty();
        assertThat(message.blocks().toString()).contains("more comments are left out of this message");
    }
}
