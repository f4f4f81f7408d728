package dev.candor.bot.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.feedback.FeedbackSamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Feedback's messages with fixed data, as Slack gets them; {@code -Dgolden.update=true} rewrites the golden files. */
class SlackFeedbackGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();

    static List<String> names() {
        return List.copyOf(FeedbackSamples.anonymousAnswers().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = FeedbackSamples.anonymousAnswers().get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));
        Golden.assertMatches(name, Golden.parse(gson.toJson(body)));
    }
}
