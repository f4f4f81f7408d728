package dev.candor.bot.teams;

import dev.candor.bot.feedback.FeedbackSamples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Feedback's messages with fixed data as Adaptive Cards; {@code -Dgolden.update=true} rewrites the golden files. */
class TeamsFeedbackGoldenTest {

    static List<String> names() {
        return List.copyOf(FeedbackSamples.anonymousAnswers().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Goldens.assertMatches(
                name + ".json",
                TeamsRenderer.card(FeedbackSamples.anonymousAnswers().get(name)));
    }
}
