package dev.candor.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.ask.AskSamples;
import dev.candor.bot.chat.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ask's DMs and its form (with a previous answer) as Block Kit, against golden files. */
class SlackAskGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();
    private static final ObjectMapper json = new ObjectMapper();

    static List<String> names() {
        return List.copyOf(AskSamples.messages().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersTheDmAsTheGoldenFile(String name) throws Exception {
        Message message = AskSamples.messages().get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));

        Golden.assertMatches(name, json.readTree(gson.toJson(body)));
    }

    @Test
    void rendersTheFormFilledWithThePreviousAnswerAsTheGoldenFile() throws Exception {
        JsonNode view =
                json.readTree(gson.toJson(SlackViews.modal(AskSamples.form(), new SlackOrigin(null, "42", null))));

        Golden.assertMatches("ask-form-prefilled", view);
    }
}
