package dev.candor.bot.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.people.away.AwayGoldenMessages;
import dev.candor.storage.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Block Kit of {@code /candor away}'s answers, compared with golden files ({@code -Dgolden.update=true}). */
class SlackAwayGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();
    private static Map<String, Message> messages;

    @BeforeAll
    static void produce() {
        messages = AwayGoldenMessages.of(Platform.SLACK);
    }

    static List<String> names() {
        return List.of(
                "away-not-away",
                "away-set",
                "away-status",
                "away-back",
                "away-usage",
                "away-slack-status",
                "away-back-from-status");
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = messages.get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));

        Golden.assertMatches(name, Golden.parse(gson.toJson(body)));
    }
}
